/** One group of settings (school, quarters, report, parent community). */
import type { SettingGroup } from "../../logic/settingsForm";
import { DateField } from "../common/DateField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";

export interface SettingsGroupProps {
  readonly group: SettingGroup;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (name: string, value: string) => void;
}

export function SettingsGroup({ group, values, errors, onChange }: SettingsGroupProps) {
  const s = useFormStyles();
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>{group.title}</legend>
      <div className={s.row}>
        {group.params.map((p) =>
          p.kind === "date" ? (
            <DateField
              key={p.name}
              label={p.name}
              value={values[p.name] ?? ""}
              error={errors[p.name]}
              onChange={(v) => onChange(p.name, v)}
            />
          ) : (
            <TextField
              key={p.name}
              label={p.name}
              value={values[p.name] ?? ""}
              error={errors[p.name]}
              inputMode={p.kind === "count" || p.kind === "day" ? "numeric" : "text"}
              onChange={(v) => onChange(p.name, v)}
            />
          )
        )}
      </div>
    </fieldset>
  );
}
