/**
 * The safe replacement of a register (`updateRegister`): a version-1 register is brought to
 * version 2 in the same write, «Журнал» records the write with episode codes only, the new file
 * is read back whole and compared before it replaces the register, and any failure on the way
 * leaves the register byte for byte as it was, with no file left behind.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseRegister } from "../../src/core/register/parseRegister";
import { SHEET } from "../../src/core/register/schema";
import { UserError } from "../../src/cli/errors";
import { UPGRADE_ACTION, updateRegister } from "../../src/cli/registerUpdate";
import { appendRows, type PatchRow } from "../../src/cli/xlsx/patch/appendRows";
import { ZipPackage } from "../../src/cli/xlsx/patch/zip";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { foreignRegister } from "../support/foreignXlsx";

const dir = mkdtempSync(join(tmpdir(), "vshu-update-"));
let n = 0;

/** A fresh version-1 register in its own folder. */
async function book(): Promise<{ file: string; folder: string; bytes: Buffer }> {
  const folder = join(dir, `b${++n}`);
  mkdirSync(folder);
  const file = join(folder, "книга.xlsx");
  const bytes = await foreignRegister();
  writeFileSync(file, bytes);
  return { file, folder, bytes };
}

const WHEN = "2026-11-23T14:05:09" as const;

const newCase = (code: string): PatchRow => ({
  Код: code,
  Фамилия: "Донгак",
  Имя: "Чечек",
  "Дата рождения": { date: "2012-05-06" },
  Класс: "6Б",
  "Дата выявления": { date: "2026-11-10" },
  Показатели: "Р1",
});

/** Runs `fn` and returns the error it throws (fails when it does not throw). */
async function failure(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  assert.fail("expected a failure");
}

describe("a write to a version-1 register", () => {
  test("upgrades it in the same write and records both in «Журнал», codes only", async () => {
    const { file } = await book();
    const outcome = await updateRegister(file, {
      who: "vshu import",
      action: "импорт из CSV",
      now: WHEN,
      edit: ({ book: b }) => {
        appendRows(b, SHEET.cases, [newCase("В-4"), newCase("В-5")]);
      },
    });
    assert.equal(outcome.written, true);
    assert.ok(outcome.upgraded.length > 0);
    const tables = await readWorkbookTables(file, () => []);
    const { register, issues } = parseRegister(tables);
    assert.deepEqual(issues, []);
    assert.equal(register.settings.version, 2);
    assert.deepEqual(
      register.episodes.map((e) => e.code),
      ["В-1", "В-2", "В-3", "В-4", "В-5"]
    );
    const journal = tables.get(SHEET.journal);
    const rows = journal?.rows.map((r) => r.cells.slice(1)) ?? [];
    assert.deepEqual(rows, [
      [
        "vshu import",
        UPGRADE_ACTION,
        "Учёт, Семьи, Мероприятия, Сигналы, Настройки, Регламент",
        null,
        null,
      ],
      ["vshu import", "импорт из CSV", SHEET.cases, "5–6", "В-4, В-5"],
    ]);
    // «Когда»: 23.11.2026 14:05:09 as a date-time serial.
    const when = journal?.rows[1]?.cells[0];
    assert.equal(typeof when, "number");
    assert.ok(Math.abs((when as number) - (46349 + (14 * 3600 + 5 * 60 + 9) / 86400)) < 1e-9);
    // No name of a child in the journal.
    const text = JSON.stringify(journal?.rows);
    assert.doesNotMatch(text, /Донгак|Чечек/);
  });

  test("10 000 rows appended are all read back", async () => {
    const { file } = await book();
    const rows = Array.from({ length: 10_000 }, (_, i) => newCase(`Н-${i + 1}`));
    const outcome = await updateRegister(file, {
      who: "vshu import",
      action: "импорт из CSV",
      now: WHEN,
      edit: ({ book: b }) => {
        appendRows(b, SHEET.cases, rows);
      },
    });
    const { register, issues } = parseRegister(await readWorkbookTables(file, () => []));
    assert.deepEqual(issues, []);
    assert.equal(register.episodes.length, 10_003);
    assert.equal(register.episodes[10_002]?.code, "Н-10000");
    assert.equal(register.episodes[10_002]?.row, 10_004);
    const entry = outcome.journal.find((j) => j.action === "импорт из CSV");
    assert.deepEqual([...new Set(entry?.rows)].length, 10_000);
  });
});

