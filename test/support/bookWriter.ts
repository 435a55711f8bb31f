/**
 * Registers written the way another program writes them, for the reading tests: exceljs used
 * directly, each sheet of version 1 one table with the contract's columns and a user's column,
 * formulas and rows under a table as given; and the check that the binary refuses a file on
 * both reading commands without writing anything.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { defaultSettings } from "../../src/core/register/defaults";
import {
  SHEET,
  SHEET_COLUMNS,
  TABLE_NAME,
  V1_SHEETS,
  type SheetKey,
} from "../../src/core/register/schema";
import { RAW_ERROR_WORDS, sha, vshu, type Run } from "./vshuBin";

export const PERIOD = ["--from", "2026-09-01", "--to", "2026-11-30"] as const;
export const USER_COLUMN = "Заметки учителя";

export type Value = ExcelJS.CellValue;
export type Row = Record<string, Value>;

export const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const CASES: Row[] = [
  {
    Код: "В-1",
    Фамилия: "Монгуш",
    Имя: "Айдыс",
    "Дата рождения": date("2014-03-02"),
    "Дата выявления": date("2026-10-01"),
    Показатели: "Р2, Р5",
    Уровень: 1,
    "Дата постановки": date("2026-10-05"),
  },
  {
    Код: "В-2",
    Фамилия: "Ооржак",
    Имя: "Чечек",
    "Дата рождения": date("2012-07-12"),
    "Дата выявления": date("2026-10-10"),
    Показатели: "С14",
    Уровень: 2,
    "Дата постановки": date("2026-10-20"),
  },
];

export interface BookOptions {
  readonly cases?: readonly Row[];
  readonly assistance?: readonly Row[];
  /** Rows typed under the table of «Учёт», each at the given sheet row. */
  readonly below?: readonly { row: number; values: Row }[];
  readonly leaveOut?: readonly SheetKey[];
}

/**
 * A version-1 register written with exceljs directly, the way another program writes one: each
 * sheet one table with the contract's columns and a user's column, formulas as given.
 */
export async function writeBook(
  dir: string,
  name: string,
  opts: BookOptions = {}
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const settings: Row[] = defaultSettings({
    school: "Школа",
    district: "Кызыл",
    startYear: 2026,
  }).map(([p, v]) => ({
    Параметр: p,
    Значение: v !== null && typeof v === "object" ? date(v.date) : v,
  }));
  const rows: Partial<Record<SheetKey, readonly Row[]>> = {
    settings,
    cases: opts.cases ?? CASES,
    assistance: opts.assistance ?? [],
  };
  for (const key of V1_SHEETS) {
    if (opts.leaveOut?.includes(key)) {
      continue;
    }
    const ws = wb.addWorksheet(SHEET[key]);
    const headers = [...SHEET_COLUMNS[key], USER_COLUMN];
    const data = rows[key] ?? [];
    ws.addTable({
      name: TABLE_NAME[key],
      ref: "A1",
      headerRow: true,
      columns: headers.map((h) => ({ name: h })),
      rows: (data.length > 0 ? data : [{}]).map((r) => headers.map((h) => r[h] ?? null)),
    });
    if (key === "cases") {
      for (const b of opts.below ?? []) {
        ws.getRow(b.row).values = headers.map((h) => b.values[h] ?? null);
      }
    }
  }
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Exit 1 on `report --out` and `deadlines`, the file named, fragments present, nothing raw, nothing written. */
export function refusedBoth(dir: string, file: string, ...fragments: string[]): void {
  const before = statSync(file).isFile() ? sha(file) : null;
  const out = join(dir, `out-${randomBytes(4).toString("hex")}.xlsx`);
  const runs: Run[] = [
    vshu(["report", file, ...PERIOD, "--out", out]),
    vshu(["deadlines", file, "--on", "2026-11-23"]),
  ];
  for (const r of runs) {
    assert.equal(r.status, 1, `exit code (stderr: ${r.stderr})`);
    assert.equal(r.stdout, "");
    assert.ok(r.stderr.startsWith(file), `the message names the file: ${r.stderr}`);
    for (const f of fragments) {
      assert.ok(r.stderr.includes(f), `«${f}» missing from: ${r.stderr}`);
    }
    for (const raw of RAW_ERROR_WORDS) {
      assert.doesNotMatch(r.stderr, raw);
    }
  }
  assert.equal(existsSync(out), false, "no report written");
  if (before !== null) {
    assert.equal(sha(file), before, "the file is untouched");
  }
}

/** Rewrites one part of a package. */
export async function withPart(
  dir: string,
  source: string,
  name: string,
  part: string,
  change: (xml: string) => string
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const file = zip.file(part);
  assert.ok(file, `part ${part}`);
  zip.file(part, change(await file.async("string")));
  const out = join(dir, name);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return out;
}

/** The part of a sheet by its name (exceljs writes sheetN.xml in order). */
export function sheetPart(key: SheetKey): string {
  return `xl/worksheets/sheet${V1_SHEETS.indexOf(key) + 1}.xml`;
}
