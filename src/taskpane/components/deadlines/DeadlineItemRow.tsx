/**
 * One step: case code, child, step, due date and why it moved. The text goes to the row of the
 * register; «Выполнено» writes today's date for the step.
 */
import { Button, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import type { DeadlineItem } from "../../logic/deadlineView";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { flexGrow: 1, flexBasis: "180px", minWidth: 0 },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface DeadlineItemRowProps {
  readonly item: DeadlineItem;
  readonly busy: boolean;
  readonly onGoTo: (item: DeadlineItem) => void;
  readonly onDone: (item: DeadlineItem) => void;
}

export function DeadlineItemRow({ item, busy, onGoTo, onDone }: DeadlineItemRowProps) {
  const s = useStyles();
  const { row } = item;
  return (
    <li className={s.item} data-key={item.key}>
      <div className={s.text}>
        <Link as="button" onClick={() => onGoTo(item)} title="Перейти к строке в книге">
          {row.case} · {item.childName === "" ? "без имени" : item.childName}
        </Link>
        <div>
          {row.stepName} — до <strong>{item.dueText}</strong>
        </div>
        {row.reason !== null && <Caption1 className={s.reason}>{row.reason}</Caption1>}
      </div>
      <Button
        size="small"
        icon={<CheckmarkRegular />}
        disabled={busy}
        onClick={() => onDone(item)}
        aria-label={`Выполнено: ${row.case}, ${row.stepName}`}
      >
        Выполнено
      </Button>
    </li>
  );
}
