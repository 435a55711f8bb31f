/**
 * The decided level (the protocol of the Совет профилактики for level 1, the постановление of
 * the КДН и ЗП for level 2) with the decision's number and date (= «Дата постановки»). A level
 * that differs from the suggestion needs a written reason.
 */
import { Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { levelMismatch, type CaseErrors, type CaseFormState } from "../../logic/caseForm";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";

const LEVEL_OPTIONS = [
  { value: "", label: "Не поставлен на учёт (только выявлен)" },
  { value: "1", label: "1 — ранняя стадия (протокол Совета профилактики)" },
  { value: "2", label: "2 — СОП (постановление КДН и ЗП)" },
];

export interface DecisionFieldsProps {
  readonly form: CaseFormState;
  readonly errors: CaseErrors;
  readonly update: (patch: Partial<CaseFormState>) => void;
}

export function DecisionFields({ form, errors, update }: DecisionFieldsProps) {
  const s = useFormStyles();
  const mismatch = levelMismatch(form);
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>Решение о постановке на учёт</legend>
      <SelectField
        label="Уровень учёта"
        name="level"
        value={form.level}
        options={LEVEL_OPTIONS}
        error={errors.level}
        onChange={(v) => update({ level: v === "1" || v === "2" ? v : "" })}
      />
      {form.level !== "" && (
        <div className={s.row}>
          <DateField
            label="Дата постановки (решения)"
            name="registered"
            required
            value={form.registered}
            error={errors.registered}
            onChange={(registered) => update({ registered })}
          />
          <TextField
            label={
              form.level === "2" ? "Постановление КДН и ЗП №" : "Протокол Совета профилактики №"
            }
            name="protocol"
            required
            value={form.protocol}
            error={errors.protocol}
            onChange={(protocol) => update({ protocol })}
          />
        </div>
      )}
      {mismatch !== null && (
        <>
          <MessageBar intent="warning" layout="multiline" data-testid="level-mismatch">
            <MessageBarBody>{mismatch}</MessageBarBody>
          </MessageBar>
          <Field
            label="Причина решения"
            hint="Запишется в «Примечание» случая"
            required
            validationState={errors.levelReason !== undefined ? "error" : "none"}
            validationMessage={errors.levelReason ?? null}
          >
            <Textarea
              name="levelReason"
              value={form.levelReason}
              onChange={(_, d) => update({ levelReason: d.value })}
            />
          </Field>
        </>
      )}
      <TextField
        label="Куратор"
        name="curator"
        value={form.curator}
        onChange={(curator) => update({ curator })}
      />
      <Field label="Примечание">
        <Textarea name="note" value={form.note} onChange={(_, d) => update({ note: d.value })} />
      </Field>
    </fieldset>
  );
}
