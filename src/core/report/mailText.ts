/**
 * The letter that carries the report to the ministry: subject, body and the attachment's name,
 * in Russian, naming the school, the district and the period. The command line sends it; the
 * add-in shows it for the user's own mail program. Built from the report's counts only.
 */
import { formatDateRu } from "../dates/isoDate";
import { periodName, periodPhrase } from "./duePeriod";
import type { ReportJson } from "./types";

export interface ReportMail {
  readonly subject: string;
  readonly text: string;
  /** «Отчёт ВШУ <школа> <период>.xlsx» (for a district report, the district instead). */
  readonly attachmentName: string;
}

/** The order the report answers, in the words a ministry clerk knows it by. */
const ORDER = "приказ Министерства образования Республики Тыва от 14.03.2023 № 223-д";

/** Characters Windows does not allow in a file name, and what stands for them. */
const FILE_NAME_SUBSTITUTES: readonly [RegExp, string][] = [
  [/"/g, "'"],
  [/[/\\|]/g, "-"],
  [/:/g, " -"],
  [/[<>*?]/g, ""],
  // eslint-disable-next-line no-control-regex
  [/[\u0000-\u001f\u007f]/g, " "],
];

/** Longest name part kept (Windows paths are limited; the folder takes its share). */
const MAX_NAME = 120;

/**
 * A file name any system accepts: forbidden characters replaced, spaces collapsed, no dot or
 * space at the end, at most 120 characters.
 */
export function safeFileName(name: string): string {
  let out = name;
  for (const [re, sub] of FILE_NAME_SUBSTITUTES) {
    out = out.replace(re, sub);
  }
  out = out.replace(/\s+/g, " ").trim();
  if (out.length > MAX_NAME) {
    out = out.slice(0, MAX_NAME).trim();
  }
  return out.replace(/[. ]+$/, "");
}

/**
 * Whether the report is a district's (consolidated) rather than one school's: it names no
 * school itself, and its section III lists the schools (a school's report with no school name
 * has one unnamed line there).
 */
export function isDistrictReport(report: ReportJson): boolean {
  const only = report.assistance.length === 1 ? report.assistance[0] : undefined;
  return report.school.trim() === "" && (only === undefined || only.school.trim() !== "");
}

/** Who the report is from: the school, or the district for a district report. */
function sender(report: ReportJson): string {
  if (report.school.trim() !== "") {
    return report.school.trim();
  }
  return report.district.trim() !== "" ? report.district.trim() : "район";
}

/** «Отчёт ВШУ <школа> <период>.xlsx». */
export function reportFileName(report: ReportJson): string {
  return `${safeFileName(`Отчёт ВШУ ${sender(report)} ${periodName(report.from, report.to)}`)}.xlsx`;
}

/**
 * The letter for a report.
 * @example reportMail(r).subject //=> "Отчёт ВШУ за ноябрь 2026 г.: МБОУ СОШ № 1, Кызылский кожуун"
 */
export function reportMail(report: ReportJson): ReportMail {
  const district = report.district.trim();
  const phrase = periodPhrase(report.from, report.to);
  const who = sender(report);
  const attachmentName = reportFileName(report);
  const dates = `${formatDateRu(report.from)}–${formatDateRu(report.to)}`;
  if (isDistrictReport(report)) {
    const schools = report.assistance.length;
    return {
      subject: `Сводный отчёт ВШУ ${phrase}: ${who}`,
      text: [
        "Здравствуйте!",
        "",
        `Направляем сводный отчёт о деятельности образовательных организаций с несовершеннолетними (семьёй) группы риска (${ORDER}) ${phrase}.`,
        "",
        `Район: ${district || "—"}`,
        `Образовательных организаций в отчёте: ${schools}`,
        `Отчётный период: ${dates}`,
        "",
        `Отчёт — во вложении («${attachmentName}»). В нём только количественные показатели, без персональных данных.`,
        "",
        "С уважением,",
        `муниципальный координатор, ${who}`,
        "",
      ].join("\n"),
      attachmentName,
    };
  }
  return {
    subject: `Отчёт ВШУ ${phrase}: ${who}${district ? `, ${district}` : ""}`,
    text: [
      "Здравствуйте!",
      "",
      `Направляем отчёт о деятельности образовательной организации с несовершеннолетними (семьёй) группы риска (${ORDER}) ${phrase}.`,
      "",
      `Образовательная организация: ${who}`,
      `Район: ${district || "—"}`,
      `Отчётный период: ${dates}`,
      "",
      `Отчёт — во вложении («${attachmentName}»). В нём только количественные показатели, без персональных данных.`,
      "",
      "С уважением,",
      who,
      "",
    ].join("\n"),
    attachmentName,
  };
}
