/** The pane's header: the product, the school and today's date (no custom chrome). */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function Header({ school, today }: { readonly school: string; readonly today: IsoDate }) {
  const s = useStyles();
  return (
    <header className={s.header}>
      <Subtitle2 as="h1">ВШУ — книга учёта профилактической работы</Subtitle2>
      <Caption1 className={s.muted}>
        {school !== "" ? `${school} · ` : ""}сегодня {formatDateRu(today)}
      </Caption1>
    </header>
  );
}
