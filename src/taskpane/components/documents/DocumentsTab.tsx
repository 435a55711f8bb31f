/**
 * «Документы»: a paper of the open case (the signal card, the four «Представление», the support
 * plan for a quarter, the draft order, «Почему на учёте») on a new sheet of this workbook, ready
 * for «Файл → Печать». A municipal form for a level-1 case, or a plan for a quarter the case was
 * not on the register, is written only after the user confirms the warning.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DocumentTextRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { IsoDate } from "../../../core/dates/isoDate";
import type { DocumentKind, DocumentModel } from "../../../core/documents";
import type { Register } from "../../../core/register/model";
import { QUARTERS, type Quarter } from "../../../core/register/schema";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { allCaseOptions } from "../../logic/caseOptions";
import {
  defaultQuarter,
  DOCUMENT_OPTIONS,
  planDocument,
  writtenMessage,
} from "../../logic/documentRequest";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { SelectField } from "../common/SelectField";
import { useFormStyles } from "../styles";

export interface DocumentsTabProps {
  readonly gateway: RegisterGateway;
  readonly register: Register;
  readonly today: IsoDate;
  /** The case open in «Случай» ("" when none): chosen at first. */
  readonly caseCode: string;
}

/** A document waiting for the user's confirmation. */
interface Pending {
  readonly model: DocumentModel;
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

export function DocumentsTab({ gateway, register, today, caseCode }: DocumentsTabProps) {
  const s = useFormStyles();
  const cases = useMemo(() => allCaseOptions(register), [register]);
  const [code, setCode] = useState(() => (cases.some((c) => c.code === caseCode) ? caseCode : ""));
  const [kind, setKind] = useState<DocumentKind>("vshu-child");
  const [quarter, setQuarter] = useState<Quarter>(() => defaultQuarter(register, today));
  const [pending, setPending] = useState<Pending | null>(null);
  const action = useAction();

  const write = (p: Omit<Pending, "warnings">): void => {
    setPending(null);
    void action.run("Документ не сформирован", async () => {
      const result = await gateway.writeDocumentSheet(p.model);
      return writtenMessage(p.model, result.sheet, p.notes, result.limits);
    });
  };

  const make = (): void => {
    const plan = planDocument(register, { kind, caseCode: code, quarter, today });
    if (!plan.ok) {
      setPending(null);
      action.setMessage({ intent: "error", text: plan.message });
      return;
    }
    if (plan.warnings.length > 0) {
      action.setMessage(null);
      setPending({ model: plan.model, warnings: plan.warnings, notes: plan.notes });
      return;
    }
    write(plan);
  };

  const change = <T,>(set: (v: T) => void) => {
    return (v: T): void => {
      set(v);
      setPending(null);
    };
  };

  return (
    <div className={s.form}>
      <Caption1 className={s.muted}>
        Документ по случаю на новом листе этой книги: A4, книжная ориентация, готов к печати (Файл →
        Печать). Чего нет в книге учёта, остаётся пустой строкой для записи от руки.
      </Caption1>
      <SelectField
        label="Случай"
        name="documentCase"
        required
        value={code}
        options={[
          { value: "", label: "— выберите случай —" },
          ...cases.map((o) => ({ value: o.code, label: o.label })),
        ]}
        onChange={change(setCode)}
      />
      <SelectField
        label="Документ"
        name="documentKind"
        value={kind}
        options={DOCUMENT_OPTIONS}
        onChange={change((v: string) => setKind(v as DocumentKind))}
      />
      {kind === "plan" && (
        <SelectField
          label="Четверть"
          name="documentQuarter"
          value={quarter}
          options={QUARTERS.map((q) => ({ value: q, label: `${q} четверть` }))}
          onChange={change((v: string) => setQuarter(v as Quarter))}
        />
      )}
      {pending !== null && (
        <MessageBar intent="warning" layout="multiline" data-testid="document-warning">
          <MessageBarBody>
            <MessageBarTitle>Проверьте, нужен ли этот документ</MessageBarTitle>
            <ul className={s.bullets}>
              {pending.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => write(pending)}>
              Всё равно сформировать
            </Button>
            <Button onClick={() => setPending(null)}>Отмена</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={s.actions}>
        <Button
          appearance="primary"
          icon={<DocumentTextRegular />}
          disabled={action.busy || pending !== null}
          onClick={make}
        >
          Сформировать на листе
        </Button>
      </div>
      <ActionMessageBar message={action.message} />
    </div>
  );
}
