/**
 * Random registers written by an independent, untidy writer (test/support/registerXlsx.ts)
 * and read back by vshu's reader: the report and the deadlines must equal those computed on
 * the registers as generated. Also through the real `vshu` binary.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import {
  computeDeadlineList,
  computeDeadlines,
  isOpenOn,
  toDeadlinesJson,
} from "../../src/core/deadlines";
import type { Action, Register } from "../../src/core/register/model";
import { STEPS } from "../../src/core/register/schema";
import { aggregateReport } from "../../src/core/report";
import { readRegister } from "../../src/cli/xlsx/readRegister";
import { readWorkbookTables } from "../../src/cli/xlsx/readWorkbook";
import { mulberry32, randomRegister, RANDOM_PERIODS } from "../support/builders";
import { convertWithLibreOffice } from "../support/libreOffice";
import { childIdentity, writeMessyRegister } from "../support/registerXlsx";
import { addDays } from "../../src/core/dates/isoDate";

const dir = mkdtempSync(join(tmpdir(), "vshu-roundtrip-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

/** A random register that is valid as a file: known codes only, with regulated steps. */
export function validRandomRegister(seed: number, size: number): Register {
  const r = randomRegister(seed, size);
  const codes = new Set(r.episodes.map((e) => e.code));
  const rnd = mulberry32(seed * 7 + 1);
  const actions: Action[] = [];
  for (const e of r.episodes) {
    if (!e.registered || rnd() < 0.3) {
      continue;
    }
    for (const s of STEPS) {
      if (rnd() < 0.5) {
        actions.push({
          row: actions.length + 2,
          caseCode: e.code,
          step: s.key,
          section: null,
          direction: "",
          title: "шаг",
          due: null,
          responsible: "",
          done: rnd() < 0.7 ? addDays(e.registered, Math.floor(rnd() * 60)) : null,
          note: "",
          block: null,
        });
      }
    }
  }
  return {
    ...r,
    actions,
    assistance: r.assistance.filter((a) => codes.has(a.caseCode)),
    activities: r.activities.filter((a) => codes.has(a.caseCode)),
  };
}

/** The register with the children's names the untidy writer puts in the file (childIdentity). */
function asWritten(r: Register): Register {
  return {
    ...r,
    episodes: r.episodes.map((e) => {
      const id = childIdentity(e);
      return { ...e, lastName: id.last, firstName: id.first, patronymic: id.middle };
    }),
  };
}

const ON_DATES = ["2026-11-23", "2026-11-21", "2027-01-11", "2026-05-11"];

describe("random registers read back from untidy files", () => {
  for (let seed = 1; seed <= 12; seed++) {
    test(`seed ${seed}${seed % 3 === 0 ? " (plain ranges, no tables)" : ""}`, async () => {
      const original = validRandomRegister(seed, 40 + seed * 5);
      const file = join(dir, `r${seed}.xlsx`);
      await writeMessyRegister(file, original, { seed, plain: seed % 3 === 0 });
      const read = await readRegister(file);
      assert.equal(read.episodes.length, original.episodes.length);
      for (const period of RANDOM_PERIODS) {
        assert.deepEqual(
          aggregateReport(read, period),
          aggregateReport(original, period),
          `period ${period.from}..${period.to}`
        );
      }
      const calendar = createProductionCalendar();
      for (const on of ON_DATES) {
        assert.deepEqual(
          toDeadlinesJson(computeDeadlines(read, on, calendar)),
          toDeadlinesJson(computeDeadlines(asWritten(original), on, calendar)),
          `deadlines on ${on}`
        );
      }
    });
  }
});

/** The register with an episode's code changed everywhere it is referenced. */
function renameCode(r: Register, from: string, to: string): Register {
  const swap = <T extends { caseCode: string }>(x: T): T =>
    x.caseCode === from ? { ...x, caseCode: to } : x;
  return {
    ...r,
    episodes: r.episodes.map((e) => (e.code === from ? { ...e, code: to } : e)),
    actions: r.actions.map(swap),
    assistance: r.assistance.map(swap),
    activities: r.activities.map(swap),
  };
}

describe("the vshu binary", () => {
  test("report --json and deadlines --json print the same figures as the core", async () => {
    // Codes that look like the JSON around them must not break the one-element-a-line output.
    let original = validRandomRegister(99, 60);
    const open = original.episodes.filter((e) => isOpenOn(e, "2026-11-23"));
    original = renameCode(original, open[0]?.code ?? "", 'В-1"},{"case":"В-2');
    original = renameCode(original, open[1]?.code ?? "", "В-3},{\\");
    const file = join(dir, "bin.xlsx");
    await writeMessyRegister(file, original, { seed: 99 });
    const period = { from: "2026-09-01", to: "2026-11-30" };
    const report = spawnSync(
      process.execPath,
      [VSHU, "report", file, "--from", period.from, "--to", period.to, "--json"],
      {
        encoding: "utf8",
      }
    );
    assert.equal(report.status, 0, report.stderr);
    assert.deepEqual(JSON.parse(report.stdout), aggregateReport(original, period));
    const deadlines = spawnSync(
      process.execPath,
      [VSHU, "deadlines", file, "--on", "2026-11-23", "--json"],
      { encoding: "utf8" }
    );
    assert.equal(deadlines.status, 0, deadlines.stderr);
    const expected = toDeadlinesJson(
      computeDeadlineList(asWritten(original), "2026-11-23", createProductionCalendar())
    );
    assert.deepEqual(JSON.parse(deadlines.stdout), expected);
    const lines = deadlines.stdout.trimEnd().split("\n");
    assert.equal(lines.length, expected.length + 2, "one element a line between [ and ]");
    assert.ok(
      expected.some((d) => d.case?.includes('"},{"')),
      "the tricky code has deadlines"
    );
    assert.ok(
      expected.length > 0,
      "the register must have open episodes for this test to mean anything"
    );
  });
});

