/** A read-only text with a «Копировать» button, for the user's own mail program. */
import { Button, Field, Input, Textarea } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { copyText } from "../../browserFiles";
import { useFormStyles } from "../styles";

export function CopyField({
  label,
  value,
  multiline = false,
  rows,
}: {
  readonly label: string;
  readonly value: string;
  readonly multiline?: boolean;
  /** A wrapped text area of this many rows (a one-line input otherwise, unless multiline). */
  readonly rows?: number;
}) {
  const s = useFormStyles();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = (): void => {
    void copyText(value).then((ok) => setState(ok ? "copied" : "failed"));
  };
  return (
    <Field
      label={label}
      validationState={state === "failed" ? "warning" : state === "copied" ? "success" : "none"}
      validationMessage={
        state === "copied"
          ? "Скопировано"
          : state === "failed"
            ? "Не удалось скопировать: выделите текст и нажмите Ctrl+C"
            : null
      }
    >
      {(fieldProps) => (
        <div style={{ display: "flex", gap: 4, alignItems: "flex-start" }}>
          {multiline || rows !== undefined ? (
            <Textarea
              {...fieldProps}
              className={s.input}
              value={value}
              readOnly
              rows={rows ?? 6}
              resize="vertical"
            />
          ) : (
            <Input {...fieldProps} className={s.input} value={value} readOnly />
          )}
          <Button
            icon={<CopyRegular />}
            aria-label={`Копировать: ${label}`}
            title="Копировать"
            onClick={copy}
          />
        </div>
      )}
    </Field>
  );
}
