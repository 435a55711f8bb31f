/**
 * `vshu report` end to end (the built binary, `npm run build:cli`): two runs on the same day
 * write the same bytes; a social passport whose «в том числе» row exceeds its parent row is
 * reported on stderr, located, and the report is still built (exit 0). And the pure check
 * behind it, table-driven.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRegisterWorkbook } from "../../src/cli/xlsx/writeRegister";
import { buildDemoRegister } from "../../src/core/demo/demoRegister";
import type { PassportCategory } from "../../src/core/register/schema";
import { passportWarnings } from "../../src/core/report/passportChecks";
import { aPassportRow } from "../support/builders";

const dir = mkdtempSync(join(tmpdir(), "vshu-report-cli-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

function vshu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cf = (children: number, families: number) => ({ children, families });

describe("passportWarnings", () => {
  const cases: ReadonlyArray<
    [string, Partial<Record<PassportCategory, { children: number; families: number }>>, string[]]
  > = [
    [
      "a consistent class",
      {
        total: cf(25, 20),
        completeProsperous: cf(15, 12),
        needSupport: cf(8, 7),
        largeFamilies: cf(8, 6),
        singleParent: cf(3, 3),
      },
      [],
    ],
    [
      "«в том числе» above «нуждающихся»",
      { total: cf(25, 20), needSupport: cf(4, 4), largeFamilies: cf(6, 5) },
      ["Многодетные: детей", "Многодетные: семей"],
    ],
    [
      "a category above «Всего»",
      { total: cf(10, 8), needSupport: cf(12, 8), unemployed: cf(2, 2) },
      ["Нуждающиеся в поддержке: детей", "Всего: детей"],
    ],
    [
      "«Полные» and «Нуждающиеся» together above «Всего»",
      { total: cf(20, 16), completeProsperous: cf(15, 12), needSupport: cf(8, 6) },
      ["Всего: детей", "Всего: семей"],
    ],
    [
      "more families than children",
      { total: cf(20, 16), needSupport: cf(5, 5), guardianship: cf(1, 2) },
      ["Опекаемые: семей"],
    ],
  ];
  for (const [label, values, columns] of cases) {
    test(label, () => {
      const warnings = passportWarnings([{ ...aPassportRow("5А", values), row: 7 }]);
      assert.deepEqual(
        warnings.map((w) => w.column),
        columns
      );
      for (const w of warnings) {
        assert.equal(w.sheet, "Соцпаспорт");
        assert.equal(w.row, 7);
        assert.match(w.message, /^класс 5А: .*проверьте числа$/);
      }
    });
  }
});

describe("vshu report", () => {
  const ON = "2026-11-23";

  /** The demo register with the first class's large families above its families in need. */
  async function bookWithBadPassport(): Promise<string> {
    const sheets = buildDemoRegister(ON).sheets;
    const passport = (sheets.passport ?? []).map((row, i) =>
      i === 0 ? { ...row, "Многодетные: детей": 30, "Многодетные: семей": 3 } : row
    );
    const file = join(dir, "книга.xlsx");
    await buildRegisterWorkbook({ sheets: { ...sheets, passport } }).xlsx.writeFile(file);
    return file;
  }

  test("two runs, the same bytes; the passport's warnings on stderr, the report still built", async () => {
    const book = await bookWithBadPassport();
    const outs = ["а.xlsx", "б.xlsx"].map((n) => join(dir, n));
    for (const out of outs) {
      const r = vshu("report", book, "--from", "2026-09-01", "--to", ON, "--out", out);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stderr.trim().split("\n");
      assert.equal(
        lines[0],
        `Предупреждение: ${book}: лист «Соцпаспорт», строка 2, столбец «Многодетные: детей»: класс 1А: 30 больше, чем «Нуждающиеся в поддержке: детей» (9): в отчёте это строка «в том числе» и не может превышать её; проверьте числа`
      );
      assert.ok(
        lines.some((l) =>
          l.includes("«Многодетные: детей»: класс 1А: 30 больше, чем «Всего: детей» (24)")
        )
      );
      assert.match(lines[lines.length - 1] ?? "", /^Предупреждений: \d+\. Отчёт построен/);
    }
    const [a, b] = outs.map((o) => readFileSync(o));
    assert.ok(a && b && a.equals(b), "the same input gave different bytes");
  });
});
