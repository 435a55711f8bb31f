/** A list of the open cases a quick entry can name. */
import type { CaseOption } from "../../logic/caseOptions";
import { SelectField } from "../common/SelectField";

export interface CaseSelectProps {
  readonly value: string;
  readonly options: readonly CaseOption[];
  readonly onChange: (code: string) => void;
  readonly error?: string | undefined;
}

export function CaseSelect({ value, options, onChange, error }: CaseSelectProps) {
  return (
    <SelectField
      label="Случай"
      name="entryCase"
      required
      value={value}
      error={error}
      options={[
        { value: "", label: "— выберите случай —" },
        ...options.map((o) => ({ value: o.code, label: o.label })),
      ]}
      onChange={onChange}
    />
  );
}
