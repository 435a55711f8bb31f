/** The family: none, an existing code of «Семьи», or a new family with its fields. */
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { Family } from "../../../core/register/model";
import {
  nextFamilyCode,
  type CaseErrors,
  type CaseFormState,
  type FamilyMode,
} from "../../logic/caseForm";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";
import { NewFamilyFields } from "./NewFamilyFields";

export interface FamilyFieldsProps {
  readonly form: CaseFormState;
  readonly families: readonly Family[];
  readonly errors: CaseErrors;
  readonly update: (patch: Partial<CaseFormState>) => void;
}

function familyLabel(f: Family): string {
  const parents = [f.mother, f.father, f.guardian].filter((p) => p !== "").join(", ");
  return parents === "" ? f.code : `${f.code} — ${parents}`;
}

export function FamilyFields({ form, families, errors, update }: FamilyFieldsProps) {
  const s = useFormStyles();
  const choose = (mode: FamilyMode): void => {
    if (mode === "new" && form.newFamily.code === "") {
      update({
        familyMode: mode,
        newFamily: { ...form.newFamily, code: nextFamilyCode(families) },
      });
    } else {
      update({ familyMode: mode });
    }
  };
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>Семья</legend>
      <Field label="Семья ребёнка">
        <RadioGroup
          value={form.familyMode}
          onChange={(_, d) => choose(d.value as FamilyMode)}
          layout="vertical"
        >
          <Radio value="none" label="Не указывать" />
          <Radio
            value="existing"
            label="Выбрать из листа «Семьи»"
            disabled={families.length === 0}
          />
          <Radio value="new" label="Новая семья" />
        </RadioGroup>
      </Field>
      {form.familyMode === "existing" && (
        <SelectField
          label="Код семьи"
          name="familyCode"
          required
          value={form.familyCode}
          error={errors.familyCode}
          options={[
            { value: "", label: "— выберите семью —" },
            ...families.map((f) => ({ value: f.code, label: familyLabel(f) })),
          ]}
          onChange={(familyCode) => update({ familyCode })}
        />
      )}
      {form.familyMode === "new" && (
        <NewFamilyFields
          family={form.newFamily}
          error={errors.newFamilyCode}
          onChange={(newFamily) => update({ newFamily })}
        />
      )}
    </fieldset>
  );
}