describe("nothing is lost when a write fails", () => {
  /** The register is byte for byte as it was and its folder holds nothing new. */
  function untouched(folder: string, file: string, bytes: Buffer): void {
    assert.ok(readFileSync(file).equals(bytes), "the register is unchanged");
    assert.deepEqual(readdirSync(folder), ["книга.xlsx"], "no file left behind");
  }

  test("an edit that fails half-way", async () => {
    const { file, folder, bytes } = await book();
    const error = await failure(() =>
      updateRegister(file, {
        who: "vshu test",
        action: "проверка",
        edit: ({ book: b }) => {
          appendRows(b, SHEET.cases, [newCase("В-9")]);
          throw new Error("сбой посреди правки");
        },
      })
    );
    assert.match(error.message, /сбой посреди правки/);
    untouched(folder, file, bytes);
  });

  for (const readBack of ["whole", "changed"] as const) {
    for (const [what, from, to] of [
      ["a cell of the sheet written to", "сидит у окна", "сидит у двери"],
      ["a cell of a sheet not written to", "тренинг", "треннинг"],
    ] as const) {
      test(`a new file with ${what} changed is not put in place (read back: ${readBack})`, async () => {
        const { file, folder, bytes } = await book();
        const error = await failure(() =>
          updateRegister(file, {
            who: "vshu test",
            action: "проверка",
            readBack,
            edit: ({ book: b }) => {
              appendRows(b, SHEET.cases, [newCase("В-9")]);
            },
            // Something damages the new file between writing and checking.
            afterWrite: async (tmp) => {
              const zip = ZipPackage.open(readFileSync(tmp));
              const sst = zip.text("xl/sharedStrings.xml") ?? "";
              assert.ok(sst.includes(from));
              zip.write("xl/sharedStrings.xml", sst.replace(from, to));
              writeFileSync(tmp, zip.toBuffer());
            },
          })
        );
        assert.ok(error instanceof UserError);
        assert.equal(error.exitCode, 2);
        assert.match(error.message, /проверка записанного файла не сошлась/);
        if (readBack === "whole") {
          assert.match(error.message, new RegExp(`ожидалось «${from}», записано «${to}»`));
        } else {
          // Reading by changed sheets first checks that the old shared strings are kept.
          assert.match(error.message, /изменены прежние записи таблицы общих строк/);
        }
        assert.match(error.message, /Книга учёта не изменена/);
        untouched(folder, file, bytes);
      });
    }
  }

  test("read back by changed sheets: an untouched sheet's part stored differently is read and compared", async () => {
    const { file, folder, bytes } = await book();
    const error = await failure(() =>
      updateRegister(file, {
        who: "vshu test",
        action: "проверка",
        readBack: "changed",
        edit: ({ book: b }) => {
          appendRows(b, SHEET.cases, [newCase("В-9")]);
        },
        afterWrite: async (tmp) => {
          // «Служба» (not written to) loses its only row.
          const zip = ZipPackage.open(readFileSync(tmp));
          const part = "xl/worksheets/sheet8.xml";
          zip.write(part, (zip.text(part) ?? "").replace(/<row r="2"[\s\S]*?<\/row>/, ""));
          writeFileSync(tmp, zip.toBuffer());
        },
      })
    );
    assert.ok(error instanceof UserError);
    assert.match(error.message, /лист «Служба», строка 2/);
    untouched(folder, file, bytes);
  });

  test("read back by changed sheets gives the same register as a whole read", async () => {
    const { file } = await book();
    await updateRegister(file, {
      who: "vshu import",
      action: "импорт из CSV",
      now: WHEN,
      readBack: "changed",
      edit: ({ book: b }) => {
        appendRows(b, SHEET.cases, [newCase("В-4")]);
      },
    });
    const { register, issues } = parseRegister(await readWorkbookTables(file, () => []));
    assert.deepEqual(issues, []);
    assert.equal(register.episodes.length, 4);
  });

  test("a new file the reader cannot open is not put in place", async () => {
    const { file, folder, bytes } = await book();
    const error = await failure(() =>
      updateRegister(file, {
        who: "vshu test",
        action: "проверка",
        edit: ({ book: b }) => {
          appendRows(b, SHEET.cases, [newCase("В-9")]);
        },
        afterWrite: async (tmp) => {
          writeFileSync(tmp, readFileSync(tmp).subarray(0, 1000));
        },
      })
    );
    assert.ok(error instanceof UserError);
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /записанный файл не читается/);
    untouched(folder, file, bytes);
  });

  test("the register opened in Excel meanwhile", async () => {
    const { file, folder, bytes } = await book();
    const error = await failure(() =>
      updateRegister(file, {
        who: "vshu test",
        action: "проверка",
        edit: ({ book: b }) => {
          appendRows(b, SHEET.cases, [newCase("В-9")]);
        },
        afterWrite: async () => {
          writeFileSync(join(folder, "~$книга.xlsx"), "");
        },
      })
    );
    assert.ok(error instanceof UserError);
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /открыта в Excel/);
    assert.ok(readFileSync(file).equals(bytes));
    assert.deepEqual(readdirSync(folder).sort(), ["~$книга.xlsx", "книга.xlsx"].sort());
  });

  test("rows that would make the register wrong (a repeated code) are refused with the cell", async () => {
    const { file, folder, bytes } = await book();
    const error = await failure(() =>
      updateRegister(file, {
        who: "vshu test",
        action: "проверка",
        edit: ({ book: b }) => {
          appendRows(b, SHEET.cases, [newCase("В-1")]);
        },
      })
    );
    assert.ok(error instanceof UserError);
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /лист «Учёт», строка 5, столбец «Код»/);
    assert.match(error.message, /книга учёта не изменена/);
    untouched(folder, file, bytes);
  });

  test("a register of a newer version is refused before anything is written", async () => {
    const folder = join(dir, "newer");
    mkdirSync(folder);
    const file = join(folder, "книга.xlsx");
    const bytes = await foreignRegister({ version: 3 });
    writeFileSync(file, bytes);
    const error = await failure(() =>
      updateRegister(file, {
        who: "vshu test",
        action: "проверка",
        edit: ({ book: b }) => {
          appendRows(b, SHEET.cases, [newCase("В-9")]);
        },
      })
    );
    assert.ok(error instanceof UserError);
    assert.match(error.message, /более новой версией ВШУ/);
    untouched(folder, file, bytes);
  });
});

