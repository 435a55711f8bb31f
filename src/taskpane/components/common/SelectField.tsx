/** A labelled native list (keyboard- and screen-reader-friendly on every Office host). */
import { Field, makeStyles, Select } from "@fluentui/react-components";

// A native list is as wide as its longest option: keep it inside a 320 px pane.
const useStyles = makeStyles({
  field: { minWidth: 0 },
  root: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
});

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly SelectOption[];
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly name?: string;
}

export function SelectField(props: SelectFieldProps) {
  const s = useStyles();
  return (
    <Field
      className={s.field}
      label={props.label}
      required={props.required ?? false}
      validationState={props.error !== undefined ? "error" : "none"}
      validationMessage={props.error ?? null}
      hint={props.hint ?? null}
    >
      <Select
        className={s.root}
        select={{ className: s.select }}
        value={props.value}
        name={props.name}
        onChange={(_, d) => props.onChange(d.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