/** Part names in the order a writer stores them: the matching ones first, in `groups` order. */
function orderBy(groups: readonly RegExp[]): (names: string[]) => string[] {
  const rank = (n: string): number => {
    const i = groups.findIndex((g) => g.test(n));
    return i < 0 ? groups.length : i;
  };
  return (names) => [...names].sort((a, b) => rank(a) - rank(b));
}

/** The orders real writers store an .xlsx package's parts in. */
const PART_ORDERS: Record<string, (names: string[]) => string[]> = {
  "as exceljs writes it (workbook.xml last)": (names) => names,
  "Excel's (workbook first, sheets before the shared strings)": orderBy([
    /^\[Content_Types\]/,
    /^_rels\//,
    /^xl\/workbook\.xml$/,
    /^xl\/_rels\//,
    /^xl\/worksheets\//,
    /^xl\/theme\//,
    /^xl\/styles/,
    /^xl\/sharedStrings/,
    /^xl\/tables\//,
  ]),
  "openpyxl's (sheets first, workbook and content types last)": orderBy([
    /^docProps\//,
    /^xl\/theme\//,
    /^xl\/worksheets\//,
    /^xl\/tables\//,
    /^xl\/styles/,
    /^xl\/workbook\.xml$/,
    /^xl\/_rels\//,
    /^xl\/sharedStrings/,
    /^_rels\//,
  ]),
  reversed: (names) => [...names].reverse(),
};

/** Writes the package `src` again with its parts stored in another order. */
async function repack(src: string, dest: string, order: (names: string[]) => string[]) {
  const from = await JSZip.loadAsync(readFileSync(src));
  const to = new JSZip();
  const names = Object.keys(from.files).filter((n) => !from.files[n]?.dir);
  for (const name of order(names)) {
    to.file(name, await from.file(name)!.async("nodebuffer"));
  }
  writeFileSync(dest, await to.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("any order of the package's parts reads the same", () => {
  // exceljs's own one-pass reader loses the parts after a sheet that had to wait for the shared
  // strings (a crash "reading 'sheets'" when workbook.xml is among them, missing sheets
  // otherwise); each order is read several times because that loss is a race.
  const original = validRandomRegister(21, 12);
  const period = { from: "2026-09-01", to: "2026-11-30" };
  for (const [n, [label, order]] of Object.entries(PART_ORDERS).entries()) {
    test(label, async () => {
      const written = join(dir, "order-src.xlsx");
      await writeMessyRegister(written, original, { seed: 21 });
      const file = join(dir, `order-${n}.xlsx`);
      await repack(written, file, order);
      for (let i = 0; i < 4; i++) {
        assert.deepEqual(
          aggregateReport(await readRegister(file), period),
          aggregateReport(original, period)
        );
      }
    });
  }

  test("eight small sheets, read twenty times: every sheet, every row", async () => {
    const wb = new ExcelJS.Workbook();
    for (let s = 1; s <= 8; s++) {
      const ws = wb.addWorksheet(`Лист ${s}`);
      ws.addRow(["Код", "Число"]);
      ws.addRow([`К-${s}`, s]);
    }
    const file = join(dir, "eight.xlsx");
    await wb.xlsx.writeFile(file);
    for (let i = 0; i < 20; i++) {
      const tables = await readWorkbookTables(file, () => ["Код", "Число"]);
      assert.deepEqual(
        [...tables].map(([name, t]) => [name, t.headers, t.rows.map((r) => r.cells)]),
        Array.from({ length: 8 }, (_, k) => [
          `Лист ${k + 1}`,
          ["Код", "Число"],
          [[`К-${k + 1}`, k + 1]],
        ])
      );
    }
  });

  test("a register saved again by LibreOffice reads back the same", async () => {
    const written = join(dir, "lo-src.xlsx");
    await writeMessyRegister(written, original, { seed: 21 });
    const resaved = convertWithLibreOffice(written, "xlsx:Calc MS Excel 2007 XML", join(dir, "lo"));
    const read = await readRegister(resaved);
    assert.deepEqual(aggregateReport(read, period), aggregateReport(original, period));
  });
});

describe("Cyrillic text across the reader's chunks", () => {
  test("thousands of distinct Cyrillic strings (two bytes a letter) read back unchanged", async () => {
    // The inflated parts reach the XML parser in chunks of a few kilobytes; a letter whose two
    // bytes fall into two chunks was decoded as «��» before the reader decoded text itself.
    const letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ";
    const rnd = mulberry32(77);
    const words = Array.from({ length: 6000 }, (_, i) => {
      const n = 3 + Math.floor(rnd() * 17);
      let w = "";
      for (let k = 0; k < n; k++) {
        w += letters[Math.floor(rnd() * letters.length)];
      }
      return `${w} ${i}`;
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Лист");
    ws.addTable({
      name: "T",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "Текст" }, { name: "Ещё текст" }],
      rows: words.map((w, i) => [w, `${words[(i * 7) % words.length]} — ёлка`]),
    });
    const file = join(dir, "cyrillic.xlsx");
    await wb.xlsx.writeFile(file);
    const tables = await readWorkbookTables(file, () => []);
    const rows = tables.get("Лист")?.rows ?? [];
    assert.equal(rows.length, words.length);
    rows.forEach((r, i) => {
      assert.equal(r.cells[0], words[i]);
      assert.equal(r.cells[1], `${words[(i * 7) % words.length]} — ёлка`);
    });
  });
});
