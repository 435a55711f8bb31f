/** Removal from the register: «Дата снятия» and «Основание снятия». */
import { Button } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateRu } from "../../../core/dates/isoDate";
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

const GROUNDS = [
  "положительная динамика",
  "выбыл из школы",
  "достижение совершеннолетия",
  "решение КДН и ЗП",
  "другое",
];

export function RemovalForm({ gateway, register, today, onChanged }: EntryFormProps) {
  const s = useFormStyles();
  const options = useMemo(() => caseOptions(register, today), [register, today]);
  const [code, setCode] = useState("");
  const [date, setDate] = useState(formatDateRu(today));
  const [ground, setGround] = useState(GROUNDS[0] ?? "");
  const [detail, setDetail] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();

  const save = (): void => {
    const d = readDateInput(date, true);
    const episode = register.episodes.find((e) => e.code === code);
    const next: Record<string, string> = {};
    if (code === "") next.code = "Выберите случай";
    if (!d.ok) next.date = d.message;
    else if (d.value !== null && episode?.identified && d.value < episode.identified) {
      next.date = "Дата снятия раньше даты выявления";
    }
    if (ground === "другое" && detail.trim() === "") next.detail = "Укажите основание снятия";
    setErrors(next);
    if (Object.keys(next).length > 0 || !d.ok || d.value === null) {
      return;
    }
    const on = d.value;
    const reason =
      ground === "другое"
        ? detail.trim()
        : [ground, detail.trim()].filter((x) => x !== "").join(": ");
    void action.run("Снятие не записано", async () => {
      await gateway.removeCase(code, on, reason);
      await onChanged();
      setCode("");
      return `Случай ${code} снят с учёта ${formatDateRu(on)} (${reason}).`;
    });
  };

  return (
    <div className={s.form}>
      <CaseSelect value={code} options={options} onChange={setCode} error={errors.code} />
      <DateField label="Дата снятия" required value={date} onChange={setDate} error={errors.date} />
      <SelectField
        label="Основание снятия"
        value={ground}
        options={GROUNDS.map((g) => ({ value: g, label: g }))}
        onChange={setGround}
      />
      <TextField
        label={ground === "другое" ? "Основание (текст)" : "Уточнение (протокол, куда выбыл)"}
        value={detail}
        onChange={setDetail}
        error={errors.detail}
        required={ground === "другое"}
      />
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          Снять с учёта
        </Button>
      </div>
    </div>
  );
}
