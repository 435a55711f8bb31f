/** The key counts of the report just built (section II), for a quick check before sending. */
import { Caption1 } from "@fluentui/react-components";
import type { ReportJson } from "../../../core/report/types";
import { useFormStyles } from "../styles";

export function ReportSummary({ report }: { readonly report: ReportJson }) {
  const s = useFormStyles();
  const r = report.register;
  const rows = [
    ["Уровень 1: состоит на учёте (дети / семьи)", r.level1.total.onRegister],
    ["Уровень 1: поставлено за период", r.level1.total.registered],
    ["Уровень 2 (СОП): состоит на учёте", r.level2.total.onRegister],
    ["Уровень 2 (СОП): поставлено за период", r.level2.total.registered],
    ["Снято с учёта, уровень 1", r.removed.level1],
    ["Снято с учёта, уровень 2", r.removed.level2],
  ] as const;
  return (
    <section aria-labelledby="report-summary" data-testid="report-summary">
      <h3 id="report-summary" className={s.legend}>
        Итоги раздела II
      </h3>
      <ul className={s.list}>
        {rows.map(([label, count]) => (
          <li key={label}>
            {label}: <strong>{count.children}</strong> / {count.families}
          </li>
        ))}
      </ul>
      <Caption1 className={s.muted}>В отчёте только числа — без имён и адресов.</Caption1>
    </section>
  );
}
