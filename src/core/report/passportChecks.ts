/**
 * Warnings about «Соцпаспорт» that the report's section I would carry to the ministry as they
 * are: the form's «в том числе» rows (с потерей кормильца … многодетных) are parts of the row
 * «нуждающихся в государственной поддержке», so none may exceed it; no category may exceed the
 * class's «Всего», nor may «Полные благополучные» and «Нуждающиеся в поддержке» together; and a
 * category cannot count more families than children (each family counted has a child in the
 * class). The report is still built: the figures are the school's, the warning says where to
 * look. Pure: rows in, located RegisterIssue warnings out.
 */
import type { PassportRow, RegisterIssue } from "../register/model";
import { PASSPORT_CATEGORIES, SHEET, type PassportCategory } from "../register/schema";

/** The «в том числе» rows of section I: parts of «Нуждающиеся в поддержке». */
export const PASSPORT_PARTS: readonly PassportCategory[] = [
  "lostBreadwinner",
  "divorced",
  "singleParent",
  "disabledChildren",
  "disabledParents",
  "guardianship",
  "unemployed",
  "largeFamilies",
];

const TITLE = new Map<PassportCategory, string>(PASSPORT_CATEGORIES.map((c) => [c.key, c.title]));

type Unit = "children" | "families";
const UNIT_WORD: Readonly<Record<Unit, string>> = { children: "детей", families: "семей" };

function column(category: PassportCategory, unit: Unit): string {
  return `${TITLE.get(category) ?? category}: ${UNIT_WORD[unit]}`;
}

/**
 * The warnings of «Соцпаспорт», one per cell at fault, in row order.
 * @param rows - the class rows of «Соцпаспорт»
 */
export function passportWarnings(rows: readonly PassportRow[]): RegisterIssue[] {
  const out: RegisterIssue[] = [];
  for (const r of rows) {
    const v = (c: PassportCategory, u: Unit): number => r.values[c][u];
    const warn = (c: PassportCategory, u: Unit, message: string): void => {
      out.push({ sheet: SHEET.passport, row: r.row, column: column(c, u), message });
    };
    const cls = r.className !== "" ? `класс ${r.className}: ` : "";
    for (const u of ["children", "families"] as const) {
      for (const part of PASSPORT_PARTS) {
        if (v(part, u) > v("needSupport", u)) {
          warn(
            part,
            u,
            `${cls}${v(part, u)} больше, чем «${column("needSupport", u)}» (${v("needSupport", u)}): в отчёте это строка «в том числе» и не может превышать её; проверьте числа`
          );
        }
      }
      for (const c of PASSPORT_CATEGORIES) {
        if (c.key !== "total" && v(c.key, u) > v("total", u)) {
          warn(
            c.key,
            u,
            `${cls}${v(c.key, u)} больше, чем «${column("total", u)}» (${v("total", u)}); проверьте числа`
          );
        }
      }
      const both = v("completeProsperous", u) + v("needSupport", u);
      if (both > v("total", u)) {
        warn(
          "total",
          u,
          `${cls}«${column("completeProsperous", u)}» и «${column("needSupport", u)}» вместе (${both}) больше, чем «${column("total", u)}» (${v("total", u)}); проверьте числа`
        );
      }
    }
    for (const c of PASSPORT_CATEGORIES) {
      if (v(c.key, "families") > v(c.key, "children")) {
        warn(
          c.key,
          "families",
          `${cls}семей (${v(c.key, "families")}) больше, чем детей (${v(c.key, "children")}): у каждой учтённой семьи есть ребёнок в классе; проверьте числа`
        );
      }
    }
  }
  return out;
}
