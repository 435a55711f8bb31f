/**
 * One step: the case code with the child's name, class and curator (or the person responsible),
 * the step, its due date and why it moved. The name goes to the row of the register;
 * «Выполнено» writes today's date for the step. The school's own rows have neither.
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
  text: { flexGrow: 1, flexBasis: "180px", minWidth: 0, overflowWrap: "anywhere" },
  who: { display: "block", color: tokens.colorNeutralForeground2 },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
  done: { display: "block", color: tokens.colorPaletteGreenForeground1 },
});

export interface DeadlineItemRowProps {
  readonly item: DeadlineItem;
  readonly busy: boolean;
  readonly onGoTo: (item: DeadlineItem) => void;
  readonly onDone: (item: DeadlineItem) => void;
}

/** «6А · куратор Иванова Н. П.», or the person responsible for a school's row. */
function whoText(item: DeadlineItem): string {
  const parts: string[] = [];
  if (item.className !== "") {
    parts.push(`${item.className} класс`);
  }
  if (item.responsible !== "") {
    parts.push(item.isCurator ? `куратор ${item.responsible}` : `отвечает: ${item.responsible}`);
  }
  return parts.join(" · ");
}

export function DeadlineItemRow({ item, busy, onGoTo, onDone }: DeadlineItemRowProps) {
  const s = useStyles();
  const { row } = item;
  const who = whoText(item);
  const title =
    row.case === null
      ? "Школа"
      : `${row.case} · ${item.childName === "" ? "без имени" : item.childName}`;
  return (
    <li className={s.item} data-key={item.key}>
      <div className={s.text}>
        {row.case === null ? (
          <strong>{title}</strong>
        ) : (
          <Link as="button" onClick={() => onGoTo(item)} title="Перейти к строке в книге">
            {title}
          </Link>
        )}
        {who !== "" && <Caption1 className={s.who}>{who}</Caption1>}
        <div>
          {row.stepName} — до <strong>{item.dueText}</strong>
        </div>
        {item.doneText !== null && <Caption1 className={s.done}>{item.doneText}</Caption1>}
        {row.reason !== null && <Caption1 className={s.reason}>{row.reason}</Caption1>}
      </div>
      {item.caseStep !== null && item.doneText === null && (
        <Button
          size="small"
          icon={<CheckmarkRegular />}
          disabled={busy}
          onClick={() => onDone(item)}
          aria-label={`Выполнено: ${row.case ?? ""}, ${row.stepName}`}
        >
          Выполнено
        </Button>
      )}
    </li>
  );
}
