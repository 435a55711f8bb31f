/**
 * Transfer from level 1 to level 2: ends the level-1 episode («переведён в СОП») and opens the
 * level-2 episode registered by the commission's decision.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateRu } from "../../../core/dates/isoDate";
import { useAction } from "../../hooks/useAction";
import { caseOptions } from "../../logic/caseOptions";
import { readDateInput } from "../../logic/dateInput";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { DateField } from "../common/DateField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";
import { CaseSelect } from "./CaseSelect";
import type { EntryFormProps } from "./EntriesTab";

export function TransferForm({ gateway, register, today, onChanged }: EntryFormProps) {
  const s = useFormStyles();
  const options = useMemo(
    () => caseOptions(register, today, (e) => e.level === 1 && e.registered !== null),
    [register, today]
  );
  const [code, setCode] = useState("");
  const [date, setDate] = useState(formatDateRu(today));
  const [protocol, setProtocol] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();

  const save = (): void => {
    const d = readDateInput(date, true);
    const episode = register.episodes.find((e) => e.code === code);
    const next: Record<string, string> = {};
    if (code === "") next.code = "Выберите случай уровня 1";
    if (!d.ok) next.date = d.message;
    else if (d.value !== null && episode?.registered && d.value < episode.registered) {
      next.date = "Дата перевода раньше постановки на уровень 1";
    }
    if (protocol.trim() === "") next.protocol = "Укажите номер протокола КДН и ЗП";
    setErrors(next);
    if (Object.keys(next).length > 0 || !d.ok || d.value === null) {
      return;
    }
    const on = d.value;
    void action.run("Перевод не записан", async () => {
      const newCode = await gateway.transferToLevel2(code, on, protocol.trim(), { today });
      await onChanged();
      setCode("");
      return `Случай ${code} закрыт (переведён в СОП), открыт случай ${newCode} уровня 2 с ${formatDateRu(on)}.`;
    });
  };

  return (
    <div className={s.form}>
      <Caption1 className={s.muted}>
        Случай уровня 1 закрывается с основанием «переведён в СОП», открывается случай уровня 2 с
        теми же показателями.
      </Caption1>
      <CaseSelect value={code} options={options} onChange={setCode} error={errors.code} />
      <div className={s.row}>
        <DateField
          label="Дата решения КДН и ЗП"
          required
          value={date}
          onChange={setDate}
          error={errors.date}
        />
        <TextField
          label="Протокол №"
          required
          value={protocol}
          onChange={setProtocol}
          error={errors.protocol}
        />
      </div>
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          Перевести на уровень 2
        </Button>
      </div>
    </div>
  );
}
