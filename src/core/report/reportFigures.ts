/**
 * What leaves the school, in a few lines per section: the key figures of a report I–VII for
 * the pane's «Отправка в министерство» (the full form is the workbook itself). Counts only;
 * section III is summed over its rows (a district report lists its schools there), section VII
 * is the coordinator (an official of the district, not a child or a parent).
 */
import { ACTIVITY_KINDS, PARENT_COMMUNITY_PARAMS, QUARTERS } from "../register/schema";
import type { ChildFamilyCount, ReportJson } from "./types";

export interface FigureRow {
  readonly label: string;
  /** «3 / 2» (children / families), a number, or text (section VII). */
  readonly value: string;
}

export interface FigureSection {
  /** «I» … «VII». */
  readonly section: string;
  readonly title: string;
  readonly rows: readonly FigureRow[];
}

const pair = (c: ChildFamilyCount): string => `${c.children} / ${c.families}`;

/**
 * The key rows of each section of a report.
 * @example reportFigures(r)[1].rows[0] //=> { label: "Уровень 1: состоит на учёте", value: "3 / 2" }
 */
export function reportFigures(report: ReportJson): FigureSection[] {
  const p = report.socialPassport;
  const r = report.register;
  const sumAssistance = (level: "level1" | "level2", field: "families" | "helped"): number =>
    report.assistance.reduce((n, row) => n + row[level][field], 0);
  const service = QUARTERS.reduce(
    (acc, q) => {
      const s = report.service[q];
      acc.covered += s.covered;
      acc.consultations += s.consultationsIndividual + s.consultationsGroup;
      return acc;
    },
    { covered: 0, consultations: 0 }
  );
  const activities = ACTIVITY_KINDS.reduce((n, k) => n + report.activities[k.key].total, 0);
  const parents = PARENT_COMMUNITY_PARAMS.reduce((n, k) => n + (report.parentCommunity[k] ?? 0), 0);
  const c = report.coordinator;
  const coordinator = [c.name, c.position, c.phone].map((v) => v.trim()).filter((v) => v !== "");
  return [
    {
      section: "I",
      title: "Социальный паспорт (дети / семьи)",
      rows: [
        { label: "Всего", value: pair(p.total) },
        { label: "Нуждающиеся в поддержке", value: pair(p.needSupport) },
      ],
    },
    {
      section: "II",
      title: "Учёт (дети / семьи)",
      rows: [
        { label: "Уровень 1: состоит на учёте", value: pair(r.level1.total.onRegister) },
        { label: "Уровень 1: поставлено за период", value: pair(r.level1.total.registered) },
        { label: "Уровень 2 (СОП): состоит на учёте", value: pair(r.level2.total.onRegister) },
        {
          label: "Уровень 2 (СОП): поставлено за период",
          value: pair(r.level2.total.registered),
        },
        { label: "Снято с учёта, уровень 1", value: pair(r.removed.level1) },
        { label: "Снято с учёта, уровень 2", value: pair(r.removed.level2) },
      ],
    },
    {
      section: "III",
      title: "Помощь семьям",
      rows: [
        {
          label: "Семей на учёте / получили помощь, уровень 1",
          value: `${sumAssistance("level1", "families")} / ${sumAssistance("level1", "helped")}`,
        },
        {
          label: "Семей на учёте / получили помощь, уровень 2",
          value: `${sumAssistance("level2", "families")} / ${sumAssistance("level2", "helped")}`,
        },
      ],
    },
    {
      section: "IV",
      title: "Служба (с начала учебного года)",
      rows: [
        { label: "Охвачено", value: String(service.covered) },
        { label: "Консультаций", value: String(service.consultations) },
      ],
    },
    {
      section: "V",
      title: "Занятость",
      rows: [{ label: "Детей в объединениях", value: String(activities) }],
    },
    {
      section: "VI",
      title: "Родительская общественность",
      rows: [{ label: "Всего по разделу", value: String(parents) }],
    },
    {
      section: "VII",
      title: "Координатор",
      rows: [{ label: "Координатор", value: coordinator.join(", ") || "не указан" }],
    },
  ];
}
