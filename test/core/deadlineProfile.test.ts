/**
 * Deadlines read the regulation profile («Регламент», workbook.md version 2): each step's
 * period per level, «От чего», empty = not tracked for that level; the level of a child not
 * yet registered; the person each row names. The profile is read from sheet rows through
 * `parseRegulation`, as the adapters do.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import { computeDeadlines, type DeadlineRow } from "../../src/core/deadlines";
import type { Action, Episode, RawTable, Regulation } from "../../src/core/register/model";
import { parseRegulation } from "../../src/core/register/regulation";
import { REGULATION_COLUMNS, STEPS, type StepKey } from "../../src/core/register/schema";
import { BoundTable } from "../../src/core/register/table";
import { aRegister, anEpisode } from "../support/builders";

const calendar = createProductionCalendar();

/** «Регламент» from its rows (Шаг, От чего, Уровень 1, Уровень 2, Ответственный). */
function regulationOf(rows: readonly (readonly string[])[]): Regulation {
  const table: RawTable = {
    headers: [...REGULATION_COLUMNS],
    rows: rows.map((cells, i) => ({ row: i + 2, cells: [...cells] })),
  };
  const issues: { message: string }[] = [];
  const regulation = parseRegulation(new BoundTable("Регламент", table, issues as never[]));
  assert.deepEqual(issues, [], "the rows of the test are a valid «Регламент»");
  return regulation;
}

function aStepRow(step: StepKey, rows: Partial<Record<StepKey, readonly string[]>>): string[] {
  const title = STEPS.find((s) => s.key === step)?.title ?? step;
  return [title, ...(rows[step] ?? [])];
}

const rowOf = (rows: DeadlineRow[], step: StepKey, code: string): DeadlineRow | undefined =>
  rows.find((r) => r.step === step && r.case === code);

/** Identified Monday 02.11.2026, registered Monday 09.11.2026; checked on 10.11.2026. */
const IDENTIFIED = "2026-11-02";
const REGISTERED = "2026-11-09";
const ON = "2026-11-10";

