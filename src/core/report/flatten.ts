/**
 * The report as key–value pairs (`register.level1.total.registered.children` → 3), stored in
 * the report workbook's hidden sheet «Данные» so `vshu consolidate` can read the counts back
 * without depending on the printed layout.
 *
 * Besides the report itself the sheet may carry a few pairs about sending it, under `meta.`
 * (`meta.ministryAddress`: the recipient from the register's settings). They are not part of
 * the report JSON: `unflattenReport` skips them and `reportMeta` reads them.
 */
import type { ReportJson } from "./types";

export type FlatValue = string | number;

/** Marks the data sheet's format; bump when the shape changes. */
export const REPORT_DATA_FORMAT = "vshu-report/1";

/** Keys of the pairs about sending the report rather than its counts. */
export const META_PREFIX = "meta.";

/** What a report workbook says about where it goes (from the register's settings). */
export interface ReportMeta {
  /** «Адрес министерства» of the register the report was built from. */
  readonly ministryAddress?: string;
  /** The day the report was made (printed under section VII), `YYYY-MM-DD`. */
  readonly made?: string;
}

/** Key segments that would reach an object's prototype: a file's keys are never trusted. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const META_KEYS: readonly (keyof ReportMeta)[] = ["ministryAddress", "made"];

/** Flattens a report into ordered pairs; arrays use their index as a key segment. */
export function flattenReport(report: ReportJson, meta: ReportMeta = {}): [string, FlatValue][] {
  const out: [string, FlatValue][] = [["format", REPORT_DATA_FORMAT], ...metaPairs(meta)];
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === "number" || typeof value === "string") {
      out.push([prefix, value]);
      return;
    }
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        walk(prefix === "" ? k : `${prefix}.${k}`, v);
      }
    }
  };
  walk("", report);
  return out;
}

/** The pairs of the report's meta (only the values given, never empty ones). */
export function metaPairs(meta: ReportMeta): [string, FlatValue][] {
  return META_KEYS.flatMap((k): [string, FlatValue][] => {
    const v = meta[k];
    return v === undefined || v.trim() === "" ? [] : [[`${META_PREFIX}${k}`, v.trim()]];
  });
}

/** The meta pairs of a report's data sheet. */
export function reportMeta(pairs: readonly (readonly [string, FlatValue])[]): ReportMeta {
  const meta: { -readonly [K in keyof ReportMeta]: ReportMeta[K] } = {};
  for (const [key, value] of pairs) {
    const k = META_KEYS.find((m) => key === `${META_PREFIX}${m}`);
    if (k !== undefined && String(value).trim() !== "") {
      meta[k] = String(value).trim();
    }
  }
  return meta;
}

/**
 * Rebuilds a report from its pairs; null when the pairs are not a report of this format. What
 * the pairs cannot hold comes back as its empty value: `schoolTerm` null, no other activity
 * names; a report written before these keys existed gets them too, and a blank signature.
 */
export function unflattenReport(
  pairs: readonly (readonly [string, FlatValue])[]
): ReportJson | null {
  const format = pairs.find(([key]) => key === "format");
  if (format?.[1] !== REPORT_DATA_FORMAT) {
    return null;
  }
  const root: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    if (key === "format" || key.startsWith(META_PREFIX)) {
      continue;
    }
    const parts = key.split(".");
    if (parts.some((part) => UNSAFE_KEYS.has(part))) {
      continue;
    }
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? "");
      if (node[part] === undefined) {
        node[part] = nextIsIndex ? [] : {};
      }
      node = node[part] as Record<string, unknown>;
    });
  }
  const report = root as unknown as ReportJson;
  report.schoolTerm ??= null;
  report.otherActivityNames ??= [];
  report.signature ??= { director: "", executorName: "", executorPhone: "" };
  return report;
}
