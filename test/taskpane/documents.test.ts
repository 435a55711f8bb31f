/**
 * «Документы»' logic (src/taskpane/logic/documentRequest.ts): the model of the case asked for,
 * the warnings to confirm (municipal form for level 1, plan out of the quarter), the reasons in
 * the pane's own words (no command-line options).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildDemoRegister } from "../../src/core/demo/demoRegister";
import { parseRegister } from "../../src/core/register/parseRegister";
import type { RawTable, Register } from "../../src/core/register/model";
import { SHEET, SHEET_COLUMNS, SHEET_ORDER } from "../../src/core/register/schema";
import {
  defaultQuarter,
  DOCUMENT_OPTIONS,
  paneWording,
  planDocument,
  writtenMessage,
} from "../../src/taskpane/logic/documentRequest";

const ON = "2026-11-23";

/** The demo register as a workbook reader would hand it over. */
function demo(): Register {
  const built = buildDemoRegister(ON);
  const sheets = new Map<string, RawTable>();
  for (const key of SHEET_ORDER) {
    const headers = SHEET_COLUMNS[key];
    const rows = (built.sheets[key] ?? []).map((r, i) => ({
      row: i + 2,
      cells: headers.map((h) => r[h] ?? null),
    }));
    sheets.set(SHEET[key], { headers, rows });
  }
  return parseRegister(sheets).register;
}

const register = demo();
const level1 = register.episodes.find(
  (e) => e.level === 1 && e.removed === null && !e.indicators.some((c) => c.startsWith("С"))
);
const level2 = register.episodes.find((e) => e.level === 2 && e.removed === null);

describe("«Документы»: planDocument", () => {
  test("the eight kinds are offered by their Russian names", () => {
    assert.deepEqual(
      DOCUMENT_OPTIONS.map((o) => o.label),
      [
        "Сигнальная карта",
        "Представление ВШУ (ребёнок)",
        "Представление ВШУ (семья)",
        "Представление КДН (ребёнок)",
        "Представление КДН (семья)",
        "План сопровождения",
        "Проект приказа",
        "Почему на учёте",
      ]
    );
  });

  test("a level-1 case's school form: built with no warning", () => {
    assert.ok(level1);
    const plan = planDocument(register, {
      kind: "vshu-child",
      caseCode: level1.code,
      quarter: null,
      today: ON,
    });
    assert.ok(plan.ok);
    assert.deepEqual(plan.warnings, []);
    assert.equal(plan.model.caseCode, level1.code);
  });

  test("a municipal form for a level-1 case without С-indicators: a warning to confirm", () => {
    assert.ok(level1);
    for (const kind of ["kdn-child", "kdn-family"] as const) {
      const plan = planDocument(register, {
        kind,
        caseCode: level1.code,
        quarter: null,
        today: ON,
      });
      assert.ok(plan.ok);
      assert.equal(plan.warnings.length, 1, kind);
      assert.match(plan.warnings[0] ?? "", /социально опасном положении.*решён уровень 1/);
      assert.match(plan.warnings[0] ?? "", /^[А-ЯЁ].*\.$/, "a sentence");
    }
    assert.ok(level2);
    const ok = planDocument(register, {
      kind: "kdn-child",
      caseCode: level2.code,
      quarter: null,
      today: ON,
    });
    assert.ok(ok.ok);
    assert.deepEqual(ok.warnings, []);
  });

  test("a plan for a quarter the case was not on the register: a warning; its own quarter: none", () => {
    assert.ok(level1);
    const q = defaultQuarter(register, ON);
    assert.equal(q, "II");
    const now = planDocument(register, {
      kind: "plan",
      caseCode: level1.code,
      quarter: null,
      today: ON,
    });
    assert.ok(now.ok);
    assert.deepEqual(now.warnings, []);
    const removed = register.episodes.find((e) => e.removed !== null && e.removed < "2027-01-01");
    assert.ok(removed, "the demo register has a case removed this year");
    const later = planDocument(register, {
      kind: "plan",
      caseCode: removed.code,
      quarter: "IV",
      today: ON,
    });
    assert.ok(later.ok);
    assert.equal(later.warnings.length, 1);
    assert.match(later.warnings[0] ?? "", /не состоял на учёте в IV четверти: он снят с учёта/);
  });

  test("an unknown code or no case: the reason, without command-line options", () => {
    const unknown = planDocument(register, {
      kind: "why",
      caseCode: "В-9999",
      quarter: null,
      today: ON,
    });
    assert.ok(!unknown.ok);
    assert.match(unknown.message, /^На листе «Учёт» нет случая с кодом «В-9999»; похожие коды/);
    const none = planDocument(register, { kind: "why", caseCode: " ", quarter: null, today: ON });
    assert.deepEqual(none, { ok: false, message: "Выберите случай." });
  });

  test("the core's option names become the pane's fields", () => {
    assert.equal(
      paneWording(
        "дата 01.08.2026 не попадает ни в одну четверть: укажите четверть ключом --quarter I…IV"
      ),
      "дата 01.08.2026 не попадает ни в одну четверть: укажите четверть в поле «Четверть»"
    );
    assert.equal(
      paneWording("взята первая по дате, строка 4. Другую выберите ключом --row."),
      "взята первая по дате, строка 4."
    );
    assert.doesNotMatch(
      paneWording("карты без кода — в строках 5, 6: выберите нужную ключом --row"),
      /--/
    );
  });

  test("the message after writing names the document, the case, the sheet and how to print", () => {
    assert.ok(level1);
    const plan = planDocument(register, {
      kind: "why",
      caseCode: level1.code,
      quarter: null,
      today: ON,
    });
    assert.ok(plan.ok);
    const text = writtenMessage(plan.model, "Почему на учёте Х", [], ["Нет A4."]);
    assert.match(
      text,
      /^«Почему на учёте» \(В-\d+, .+\) — на листе «Почему на учёте Х»\. .*Файл → Печать\. Нет A4\.$/
    );
  });
});
