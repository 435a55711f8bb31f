/** «Случай»: enter a new case or edit one; saving writes it to the workbook in one step. */
import { Button } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useCallback, useMemo } from "react";
import type { IsoDate } from "../../../core/dates/isoDate";
import type { Register } from "../../../core/register/model";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { useCaseForm } from "../../hooks/useCaseForm";
import { allCaseOptions } from "../../logic/caseOptions";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { useFormStyles } from "../styles";
import { CasePicker } from "./CasePicker";
import { ChildFields } from "./ChildFields";
import { DeadlinePreview } from "./DeadlinePreview";
import { DecisionFields } from "./DecisionFields";
import { FamilyFields } from "./FamilyFields";
import { IdentificationFields } from "./IdentificationFields";
import { IndicatorChecklist } from "./IndicatorChecklist";
import { SuggestionBox } from "./SuggestionBox";
import { upgradeNote } from "../../logic/upgradeText";

export interface CaseTabProps {
  readonly gateway: RegisterGateway;
  readonly register: Register;
  readonly today: IsoDate;
  /** The episode shown; "" for a new case. */
  readonly code: string;
  readonly onPick: (code: string) => void;
  /** After a save: refresh the register and show the saved case. */
  readonly onSaved: (code: string, message: string) => Promise<void>;
  /** The outcome of the save that led here, if any. */
  readonly notice: string | null;
}

export function CaseTab(props: CaseTabProps) {
  const s = useFormStyles();
  const { form, errors, preview, update, check } = useCaseForm(
    props.register,
    props.code,
    props.today
  );
  const action = useAction();
  const options = useMemo(() => allCaseOptions(props.register), [props.register]);
  const count = Object.keys(errors).length;
  const setIndicators = useCallback((indicators: string[]) => update({ indicators }), [update]);

  const save = async (): Promise<void> => {
    const result = check();
    if (!result.ok) {
      const n = Object.keys(result.errors).length;
      action.setMessage({
        intent: "error",
        text: `Случай не сохранён: исправьте отмеченные поля (${n}).`,
      });
      return;
    }
    await action.run("Случай не сохранён", async () => {
      const saved = await props.gateway.saveCase(result.draft, { today: props.today });
      const steps =
        saved.stepsAdded > 0 ? `; в «Мероприятия» добавлено шагов: ${saved.stepsAdded}` : "";
      const text = `${upgradeNote(saved)}Случай ${saved.code} сохранён (строка ${saved.row} листа «Учёт»)${steps}.`;
      await props.onSaved(saved.code, text);
      return text;
    });
  };

  return (
    <form
      className={s.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <CasePicker code={props.code} options={options} onPick={props.onPick} />
      {props.notice !== null && action.message === null && (
        <ActionMessageBar message={{ intent: "success", text: props.notice }} />
      )}
      <ChildFields form={form} errors={errors} update={update} />
      <FamilyFields
        form={form}
        families={props.register.families}
        errors={errors}
        update={update}
      />
      <IdentificationFields form={form} errors={errors} update={update} />
      <IndicatorChecklist codes={form.indicators} onChange={setIndicators} />
      <SuggestionBox codes={form.indicators} />
      <DecisionFields form={form} errors={errors} update={update} />
      <DeadlinePreview rows={preview} />
      <ActionMessageBar message={action.message} />
      <div className={s.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabled={action.busy}>
          {props.code === "" ? "Сохранить случай" : `Сохранить изменения (${props.code})`}
        </Button>
        {count > 0 && <span className={s.muted}>Ошибок в форме: {count}</span>}
      </div>
    </form>
  );
}
