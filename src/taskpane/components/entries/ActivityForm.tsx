/** A row of «Занятость»: a club, a sports section or another organised activity of the child. */
import { Button } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ACTIVITY_KINDS, type ActivityKind } from "../../../core/register/schema";
import { useAction } from "../../hooks/useAction";
import { caseOptions } from "../../logic/caseOptions";
import { readDateInput } from "../../logic/dateInput";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";
import { CaseSelect } from "./CaseSelect";
import type { EntryFormProps } from "./EntriesTab";
import { upgradeNote } from "../../logic/upgradeText";

export function ActivityForm({ gateway, register, today, onChanged }: EntryFormProps) {
  const s = useFormStyles();
  const options = useMemo(() => caseOptions(register, today), [register, today]);
  const [code, setCode] = useState("");
  const [kind, setKind] = useState<ActivityKind>("schoolClubs");
  const [name, setName] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();

  const save = (): void => {
    const from = readDateInput(start);
    const to = readDateInput(end);
    const next: Record<string, string> = {};
    if (code === "") next.code = "Выберите случай";
    if (name.trim() === "") next.name = "Укажите объединение (кружок, секцию)";
    if (!from.ok) next.start = from.message;
    if (!to.ok) next.end = to.message;
    if (from.ok && to.ok && from.value !== null && to.value !== null && from.value > to.value) {
      next.end = "Дата окончания раньше даты начала";
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !from.ok || !to.ok) {
      return;
    }
    void action.run("Занятость не записана", async () => {
      const outcome = await gateway.addActivity({
        caseCode: code,
        kind,
        name: name.trim(),
        start: from.value,
        end: to.value,
      });
      await onChanged();
      return `${upgradeNote(outcome)}Занятость записана: случай ${code}, «${name.trim()}».`;
    });
  };

  return (
    <div className={s.form}>
      <CaseSelect value={code} options={options} onChange={setCode} error={errors.code} />
      <SelectField
        label="Вид"
        value={kind}
        options={ACTIVITY_KINDS.map((k) => ({ value: k.key, label: k.title }))}
        onChange={(v) => setKind(v as ActivityKind)}
      />
      <TextField label="Объединение" required value={name} onChange={setName} error={errors.name} />
      <div className={s.row}>
        <DateField label="Дата начала" value={start} onChange={setStart} error={errors.start} />
        <DateField label="Дата окончания" value={end} onChange={setEnd} error={errors.end} />
      </div>
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          Записать занятость
        </Button>
      </div>
    </div>
  );
}