describe("rows typed under a table that did not grow over them", () => {
  test("the first write grows the table over them, and rows added go below them", async () => {
    const { buildRegisterWorkbook } = await import("../../src/cli/xlsx/writeRegister");
    const { defaultSettings } = await import("../../src/core/register/defaults");
    const { CASE_COLUMNS } = await import("../../src/core/register/schema");
    const folder = join(dir, `below${++n}`);
    mkdirSync(folder);
    const file = join(folder, "книга.xlsx");
    const wb = buildRegisterWorkbook({
      sheets: {
        settings: defaultSettings({ school: "Школа", district: "Район", startYear: 2026 }).map(
          ([p, v]) => ({ Параметр: p, Значение: v })
        ),
        cases: [{ ...newCase("В-1"), Фамилия: "Монгуш" }],
      },
    });
    // As LibreOffice leaves it: a case typed in the row under the table, the table not grown.
    const ws = wb.getWorksheet(SHEET.cases);
    const typed: Record<string, string> = { Код: "В-2", Фамилия: "Ооржак", Имя: "Айдыс" };
    CASE_COLUMNS.forEach((h, i) => {
      if (typed[h] !== undefined && ws) {
        ws.getCell(3, i + 1).value = typed[h];
      }
    });
    await wb.xlsx.writeFile(file);
    const before = await readWorkbookTables(file, () => []);
    assert.deepEqual(before.get(SHEET.cases)?.rowsBelow, [3], "the reader saw the typed row");

    await updateRegister(file, {
      who: "vshu import",
      action: "импорт из CSV",
      now: WHEN,
      edit: ({ book: editor }) => {
        appendRows(editor, SHEET.cases, [newCase("В-9")]);
      },
    });
    const after = await readWorkbookTables(file, () => []);
    const cases = after.get(SHEET.cases);
    assert.equal(cases?.rowsBelow, undefined, "no rows outside the table any more");
    const code = cases?.headers.indexOf("Код") ?? -1;
    assert.deepEqual(
      cases?.rows.map((r) => [r.row, r.cells[code]]),
      [
        [2, "В-1"],
        [3, "В-2"],
        [4, "В-9"],
      ]
    );
    const zip = ZipPackage.open(readFileSync(file));
    const tableXml = zip
      .names()
      .filter((p) => /^xl\/tables\/.*\.xml$/.test(p))
      .map((p) => zip.text(p) ?? "")
      .find((x) => x.includes('displayName="tblCases"'));
    assert.match(tableXml ?? "", /\bref="A1:[A-Z]+4"/);
    const journal = after.get(SHEET.journal);
    const action = journal?.headers.indexOf("Действие") ?? -1;
    assert.deepEqual(
      journal?.rows.map((r) => r.cells[action]),
      ["таблица растянута на строки, введённые под ней", "импорт из CSV"]
    );
  });
});
