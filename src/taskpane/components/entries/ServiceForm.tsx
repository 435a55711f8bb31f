/** A row of «Служба»: the service log (consultations, trainings, meetings). */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { formatDateRu } from "../../../core/dates/isoDate";
import { SERVICE_KINDS, type ServiceKind } from "../../../core/register/schema";
import { useAction } from "../../hooks/useAction";
import { readCountInput, readDateInput } from "../../logic/dateInput";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";
import type { EntryFormProps } from "./EntriesTab";
import { upgradeNote } from "../../logic/upgradeText";

export function ServiceForm({ gateway, today, onChanged }: EntryFormProps) {
  const s = useFormStyles();
  const [date, setDate] = useState(formatDateRu(today));
  const [kind, setKind] = useState<ServiceKind>("consultationsIndividual");
  const [count, setCount] = useState("1");
  const [covered, setCovered] = useState("1");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();

  const save = (): void => {
    const d = readDateInput(date, true);
    const n = readCountInput(count, 1);
    const c = readCountInput(covered, 0);
    const next: Record<string, string> = {};
    if (!d.ok) next.date = d.message;
    if (!n.ok) next.count = n.message;
    if (!c.ok) next.covered = c.message;
    setErrors(next);
    if (!d.ok || d.value === null || !n.ok || !c.ok) {
      return;
    }
    const on = d.value;
    void action.run("Запись журнала не сохранена", async () => {
      const outcome = await gateway.addService({
        date: on,
        kind,
        count: n.value,
        covered: c.value,
        note: note.trim(),
      });
      await onChanged();
      return `${upgradeNote(outcome)}Запись журнала службы сохранена: ${formatDateRu(on)}.`;
    });
  };

  return (
    <div className={s.form}>
      <DateField label="Дата" required value={date} onChange={setDate} error={errors.date} />
      <SelectField
        label="Вид работы"
        value={kind}
        options={SERVICE_KINDS.map((k) => ({ value: k.key, label: k.title }))}
        onChange={(v) => setKind(v as ServiceKind)}
      />
      <div className={s.row}>
        <TextField
          label="Количество"
          inputMode="numeric"
          value={count}
          onChange={setCount}
          error={errors.count}
        />
        <TextField
          label="Охвачено (человек)"
          inputMode="numeric"
          value={covered}
          onChange={setCovered}
          error={errors.covered}
        />
      </div>
      <TextField label="Примечание" value={note} onChange={setNote} />
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          Записать в журнал
        </Button>
      </div>
    </div>
  );
}
