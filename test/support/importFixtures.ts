/**
 * Fixtures of the CSV import tests: bytes in each encoding, and a register of raw tables with
 * one episode В-1 (Монгуш Айдыс, 05.03.2012) and the sheets the plans import into.
 */
import iconv from "iconv-lite";
import type { ImportPlan } from "../../src/core/import/plan";
import type { Cell, RawTable } from "../../src/core/register/model";
import { ACTION_COLUMNS, CASE_COLUMNS } from "../../src/core/register/schema";
import { prepareImport } from "../../src/csv/parseCsv";

export const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "utf8"));
export const cp1251 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, "win1251"));
export const bom = (s: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

function caseRow(
  row: number,
  values: Partial<Record<string, Cell>>
): { row: number; cells: Cell[] } {
  return { row, cells: CASE_COLUMNS.map((c) => values[c] ?? null) };
}

/** A register with one episode В-1 (Монгуш Айдыс, 05.03.2012) and an empty «Мероприятия». */
export function register(extraCaseHeaders: string[] = []): Map<string, RawTable> {
  return new Map<string, RawTable>([
    [
      "Учёт",
      {
        headers: [...CASE_COLUMNS, ...extraCaseHeaders],
        rows: [
          caseRow(2, {
            Код: "В-1",
            Фамилия: "Монгуш",
            Имя: "Айдыс",
            "Дата рождения": { date: "2012-03-05" },
          }),
        ],
      },
    ],
    ["Мероприятия", { headers: [...ACTION_COLUMNS], rows: [] }],
    ["Семьи", { headers: ["Код семьи", "Социальный статус"], rows: [] }],
    ["Соцпаспорт", { headers: ["Класс"], rows: [{ row: 2, cells: ["7Б"] }] }],
  ]);
}

export const plan = (csv: string | Uint8Array, sheet = "Учёт", reg = register()): ImportPlan =>
  prepareImport({ bytes: typeof csv === "string" ? utf8(csv) : csv, sheet, register: reg });

export const reasons = (p: ImportPlan): string[] =>
  p.errors.map((e) => `${e.row}|${e.column}|${e.value}|${e.reason}`);