describe("the profile: each step × level × empty", () => {
  // [step, «От чего», period, due] — due counted from IDENTIFIED or REGISTERED by hand.
  const table: [StepKey, string, string, string][] = [
    ["inform", "выявление", "0 дн.", "2026-11-02"],
    ["inform", "выявление", "3 дн.", "2026-11-05"],
    ["order", "выявление", "14 дн.", "2026-11-16"],
    ["order", "выявление", "10 дн.", "2026-11-12"],
    ["order", "постановка", "3 дн.", "2026-11-12"],
    ["meeting", "постановка", "7 дн.", "2026-11-16"],
    ["meeting", "постановка", "5 дн.", "2026-11-16"], // 14.11 is a Saturday
    ["meeting", "выявление", "7 дн.", "2026-11-09"],
    ["visit", "постановка", "2 дн.", "2026-11-11"],
    ["inspection", "постановка", "10 дн.", "2026-11-19"],
    ["characteristic", "постановка", "2 нед.", "2026-11-23"],
    ["observation", "постановка", "14 дн.", "2026-11-23"],
    ["observation", "постановка", "1 нед.", "2026-11-16"],
    ["successReview", "постановка", "1 мес.", "2026-12-09"],
    ["successReview", "постановка", "четверть", "2026-12-28"],
    ["planReview", "постановка", "четверть", "2026-12-28"],
  ];
  for (const [step, from, period, due] of table) {
    for (const level of [1, 2] as const) {
      test(`${step} «${from}» ${period} for level ${level}; empty for the other level`, () => {
        const cells = level === 1 ? [from, period, "", ""] : [from, "", period, ""];
        const regulation = regulationOf([aStepRow(step, { [step]: cells })]);
        const episodes = ([1, 2] as const).map((l) =>
          anEpisode({
            code: `В-${l}`,
            identified: IDENTIFIED,
            level: l,
            registered: REGISTERED,
            indicators: l === 2 ? ["С14"] : ["Р2"],
          })
        );
        const rows = computeDeadlines(aRegister({ episodes, regulation }), ON, calendar);
        assert.equal(rowOf(rows, step, `В-${level}`)?.due, due);
        assert.equal(rowOf(rows, step, `В-${3 - level}`), undefined, "not tracked: no row");
        // Every other step keeps the seed's default, for both levels.
        for (const other of STEPS.filter((s) => s.key !== step)) {
          for (const code of ["В-1", "В-2"]) {
            assert.ok(rowOf(rows, other.key, code), `${other.key} of ${code}`);
          }
        }
      });
    }
  }

  test("an empty row on both levels: the step is not tracked at all", () => {
    const regulation = regulationOf([["приказ", "выявление", "", "", ""]]);
    const e = anEpisode({ code: "В-1", identified: IDENTIFIED, registered: REGISTERED });
    const rows = computeDeadlines(aRegister({ episodes: [e], regulation }), ON, calendar);
    assert.equal(rowOf(rows, "order", "В-1"), undefined);
    assert.equal(rows.length, STEPS.length - 1);
  });

  test("a step counted from registration waits for it; from identification it does not", () => {
    const regulation = regulationOf([
      ["заседание", "выявление", "7 дн.", "7 дн.", ""],
      ["приказ", "постановка", "3 дн.", "3 дн.", ""],
    ]);
    const e = anEpisode({ code: "В-1", identified: IDENTIFIED, level: null, registered: null });
    const rows = computeDeadlines(aRegister({ episodes: [e], regulation }), ON, calendar);
    assert.deepEqual(
      rows.map((r) => `${r.step} ${r.due}`),
      ["inform 2026-11-02", "meeting 2026-11-09"]
    );
  });

  test("recurring steps keep recurring after a completion, with the profile's period", () => {
    const regulation = regulationOf([["наблюдение", "постановка", "1 нед.", "", ""]]);
    const e = anEpisode({ code: "В-1", identified: IDENTIFIED, registered: REGISTERED });
    const done: Action = {
      row: 2,
      caseCode: "В-1",
      step: "observation",
      section: null,
      direction: "",
      title: "",
      due: null,
      responsible: "",
      done: "2026-11-17",
      note: "",
      block: null,
    };
    const rows = computeDeadlines(
      aRegister({ episodes: [e], actions: [done], regulation }),
      "2026-11-18",
      calendar
    );
    const row = rowOf(rows, "observation", "В-1");
    assert.equal(row?.due, "2026-11-24");
    assert.equal(row?.status, "предстоит");
    assert.equal(row?.lastDone, "2026-11-17");
  });
});

describe("a child identified, not registered yet: the level its indicators suggest", () => {
  const regulation = regulationOf([
    ["информирование", "выявление", "0 дн.", "1 дн.", ""],
    ["приказ", "выявление", "14 дн.", "", ""],
  ]);
  const table: [string, Partial<Episode>, [StepKey, string][]][] = [
    [
      "Р-codes: level 1",
      { indicators: ["Р2", "Р5"] },
      [
        ["inform", "2026-11-02"],
        ["order", "2026-11-16"],
      ],
    ],
    ["a С-code: level 2 (no order)", { indicators: ["Р2", "С14"] }, [["inform", "2026-11-03"]]],
    [
      "no code: level 1",
      { indicators: [] },
      [
        ["inform", "2026-11-02"],
        ["order", "2026-11-16"],
      ],
    ],
    [
      "the decided level wins over the codes",
      { indicators: ["С14"], level: 1, registered: "2026-11-20" },
      [
        ["inform", "2026-11-02"],
        ["order", "2026-11-16"],
      ],
    ],
  ];
  for (const [what, fields, expected] of table) {
    test(what, () => {
      const e = anEpisode({
        code: "В-1",
        identified: IDENTIFIED,
        level: null,
        registered: null,
        ...fields,
      });
      const rows = computeDeadlines(aRegister({ episodes: [e], regulation }), ON, calendar);
      assert.deepEqual(
        rows.map((r) => [r.step, r.due]),
        expected
      );
    });
  }
});

