/**
 * «Сроки»: overdue, today and the next 7 days across the register, each line with the child,
 * the class and the curator; the steps already done only when asked.
 */
import { Caption1, Switch } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatDateRu, type IsoDate } from "../../../core/dates/isoDate";
import type { Register } from "../../../core/register/model";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import {
  deadlineSections,
  doneCount,
  registerDeadlines,
  type DeadlineItem,
} from "../../logic/deadlineView";
import { upgradeNote } from "../../logic/upgradeText";
import { ActionMessageBar } from "../common/ActionMessageBar";
import { useFormStyles } from "../styles";
import { DeadlineSectionView } from "./DeadlineSectionView";

export interface DeadlinesTabProps {
  readonly gateway: RegisterGateway;
  readonly register: Register;
  readonly today: IsoDate;
  readonly onChanged: () => Promise<void>;
}

export function DeadlinesTab({ gateway, register, today, onChanged }: DeadlinesTabProps) {
  const s = useFormStyles();
  const [showDone, setShowDone] = useState(false);
  const rows = useMemo(() => registerDeadlines(register, today), [register, today]);
  const sections = useMemo(
    () => deadlineSections(register, rows, today, showDone),
    [register, rows, today, showDone]
  );
  const action = useAction();
  const pending = sections.filter((x) => x.id !== "done").reduce((n, x) => n + x.items.length, 0);

  const goTo = (item: DeadlineItem): void => {
    const code = item.row.case;
    if (code === null) {
      return;
    }
    void action.run("Не удалось перейти к строке", async () => {
      await gateway.goToCase(code, item.caseStep ?? undefined);
      return `Выделена строка случая ${code}.`;
    });
  };
  const markDone = (item: DeadlineItem): void => {
    const code = item.row.case;
    const step = item.caseStep;
    if (code === null || step === null) {
      return;
    }
    void action.run("Отметка не записана", async () => {
      const outcome = await gateway.markStepDone(code, step, today);
      await onChanged();
      return `${upgradeNote(outcome)}Случай ${code}: «${item.row.stepName}» — выполнено ${formatDateRu(today)}.`;
    });
  };

  return (
    <div className={s.form}>
      <Caption1 className={s.muted}>
        На {formatDateRu(today)}: сроки по открытым случаям (ГК РФ ст. 191–193, производственный
        календарь, «Регламент» книги).
      </Caption1>
      <Switch
        checked={showDone}
        onChange={(_, d) => setShowDone(d.checked)}
        label={`Показать выполненные (${doneCount(rows)})`}
      />
      <ActionMessageBar message={action.message} />
      {pending === 0 && <p>Просроченных и ближайших сроков нет.</p>}
      {sections.map((section) => (
        <DeadlineSectionView
          key={section.id}
          section={section}
          busy={action.busy}
          onGoTo={goTo}
          onDone={markDone}
        />
      ))}
    </div>
  );
}
