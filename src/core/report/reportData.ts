/**
 * The hidden sheet «Данные» of a report workbook, checked key by key before the report is sent
 * or consolidated: every key of the report is there once, counts are non-negative numbers,
 * text stands only where the report has text (school, district, period, coordinator), and
 * nothing else is there. So what leaves the school is counts, and a district report never adds
 * a count it misread.
 *
 * The expected keys are those of an all-zero report (`emptyReport`), so the check follows the
 * report's shape by itself when that shape grows.
 */
import { isIsoDate } from "../dates/isoDate";
import { emptyAssistanceRow, emptyReport } from "./consolidate";
import {
  META_PREFIX,
  REPORT_DATA_FORMAT,
  flattenReport,
  reportMeta,
  unflattenReport,
  type FlatValue,
  type ReportMeta,
} from "./flatten";
import type { ReportJson } from "./types";

/** One row of «Данные»: its sheet row, the key (column A) and the value (column B). */
export interface DataRow {
  readonly row: number;
  readonly key: string;
  readonly value: string | number | null;
}

/** A problem of «Данные»; `row` 0 when it concerns the sheet as a whole. */
export interface DataProblem {
  readonly row: number;
  readonly message: string;
}

export type ReportDataResult =
  | { readonly ok: true; readonly report: ReportJson; readonly meta: ReportMeta }
  | {
      readonly ok: false;
      /** True when the sheet is not report data at all (no format mark). */
      readonly notReport: boolean;
      readonly problems: readonly DataProblem[];
    };

type Kind = "number" | "text" | "date";

/** Keys whose value is a date `YYYY-MM-DD`. */
const DATE_KEYS = new Set(["from", "to"]);

/** Problems listed at most; the rest are counted. */
const MAX_PROBLEMS = 10;

function kindsOf(pairs: readonly [string, FlatValue][], prefix = ""): Map<string, Kind> {
  const out = new Map<string, Kind>();
  for (const [key, value] of pairs) {
    if (key === "format") {
      continue;
    }
    const kind: Kind = typeof value === "number" ? "number" : DATE_KEYS.has(key) ? "date" : "text";
    out.set(`${prefix}${key}`, kind);
  }
  return out;
}

let templateCache: { report: Map<string, Kind>; assistance: Map<string, Kind> } | null = null;

/** The keys of a report (without section III rows) and of one section III row, with kinds. */
function template(): { report: Map<string, Kind>; assistance: Map<string, Kind> } {
  if (templateCache === null) {
    const zero = emptyReport({
      district: "",
      schoolYear: "",
      from: "2000-01-01",
      to: "2000-01-01",
    });
    const row = flattenReport(emptyAssistanceRow("") as unknown as ReportJson);
    templateCache = { report: kindsOf(flattenReport(zero)), assistance: kindsOf(row) };
  }
  return templateCache;
}

/** Values of `schoolTerm`, which is absent when the period is no quarter and no year. */
const SCHOOL_TERMS: ReadonlySet<string> = new Set(["I", "II", "III", "IV", "year"]);

/**
 * Keys a report may or may not have: `schoolTerm` (absent when null) and the names of
 * «Другие объединения» (`otherActivityNames.<n>`, as many as there are).
 */
function optionalKind(key: string): Kind | undefined {
  return key === "schoolTerm" || /^otherActivityNames\.\d{1,3}$/.test(key) ? "text" : undefined;
}

const NUMERIC_TEXT = /^\s*\d+(?:[.,]\d+)?\s*$/;

/** The value as its kind wants it, or a reason it cannot be. */
function coerce(kind: Kind, value: string | number | null): FlatValue | { error: string } {
  if (kind === "number") {
    if (typeof value === "number") {
      return Number.isFinite(value) && value >= 0
        ? value
        : { error: "должно быть неотрицательное число" };
    }
    if (typeof value === "string" && NUMERIC_TEXT.test(value)) {
      return Number(value.trim().replace(",", "."));
    }
    return value === null || value === ""
      ? { error: "пусто, а должно быть число (количество)" }
      : { error: "текст, а должно быть число (количество)" };
  }
  const text = value === null ? "" : String(value).trim();
  if (kind === "date" && !isIsoDate(text)) {
    return { error: "должна быть дата ГГГГ-ММ-ДД" };
  }
  return text;
}

