/**
 * A date typed as ДД.ММ.ГГГГ. It refuses an impossible date (31.02.2026) or a wrong shape with a
 * Russian message as soon as the field is left; the form checks again on saving.
 */
import { Field, Input } from "@fluentui/react-components";
import { useFormStyles } from "../styles";
import { useState } from "react";
import { readDateInput } from "../../logic/dateInput";

export interface DateFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** An error from the form's check; wins over the field's own. */
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly name?: string;
}

export function DateField(props: DateFieldProps) {
  const s = useFormStyles();
  const [left, setLeft] = useState(false);
  const own = left ? readDateInput(props.value) : null;
  const message = props.error ?? (own !== null && !own.ok ? own.message : undefined);
  return (
    <Field
      label={props.label}
      required={props.required ?? false}
      validationState={message !== undefined ? "error" : "none"}
      validationMessage={message ?? null}
      hint={props.hint ?? null}
    >
      <Input
        className={s.input}
        value={props.value}
        name={props.name}
        placeholder="ДД.ММ.ГГГГ"
        inputMode="numeric"
        autoComplete="off"
        onChange={(_, d) => props.onChange(d.value)}
        onBlur={() => setLeft(true)}
      />
    </Field>
  );
}
