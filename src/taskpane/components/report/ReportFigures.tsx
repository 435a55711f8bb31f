/** The key figures of a report, section by section: what leaves the school (counts only). */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { reportFigures } from "../../../core/report/reportFigures";
import type { ReportJson } from "../../../core/report/types";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "left",
      verticalAlign: "top",
    },
    "& td:last-child": { textAlign: "right" },
  },
  /** Counts stay on one line; text (section VII) wraps. */
  count: { whiteSpace: "nowrap" },
  section: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function ReportFigures({
  report,
  testId = "report-figures",
  caption,
}: {
  readonly report: ReportJson;
  readonly testId?: string;
  readonly caption: string;
}) {
  const s = useStyles();
  const sections = useMemo(() => reportFigures(report), [report]);
  return (
    <table className={s.table} data-testid={testId}>
      <caption style={{ textAlign: "left", fontWeight: 600, paddingBottom: 4 }}>{caption}</caption>
      <tbody>
        {sections.map((sec) => [
          <tr key={sec.section}>
            <th colSpan={2} scope="colgroup" className={s.section}>
              {sec.section}. {sec.title}
            </th>
          </tr>,
          ...sec.rows.map((row) => (
            <tr key={`${sec.section}:${row.label}`}>
              <td>{row.label}</td>
              <td className={/^[\d /]+$/.test(row.value) ? s.count : undefined}>{row.value}</td>
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}
