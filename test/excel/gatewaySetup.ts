/**
 * Shared set-up of the adapter's tests: the fake Excel with the gateway over it, a case draft,
 * a table row by header, the case columns shuffled with a user's column.
 */
import type { CaseDraft, RegisterGateway } from "../../src/excel/gateway";
import { CASE_COLUMNS } from "../../src/core/register/schema";
import { createExcelGateway, type ExcelRun } from "../../src/excel/excelGateway";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "../support/fakeExcel";

export const TODAY = "2026-11-23";
export const MB5 = 5 * 1024 * 1024;

export function setup(options: FakeExcelOptions = {}): {
  fake: FakeExcel;
  gateway: RegisterGateway;
} {
  const fake = createFakeExcel(options);
  return { fake, gateway: createExcelGateway(fake.run as unknown as ExcelRun, fake.host) };
}

export function draft(overrides: Partial<CaseDraft> = {}): CaseDraft {
  return {
    code: "",
    lastName: "Монгуш",
    firstName: "Айдыс",
    patronymic: "Орланович",
    birthDate: "2014-05-06",
    className: "6Б",
    familyCode: "",
    newFamily: null,
    identified: "2026-11-02",
    source: "классный руководитель",
    indicators: ["Р2", "Р5"],
    level: 1,
    registered: "2026-11-14",
    protocol: "7",
    curator: "Социальный педагог",
    note: "",
    ...overrides,
  };
}

/** Row of a table as a record by header. */
export function rowOf(fake: FakeExcel, table: string, index: number): Record<string, unknown> {
  const t = fake.table(table);
  const row = t.rows[index] ?? [];
  return Object.fromEntries(t.headers.map((h, i) => [h, row[i]]));
}

export const SHUFFLED_CASES: readonly string[] = [
  ...([...CASE_COLUMNS] as string[]).reverse(),
  "Моя заметка",
];
