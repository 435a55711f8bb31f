/**
 * The pane's entries that need a decision: removal by the Совет профилактики's protocol or the
 * КДН и ЗП's постановление, the transfer 1 → 2 by the постановление, and what the pane says
 * when a write upgraded the register first.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseRegister } from "../../src/core/register/parseRegister";
import { checkRemoval, checkTransfer, removalWords } from "../../src/taskpane/logic/removalForm";
import { describeUpgrade, upgradeNote } from "../../src/taskpane/logic/upgradeText";
import { FIXTURE_TODAY, fixtureWorkbook } from "../e2e/fixtureWorkbook";

const TODAY = FIXTURE_TODAY;
const { register } = parseRegister(fixtureWorkbook().raw());

describe("removal by the body that decides, and the transfer 1 → 2", () => {
  const episode = (code: string) => register.episodes.find((e) => e.code === code);
  const base = { ground: "положительная динамика", detail: "", number: "5", date: "20.11.2026" };
  test("who decides: the council's protocol (level 1, not registered), the commission's постановление (level 2)", () => {
    const cases: [string, RegExp, string, RegExp][] = [
      ["В-1", /Совет профилактики/, "Протокол Совета профилактики №", /^Укажите номер протокола/],
      ["В-3", /не поставлен на учёт/, "Протокол Совета профилактики №", /протокола Совета/],
      [
        "В-4",
        /школа сама снять ребёнка не может/,
        "Постановление КДН и ЗП №",
        /постановления КДН и ЗП/,
      ],
    ];
    for (const [code, explain, label, missing] of cases) {
      const words = removalWords(episode(code));
      assert.match(words.explain, explain, code);
      assert.equal(words.numberLabel, label, code);
      const r = checkRemoval({ ...base, code, number: " " }, episode(code), TODAY);
      assert.ok(!r.ok && missing.test(r.errors.number ?? ""), code);
    }
  });
  test("a removal needs a ground, the decision's number and a date within the case", () => {
    const bad: [Partial<typeof base>, string, RegExp][] = [
      [{ ground: "другое" }, "detail", /основание/],
      [{ date: "24.11.2026" }, "date", /позже сегодняшней/],
      [{ date: "01.10.2026" }, "date", /раньше постановки на учёт \(16\.11\.2026\)/],
      [{ date: "31.11.2026" }, "date", /Такой даты нет/],
    ];
    for (const [patch, field, message] of bad) {
      const r = checkRemoval({ ...base, code: "В-2", ...patch }, episode("В-2"), TODAY);
      assert.ok(!r.ok, JSON.stringify(patch));
      assert.match(
        (r.errors as Record<string, string>)[field] ?? "",
        message,
        JSON.stringify(patch)
      );
    }
    const ok = checkRemoval(
      { ...base, code: "В-2", detail: "посещает школу без пропусков" },
      episode("В-2"),
      TODAY
    );
    assert.deepEqual(ok, {
      ok: true,
      draft: {
        ground: "положительная динамика: посещает школу без пропусков",
        decisionNumber: "5",
        decisionDate: "2026-11-20",
      },
    });
  });
  test("a transfer asks for the постановление КДН и ЗП, not a protocol", () => {
    const missing = checkTransfer(
      { code: "В-1", number: "", date: "20.11.2026" },
      episode("В-1"),
      TODAY
    );
    assert.ok(!missing.ok && missing.errors.number === "Укажите номер постановления КДН и ЗП");
    const early = checkTransfer(
      { code: "В-1", number: "12", date: "01.10.2026" },
      episode("В-1"),
      TODAY
    );
    assert.ok(!early.ok && /раньше постановки на уровень 1/.test(early.errors.date ?? ""));
    assert.deepEqual(
      checkTransfer({ code: "В-1", number: " 12 ", date: "20.11.2026" }, episode("В-1"), TODAY),
      { ok: true, decision: { number: "12", date: "2026-11-20" } }
    );
  });
  test("the pane says what an upgrade added before a write's own message", () => {
    const upgraded = {
      fromVersion: 1,
      columns: [{ sheet: "Учёт", column: "Протокол снятия" }],
      settings: ["Версия книги", "Регион"],
      dates: ["I четверть с"],
      sheets: ["Регламент", "Журнал"],
      skipped: [],
    };
    assert.equal(
      describeUpgrade(upgraded),
      "Книга обновлена до версии 2: листы «Регламент», «Журнал»; столбец «Протокол снятия» («Учёт»); в «Настройках» «Версия книги», «Регион»; даты четвертей записаны как даты (1). Ваши столбцы и данные не тронуты."
    );
    assert.equal(upgradeNote({ upgraded: null }), "");
    assert.match(upgradeNote({ upgraded }), /^Книга обновлена до версии 2: .* $/);
  });
});
