/**
 * Builders of schools' reports for the consolidation tests: a report of one school with a few
 * counts that differ from school to school, as `vshu report` / the pane would make it.
 */
import { emptyAssistanceRow, emptyReport } from "../../src/core/report/consolidate";
import type { ReportJson } from "../../src/core/report/types";

export const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" } as const;

/** School number `n`'s report for November 2026 (level-1 counts n / n, families on III n). */
export function aSchoolReport(n: number, overrides: Partial<ReportJson> = {}): ReportJson {
  const school = overrides.school ?? `МБОУ СОШ № ${n}`;
  const base = emptyReport({
    district: "Барун-Хемчикский кожуун",
    schoolYear: "2026/2027",
    ...NOVEMBER,
    school,
  });
  const row = emptyAssistanceRow(school);
  row.level1.families = n;
  row.level1.helped = Math.min(n, 2);
  base.register.level1.total.onRegister = { children: n, families: n };
  base.register.level2.total.registered = { children: 1, families: 1 };
  base.socialPassport.total = { children: 100 + n, families: 80 + n };
  return {
    ...base,
    assistance: [row],
    coordinator: { name: "Ооржак А. А.", position: "методист", phone: "8-394-00-00-00" },
    ...overrides,
  };
}
