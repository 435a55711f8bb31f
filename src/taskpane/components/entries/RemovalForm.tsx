/**
 * Removal from the register by the body that decides it: the Совет профилактики's protocol
 * (level 1) or the КДН и ЗП's постановление (level 2, which the school only records), the
 * ground, and the decision's number and date — «Дата снятия», «Основание снятия»,
 * «Протокол снятия».
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateRu } from "../../../core/dates/isoDate";
import { useAction } from "../../hooks/useAction";
import { caseOptions } from "../../logic/caseOptions";
import {
  checkRemoval,
  REMOVAL_GROUNDS,
  removalWords,
  type RemovalFormState,
} from "../../logic/removalForm";
import { upgradeNote } from "../../logic/upgradeText";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { DateField } from "../common/DateField";
import { SelectField } from "../common/SelectField";
import { TextField } from "../common/TextField";
import { useFormStyles } from "../styles";
import { CaseSelect } from "./CaseSelect";
import type { EntryFormProps } from "./EntriesTab";

export function RemovalForm({ gateway, register, today, onChanged }: EntryFormProps) {
  const s = useFormStyles();
  const options = useMemo(() => caseOptions(register, today), [register, today]);
  const [state, setState] = useState<RemovalFormState>({
    code: "",
    ground: REMOVAL_GROUNDS[0],
    detail: "",
    number: "",
    date: formatDateRu(today),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof RemovalFormState, string>>>({});
  const action = useAction();
  const episode = register.episodes.find((e) => e.code === state.code);
  const words = removalWords(episode);
  const set = (patch: Partial<RemovalFormState>): void => setState((x) => ({ ...x, ...patch }));

  const save = (): void => {
    const checked = checkRemoval(state, episode, today);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      return;
    }
    const { draft } = checked;
    const code = state.code;
    void action.run("Снятие не записано", async () => {
      const outcome = await gateway.removeCase(code, draft);
      await onChanged();
      set({ code: "", number: "", detail: "" });
      return `${upgradeNote(outcome)}Случай ${code} снят с учёта ${formatDateRu(draft.decisionDate)} (${draft.ground}; ${words.decision} № ${draft.decisionNumber}).`;
    });
  };

  return (
    <div className={s.form}>
      <CaseSelect
        value={state.code}
        options={options}
        onChange={(code) => set({ code })}
        error={errors.code}
      />
      {episode !== undefined && (
        <MessageBar
          intent={episode.level === 2 ? "warning" : "info"}
          layout="multiline"
          data-testid="removal-body"
        >
          <MessageBarBody>{words.explain}</MessageBarBody>
        </MessageBar>
      )}
      <SelectField
        label="Основание снятия"
        value={state.ground}
        options={REMOVAL_GROUNDS.map((g) => ({ value: g, label: g }))}
        onChange={(ground) => set({ ground })}
      />
      <TextField
        label={state.ground === "другое" ? "Основание (текст)" : "Уточнение (например, куда выбыл)"}
        value={state.detail}
        onChange={(detail) => set({ detail })}
        error={errors.detail}
        required={state.ground === "другое"}
      />
      <div className={s.row}>
        <TextField
          label={words.numberLabel}
          required
          value={state.number}
          onChange={(number) => set({ number })}
          error={errors.number}
        />
        <DateField
          label={words.dateLabel}
          required
          hint="Это дата снятия с учёта"
          value={state.date}
          onChange={(date) => set({ date })}
          error={errors.date}
        />
      </div>
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={action.busy} onClick={save}>
          {words.button}
        </Button>
      </div>
    </div>
  );
}
