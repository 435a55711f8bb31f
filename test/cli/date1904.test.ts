/**
 * A register in the 1904 date system (Excel for Mac before 2011 made such workbooks; Excel still
 * keeps the setting): its serial numbers count days from 1904-01-01, 1462 fewer than the same
 * dates in a 1900 workbook. The command line reads its date cells as the dates they show and
 * writes new dates in the workbook's own system, so deadlines and the report equal those of
 * the same register in the 1900 system, and a write reads back as the dates written.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDemoRegister } from "../../src/core/demo/demoRegister";
import { parseRegister } from "../../src/core/register/parseRegister";
import { SHEET } from "../../src/core/register/schema";
import { runDeadlines } from "../../src/cli/commands/deadlines";
import { runReport } from "../../src/cli/commands/report";
import { updateRegister } from "../../src/cli/registerUpdate";
import { appendRows } from "../../src/cli/xlsx/patch/appendRows";
import { ZipPackage } from "../../src/cli/xlsx/patch/zip";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { buildRegisterWorkbook } from "../../src/cli/xlsx/writeRegister";

const ON = "2026-11-23";
const dir = mkdtempSync(join(tmpdir(), "vshu-1904-"));
const book1900 = join(dir, "книга-1900.xlsx");
const book1904 = join(dir, "книга-1904.xlsx");

/**
 * The same workbook in the 1904 date system, as Excel saves it: the flag on `workbookPr` and
 * every date-formatted serial 1462 lower (exceljs's writer ignores `date1904` for serials).
 */
function to1904(bytes: Buffer): Buffer {
  const zip = ZipPackage.open(bytes);
  const styles = zip.text("xl/styles.xml") ?? "";
  const dateFormats = new Set(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)]
      .filter((m) => /d|y/i.test(m[2] ?? ""))
      .map((m) => m[1])
  );
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const dateStyles = new Set<string>();
  [...xfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].forEach((m, i) => {
    const id = Number(m[1]);
    if (dateFormats.has(m[1]) || (id >= 14 && id <= 22)) {
      dateStyles.add(String(i));
    }
  });
  assert.ok(dateStyles.size > 0);
  for (const part of zip.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = zip.text(part) ?? "";
    zip.write(
      part,
      xml.replace(
        /<c r="([A-Z]+\d+)" s="(\d+)"><v>([\d.]+)<\/v><\/c>/g,
        (cell: string, ref: string, style: string, v: string) =>
          dateStyles.has(style) ? `<c r="${ref}" s="${style}"><v>${Number(v) - 1462}</v></c>` : cell
      )
    );
  }
  const workbook = zip.text("xl/workbook.xml") ?? "";
  zip.write("xl/workbook.xml", workbook.replace("<workbookPr ", '<workbookPr date1904="1" '));
  return zip.toBuffer();
}

/** The serial of «Дата начала» of quarter I on «Настройки» (B6). */
function quarterStartSerial(file: string): number {
  const sheet = ZipPackage.open(readFileSync(file)).text("xl/worksheets/sheet1.xml") ?? "";
  return Number(/<c r="B6" s="\d+"><v>([\d.]+)<\/v>/.exec(sheet)?.[1]);
}

before(async () => {
  const { sheets } = buildDemoRegister(ON);
  const plain = buildRegisterWorkbook({ sheets });
  await plain.xlsx.writeFile(book1900);
  writeFileSync(book1904, to1904(readFileSync(book1900)));
});

describe("a register in the 1904 date system", () => {
  test("really stores its dates 1462 days lower", () => {
    const workbookXml = ZipPackage.open(readFileSync(book1904)).text("xl/workbook.xml") ?? "";
    assert.match(workbookXml, /date1904="1"/);
    assert.equal(quarterStartSerial(book1900) - quarterStartSerial(book1904), 1462);
  });

  test("gives the same deadlines and the same report as in the 1900 system", async () => {
    const [a, b] = await Promise.all([
      runDeadlines({ book: book1900, on: ON }),
      runDeadlines({ book: book1904, on: ON }),
    ]);
    assert.ok(a.json.length > 100);
    assert.deepEqual(b.json, a.json);
    const period = { from: "2026-09-01", to: ON, made: ON } as const;
    const [r1, r2] = await Promise.all([
      runReport({ book: book1900, ...period }),
      runReport({ book: book1904, ...period }),
    ]);
    assert.deepEqual(r2.report, r1.report);
  });

  test("a write stores the dates in the workbook's own system and reads them back", async () => {
    await updateRegister(book1904, {
      who: "vshu import",
      action: "импорт из CSV",
      now: "2026-11-23T10:00:00",
      edit: ({ book }) => {
        assert.equal(book.date1904, true);
        appendRows(book, SHEET.cases, [
          {
            Код: "В-901",
            Фамилия: "Ооржак",
            Имя: "Айдын",
            "Дата рождения": { date: "2013-04-05" },
            Класс: "7А",
            "Дата выявления": { date: "2026-11-20" },
            Показатели: "Р1",
          },
        ]);
      },
    });
    const { register } = parseRegister(await readWorkbookTables(book1904, () => []));
    const added = register.episodes.find((e) => e.code === "В-901");
    assert.equal(added?.identified, "2026-11-20");
    assert.equal(added?.birthDate, "2013-04-05");
  });
});
