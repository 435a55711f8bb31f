/**
 * Transfer from level 1 to level 2: the КДН и ЗП registers the child at level 2 by its
 * постановление. The level-1 episode ends («переведён в СОП», «Протокол снятия» = the
 * постановление) and the level-2 episode opens on the постановление's date under its number.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateRu } from "../../../core/dates/isoDate";
import { useAction } from "../../hooks/useAction";
import { caseOptions } from "../../logic/caseOptions";
import { checkTransfer } from "../../logic/removalForm";
import { upgradeNote } from "../../logic/upgradeText";
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
  const [number, setNumber] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"code" | "number" | "date", string>>>({});
  const action = useAction();

  const save = (): void => {
    const episode = register.episodes.find((e) => e.code === code);
    const checked = checkTransfer({ code, number, date }, episode, today);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      return;
    }
    const { decision } = checked;
    void action.run("Перевод не записан", async () => {
      const result = await gateway.transferToLevel2(code, decision, { today });
      await onChanged();
      setCode("");
      setNumber("");
      return `${upgradeNote(result)}Случай ${code} закрыт (переведён в СОП), открыт случай ${result.code} уровня 2 с ${formatDateRu(decision.date)} по постановлению КДН и ЗП № ${decision.number}.`;
    });
  };

  return (
    <div className={s.form}>
      <Caption1 className={s.muted}>
        На уровень 2 (СОП) ставит КДН и ЗП своим постановлением. Случай уровня 1 закроется с
        основанием «переведён в СОП», откроется случай уровня 2 с теми же показателями и своими
        сроками.
      </Caption1>
      <CaseSelect value={code} options={options} onChange={setCode} error={errors.code} />
      <div className={s.row}>
        <TextField
          label="Постановление КДН и ЗП №"
          required
          value={number}
          onChange={setNumber}
          error={errors.number}
        />
        <DateField
          label="Дата постановления КДН и ЗП"
          required
          value={date}
          onChange={setDate}
          error={errors.date}
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