describe("informing the subjects of prevention (000 I.4): the day of identification", () => {
  const table: [string, string, string, string | null][] = [
    ["a working day: the same day", "2026-11-02", "2026-11-02", null],
    [
      "a Saturday: moved to Monday (ГК РФ ст. 193)",
      "2026-11-21",
      "2026-11-23",
      "срок перенесён с 21.11.2026 (сб) на 23.11.2026 (пн)",
    ],
    [
      "4 November: moved to the 5th",
      "2026-11-04",
      "2026-11-05",
      "срок перенесён с 04.11.2026 (ср) на 05.11.2026 (чт)",
    ],
    [
      "Шагаа in Tyva: moved to the next day",
      "2026-02-18",
      "2026-02-19",
      "срок перенесён с 18.02.2026 (ср) на 19.02.2026 (чт): 18.02.2026 — Шагаа, нерабочий день в Республике Тыва",
    ],
  ];
  for (const [what, identified, due, reason] of table) {
    test(what, () => {
      const e = anEpisode({ code: "В-1", identified, level: null, registered: null });
      const rows = computeDeadlines(aRegister({ episodes: [e] }), "2026-11-30", calendar);
      const row = rowOf(rows, "inform", "В-1");
      assert.equal(row?.due, due);
      assert.equal(row?.reason, reason);
      assert.equal(row?.stepName, "информирование субъектов профилактики");
    });
  }

  test("done when «Мероприятия» has «информирование» with a date", () => {
    const e = anEpisode({ code: "В-1", identified: IDENTIFIED, level: null, registered: null });
    const done: Action = {
      row: 2,
      caseCode: "В-1",
      step: "inform",
      section: null,
      direction: "",
      title: "",
      due: null,
      responsible: "Сагаан-оол Ч. К.",
      done: IDENTIFIED,
      note: "",
      block: null,
    };
    const row = rowOf(
      computeDeadlines(aRegister({ episodes: [e], actions: [done] }), ON, calendar),
      "inform",
      "В-1"
    );
    assert.equal(row?.status, "выполнено");
    assert.equal(row?.done, IDENTIFIED);
    assert.equal(row?.responsible, "Сагаан-оол Ч. К.");
  });
});

describe("each row names the child, the class, the curator and the responsible", () => {
  const regulation = regulationOf([
    ["приказ", "выявление", "14 дн.", "14 дн.", "директор"],
    ["заседание", "постановка", "7 дн.", "7 дн.", ""],
  ]);
  const action = (step: StepKey, responsible: string, row: number): Action => ({
    row,
    caseCode: "В-1",
    step,
    section: null,
    direction: "",
    title: "",
    due: null,
    responsible,
    done: null,
    note: "",
    block: null,
  });
  const register = (curator: string) =>
    aRegister({
      episodes: [
        anEpisode({
          code: "В-1",
          lastName: "Монгуш",
          firstName: "Айдыс",
          patronymic: "Оолакович",
          className: "7Б",
          curator,
          identified: IDENTIFIED,
          registered: REGISTERED,
        }),
      ],
      actions: [
        action("visit", "Ооржак А. А.", 2),
        action("visit", "", 3),
        action("visit", "Куулар Б. Б.", 4),
      ],
      regulation,
    });

  const table: [string, string, StepKey, string][] = [
    // [what, curator, step, responsible]
    ["«Регламент»'s responsible", "", "order", "директор"],
    ["«Регламент» empty, the sheet's row kept its own: none", "", "meeting", ""],
    [
      "the seed's default where the sheet leaves the step out",
      "",
      "inspection",
      "социальный педагог",
    ],
    ["the last «Мероприятия» row that names one wins", "", "visit", "Куулар Б. Б."],
    ["with a curator the responsible is still the step's", "Сат Ч. Ч.", "order", "директор"],
  ];
  for (const [what, curator, step, responsible] of table) {
    test(what, () => {
      const row = rowOf(computeDeadlines(register(curator), ON, calendar), step, "В-1");
      assert.deepEqual(
        row && {
          child: row.child,
          className: row.className,
          curator: row.curator,
          responsible: row.responsible,
        },
        { child: "Монгуш Айдыс Оолакович", className: "7Б", curator, responsible }
      );
    });
  }
});
