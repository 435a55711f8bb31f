/** One group of «Сроки» (overdue, today, next 7 days, done) with its count. */
import { CounterBadge } from "@fluentui/react-components";
import type { DeadlineItem, DeadlineSection } from "../../logic/deadlineView";
import { useFormStyles } from "../styles";
import { DeadlineItemRow } from "./DeadlineItemRow";

const BADGE_COLOR = {
  overdue: "danger",
  today: "important",
  nextWeek: "informative",
  done: "brand",
} as const;

export interface DeadlineSectionViewProps {
  readonly section: DeadlineSection;
  readonly busy: boolean;
  readonly onGoTo: (item: DeadlineItem) => void;
  readonly onDone: (item: DeadlineItem) => void;
}

export function DeadlineSectionView({ section, busy, onGoTo, onDone }: DeadlineSectionViewProps) {
  const s = useFormStyles();
  const headingId = `deadlines-${section.id}`;
  return (
    <section aria-labelledby={headingId} data-section={section.id}>
      <h3 id={headingId} className={s.legend}>
        {section.title}{" "}
        <CounterBadge
          count={section.items.length}
          showZero
          color={BADGE_COLOR[section.id]}
          aria-label={`${section.items.length}`}
        />
      </h3>
      {section.items.length === 0 ? (
        <p className={s.muted}>Нет.</p>
      ) : (
        <ul className={s.list}>
          {section.items.map((item) => (
            <DeadlineItemRow
              key={item.key}
              item={item}
              busy={busy}
              onGoTo={onGoTo}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
