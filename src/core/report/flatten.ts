/**
 * The report as key–value pairs (`register.level1.total.registered.children` → 3), stored in
 * the report workbook's hidden sheet «Данные» so `vshu consolidate` can read the counts back
 * without depending on the printed layout.
 */
import type { ReportJson } from "./types";

export type FlatValue = string | number;

/** Marks the data sheet's format; bump when the shape changes. */
export const REPORT_DATA_FORMAT = "vshu-report/1";

/** Flattens a report into ordered pairs; arrays use their index as a key segment. */
export function flattenReport(report: ReportJson): [string, FlatValue][] {
  const out: [string, FlatValue][] = [["format", REPORT_DATA_FORMAT]];
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

/**
 * Rebuilds a report from its pairs; null when the pairs are not a report of this format. What
 * the pairs cannot hold comes back as its empty value: `schoolTerm` null, no other activity
 * names; a report written before these keys existed gets them too, and a blank signature.
 */
export function unflattenReport(pairs: readonly [string, FlatValue][]): ReportJson | null {
  const map = new Map(pairs);
  if (map.get("format") !== REPORT_DATA_FORMAT) {
    return null;
  }
  const root: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    if (key === "format") {
      continue;
    }
    const parts = key.split(".");
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
