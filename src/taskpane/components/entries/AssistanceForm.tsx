/** A row of «Помощь»: the help a family received. */
import { Button, Field, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateRu } from "../../../core/dates/isoDate";
import { ASSISTANCE_KINDS, type AssistanceKind } from "../../../core/register/schema";
import { useAction } from "../../hooks/useAction";
import { caseOptions } from "../../logic/caseOptions";
import { readDateInput } from "../../logic/dateInput";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";
import { CaseSelect } from "./CaseSelect";
import type { EntryFormProps } from "./EntriesTab";
import { upgradeNote } from "../../logic/upgradeText";

export function AssistanceForm({ gateway, register, today, onChanged }: EntryFormProps) {
  const s = useFormStyles();
  const options = useMemo(() => caseOptions(register, today), [register, today]);
  const [code, setCode] = useState("");
  const [date, setDate] = useState(formatDateRu(today));
  const [kind, setKind] = useState<AssistanceKind>("psychological");
  const [content, setContent] = useState("");
  const [errors, setErrors] = useState<{ code?: string; date?: string }>({});
  const action = useAction();

  const save = (): void => {
    const d = readDateInput(date, true);
    const next = {
      ...(code === "" ? { code: "Выберите случай" } : {}),
      ...(!d.ok ? { date: d.message } : {}),
    };
    setErrors(next);
    if (!d.ok || d.value === null || code === "") {
      return;
    }
    const on = d.value;
    void action.run("Помощь не записана", async () => {
      const outcome = await gateway.addAssistance({
        caseCode: code,
        date: on,
        kind,
        content: content.trim(),
      });
      await onChanged();
      setContent("");
      return `${upgradeNote(outcome)}Помощь записана: случай ${code}, ${formatDateRu(on)}.`;
    });
  };

  return (
    <div className={s.form}>
      <CaseSelect value={code} options={options} onChange={setCode} error={errors.code} />
      <DateField label="Дата" required value={date} onChange={setDate} error={errors.date} />
      <SelectField
        label="Вид помощи"
        value={kind}
        options={ASSISTANCE_KINDS.map((k) => ({ value: k.key, label: k.title }))}
        onChange={(v) => setKind(v as AssistanceKind)}
      />
      <Field label="Содержание">
        <Textarea value={content} onChange={(_, d) => setContent(d.value)} />
      </Field>
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          Записать помощь
        </Button>
      </div>
    </div>
  );
}