function shown(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks the rows of «Данные» and rebuilds the report from them.
 * @param rows - the sheet's rows with a key in column A (the header row «Ключ» is skipped)
 */
export function readReportData(rows: readonly DataRow[]): ReportDataResult {
  const body = rows.filter((r) => r.key.trim() !== "" && r.key.trim() !== "Ключ");
  const format = body.find((r) => r.key.trim() === "format");
  if (format === undefined) {
    return {
      ok: false,
      notReport: true,
      problems: [{ row: 0, message: `нет отметки формата «${REPORT_DATA_FORMAT}»` }],
    };
  }
  if (format.value !== REPORT_DATA_FORMAT) {
    return {
      ok: false,
      notReport: false,
      problems: [
        {
          row: format.row,
          message: `данные отчёта в формате «${shown(format.value)}», а эта версия ВШУ читает «${REPORT_DATA_FORMAT}»: постройте отчёт заново этой версией`,
        },
      ],
    };
  }
  const { report: reportKinds, assistance: rowKinds } = template();
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const pairs: [string, FlatValue][] = [["format", REPORT_DATA_FORMAT]];
  const schoolRows = new Set<number>();
  for (const r of body) {
    const key = r.key.trim();
    if (key === "format") {
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: r.row,
        message: `ключ «${key}» повторяется (впервые в строке ${first})`,
      });
      continue;
    }
    seen.set(key, r.row);
    let kind: Kind | undefined;
    if (key.startsWith(META_PREFIX)) {
      kind =
        key === `${META_PREFIX}ministryAddress` || key === `${META_PREFIX}made`
          ? "text"
          : undefined;
    } else {
      kind = reportKinds.get(key) ?? optionalKind(key);
      const m = /^assistance\.(\d{1,4})\.(.+)$/.exec(key);
      if (kind === undefined && m) {
        kind = rowKinds.get(m[2] ?? "");
        schoolRows.add(Number(m[1]));
      }
    }
    if (kind === undefined) {
      problems.push({
        row: r.row,
        message: `лишний ключ «${shown(key)}»: в отчёте только показатели формы`,
      });
      continue;
    }
    const value = coerce(kind, r.value);
    if (key === "schoolTerm" && typeof value === "string" && !SCHOOL_TERMS.has(value)) {
      problems.push({
        row: r.row,
        message: `«schoolTerm» = «${shown(r.value)}»: должно быть I, II, III, IV или year`,
      });
      continue;
    }
    if (typeof value === "object") {
      problems.push({ row: r.row, message: `«${key}» = «${shown(r.value)}»: ${value.error}` });
      continue;
    }
    pairs.push([key, value]);
  }
  const expected = [...reportKinds.keys()];
  const count = schoolRows.size;
  for (let i = 0; i < count; i++) {
    expected.push(...[...rowKinds.keys()].map((k) => `assistance.${i}.${k}`));
  }
  const missing = expected.filter((k) => !seen.has(k));
  if (missing.length > 0) {
    const list = missing
      .slice(0, 3)
      .map((k) => `«${k}»`)
      .join(", ");
    problems.push({
      row: 0,
      message: `нет ${missing.length > 1 ? `${missing.length} показателей` : "показателя"}: ${list}${missing.length > 3 ? " …" : ""}`,
    });
  }
  if (problems.length > 0) {
    const shownProblems = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) {
      shownProblems.push({ row: 0, message: `… и ещё ${problems.length - MAX_PROBLEMS}` });
    }
    return { ok: false, notReport: false, problems: shownProblems };
  }
  const report = unflattenReport(pairs);
  if (report === null) {
    return { ok: false, notReport: true, problems: [{ row: 0, message: "не данные отчёта" }] };
  }
  return { ok: true, report, meta: reportMeta(pairs) };
}
