/** How the case came to the school: the date of identification and the source. */
import { SOURCE_VALUES } from "../../../core/register/schema";
import type { CaseErrors, CaseFormState } from "../../logic/caseForm";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";

export interface IdentificationFieldsProps {
  readonly form: CaseFormState;
  readonly errors: CaseErrors;
  readonly update: (patch: Partial<CaseFormState>) => void;
}

export function IdentificationFields({ form, errors, update }: IdentificationFieldsProps) {
  const s = useFormStyles();
  const known = (SOURCE_VALUES as readonly string[]).includes(form.source) || form.source === "";
  const options = [
    { value: "", label: "— не указан —" },
    ...SOURCE_VALUES.map((v) => ({ value: v, label: v })),
    ...(known ? [] : [{ value: form.source, label: form.source }]),
  ];
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>Выявление</legend>
      <div className={s.row}>
        <DateField
          label="Дата выявления"
          name="identified"
          required
          value={form.identified}
          error={errors.identified}
          onChange={(identified) => update({ identified })}
        />
        <SelectField
          label="Источник"
          name="source"
          value={form.source}
          options={options}
          hint="Кто сообщил о неблагополучии"
          onChange={(source) => update({ source })}
        />
      </div>
    </fieldset>
  );
}
