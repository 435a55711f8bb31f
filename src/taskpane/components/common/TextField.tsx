/** A labelled one-line text input. */
import { Field, Input } from "@fluentui/react-components";
import { useFormStyles } from "../styles";

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly name?: string;
  readonly inputMode?: "text" | "numeric" | "tel" | "email";
}

export function TextField(props: TextFieldProps) {
  const s = useFormStyles();
  return (
    <Field
      label={props.label}
      required={props.required ?? false}
      validationState={props.error !== undefined ? "error" : "none"}
      validationMessage={props.error ?? null}
      hint={props.hint ?? null}
    >
      <Input
        className={s.input}
        value={props.value}
        name={props.name}
        inputMode={props.inputMode ?? "text"}
        autoComplete="off"
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}
