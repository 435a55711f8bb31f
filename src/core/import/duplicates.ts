/**
 * Duplicates of an import into «Учёт»: the same child — surname, first name and birth date, as
 * the issue defines it (the patronymic is not compared) — already on the sheet or earlier in the
 * file.
 */
import { formatDateRu } from "../dates/isoDate";
import type { Cell } from "../register/model";
import type { RawSheets } from "../register/parseRegister";
import { SHEET } from "../register/schema";
import { matchKey } from "../text";
import { findTable } from "./checks";
import { convertField, type ImportValue } from "./columns";
import type { ImportIssue, ImportRow } from "./plan";

function toCell(v: ImportValue | undefined): Cell {
  return v === undefined ? null : v;
}

/** The same child: surname, first name and birth date (case, ё/е and look-alikes ignored). */
function childKey(last: Cell, first: Cell, birth: Cell): string | null {
  const text = (c: Cell): string => (typeof c === "string" ? c.trim() : "");
  const date = typeof birth === "object" && birth !== null && "date" in birth ? birth.date : null;
  if (text(last) === "" || text(first) === "" || date === null) {
    return null;
  }
  return `${matchKey(text(last))}|${matchKey(text(first))}|${date}`;
}

export function findDuplicates(
  register: RawSheets,
  rows: readonly ImportRow[],
  headerOf: (column: string) => string
): ImportIssue[] {
  const onSheet = new Map<string, { row: number; code: string }>();
  const cases = findTable(register, SHEET.cases);
  if (cases) {
    const col = (name: string): number =>
      cases.headers.findIndex((h) => matchKey(h) === matchKey(name));
    const [code, last, first, birth] = ["Код", "Фамилия", "Имя", "Дата рождения"].map(col);
    for (const r of cases.rows) {
      const cell = (i: number | undefined): Cell =>
        i === undefined || i < 0 ? null : (r.cells[i] ?? null);
      let b = cell(birth);
      if (typeof b === "string") {
        const converted = convertField("cases", "Дата рождения", b);
        b = converted.ok ? (converted.value as Cell) : null;
      } else if (typeof b === "number") {
        const converted = convertField("cases", "Дата рождения", String(b));
        b = converted.ok ? (converted.value as Cell) : null;
      }
      const key = childKey(cell(last), cell(first), b);
      if (key && !onSheet.has(key)) {
        const c = cell(code);
        onSheet.set(key, {
          row: r.row,
          code: c === null || typeof c === "object" ? "" : String(c),
        });
      }
    }
  }
  const inFile = new Map<string, number>();
  const out: ImportIssue[] = [];
  for (const r of rows) {
    const v = r.values;
    const key = childKey(toCell(v["Фамилия"]), toCell(v["Имя"]), toCell(v["Дата рождения"]));
    if (!key) {
      continue;
    }
    const birth = v["Дата рождения"];
    const who = `${String(v["Фамилия"]).trim()} ${String(v["Имя"]).trim()}, ${
      typeof birth === "object" && birth !== null ? formatDateRu(birth.date) : ""
    }`;
    const existing = onSheet.get(key);
    const earlier = inFile.get(key);
    if (existing) {
      out.push({
        row: r.row,
        column: headerOf("Фамилия"),
        value: who,
        reason: `этот ребёнок уже есть на листе «${SHEET.cases}» (строка ${existing.row}${existing.code ? `, код ${existing.code}` : ""})`,
      });
    } else if (earlier !== undefined) {
      out.push({
        row: r.row,
        column: headerOf("Фамилия"),
        value: who,
        reason: `этот ребёнок уже есть в строке ${earlier} файла`,
      });
    } else {
      inFile.set(key, r.row);
    }
  }
  return out;
}
