/** «Сроки»: overdue, today and the next 7 days across the register. */
import { Caption1 } from "@fluentui/react-components";
import { useMemo } from "react";
import { formatDateRu, type IsoDate } from "../../../core/dates/isoDate";
import type { Register } from "../../../core/register/model";
import type { RegisterGateway } from "../../../excel/gateway";
import { useAction } from "../../hooks/useAction";
import { buildDeadlineView, type DeadlineItem } from "../../logic/deadlineView";
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
  const sections = useMemo(() => buildDeadlineView(register, today), [register, today]);
  const action = useAction();
  const total = sections.reduce((n, x) => n + x.items.length, 0);

  const goTo = (item: DeadlineItem): void => {
    void action.run("Не удалось перейти к строке", async () => {
      await gateway.goToCase(item.row.case, item.row.step);
      return `Выделена строка случая ${item.row.case}.`;
    });
  };
  const markDone = (item: DeadlineItem): void => {
    void action.run("Отметка не записана", async () => {
      await gateway.markStepDone(item.row.case, item.row.step, today);
      await onChanged();
      return `Случай ${item.row.case}: «${item.row.stepName}» — выполнено ${formatDateRu(today)}.`;
    });
  };

  return (
    <div className={s.form}>
      <Caption1 className={s.muted}>
        На {formatDateRu(today)}: сроки по открытым случаям (ГК РФ ст. 191–193, производственный
        календарь).
      </Caption1>
      <ActionMessageBar message={action.message} />
      {total === 0 && <p>Просроченных и ближайших сроков нет.</p>}
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
