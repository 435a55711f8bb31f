/**
 * The school's own deadlines (`"case": null`): the monthly report to the ministry by «День
 * отчёта» (001 order item 3) and the quarterly electronic register by the 10th of the month
 * after a calendar quarter (000 II.3–4), moved off federal and regional non-working days.
 * Expected dates are worked out by hand from the production calendar.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import {
  computeDeadlineList,
  computeSchoolDeadlines,
  toDeadlinesJson,
  type SchoolDeadlineRow,
  type SentReport,
} from "../../src/core/deadlines";
import type { Settings } from "../../src/core/register/model";
import { aRegister, aSettings, anEpisode } from "../support/builders";

const calendar = createProductionCalendar();
const SHAGAA_2027 =
  "дата праздника «Шагаа» на 2027 год программе неизвестна (Республика Тыва): добавьте этот день на листе «Календарь» (вид дня «нерабочий»), и срок, пришедшийся на него, перенесётся";

const monthly = (
  on: string,
  settings: Partial<Settings> = {},
  sentReports?: (string | SentReport)[]
): SchoolDeadlineRow[] =>
  computeSchoolDeadlines(
    aSettings(settings),
    on,
    calendar,
    sentReports === undefined ? {} : { sentReports }
  ).filter((r) => r.step === "monthlyReport");

const short = (r: SchoolDeadlineRow): string =>
  [r.period, r.due, r.status, r.done ?? "-"].join(" ");

describe("monthly report to the ministry («День отчёта», default 5)", () => {
  const table: [
    string,
    string,
    Partial<Settings>,
    (string | SentReport)[] | undefined,
    string[],
  ][] = [
    // [what, on, settings, sent, rows as «period due status done»]
    [
      "nothing known of sending: only the report due next (05.12 is a Saturday)",
      "2026-11-23",
      {},
      undefined,
      ["2026-11 2026-12-07 предстоит -"],
    ],
    [
      "October sent: done, November next",
      "2026-11-23",
      {},
      ["2026-10"],
      ["2026-10 2026-11-05 выполнено -", "2026-11 2026-12-07 предстоит -"],
    ],
    [
      "nothing sent: October overdue stays until November falls due",
      "2026-11-23",
      {},
      [],
      ["2026-10 2026-11-05 просрочено -", "2026-11 2026-12-07 предстоит -"],
    ],
    [
      "on the due day: «сегодня»",
      "2026-11-05",
      {},
      ["2026-09"],
      ["2026-09 2026-10-05 выполнено -", "2026-10 2026-11-05 сегодня -"],
    ],
    [
      "sent early, with the day it was sent",
      "2026-12-07",
      {},
      [{ period: "2026-11", date: "2026-12-03" }, "2026-10"],
      ["2026-10 2026-11-05 выполнено -", "2026-11 2026-12-07 выполнено 2026-12-03"],
    ],
    [
      "the day after: December's report, due after the New-Year holidays",
      "2026-12-08",
      {},
      [" 2026-11 "],
      ["2026-11 2026-12-07 выполнено -", "2026-12 2027-01-11 предстоит -"],
    ],
    [
      "day 28 in February 2026 (a Saturday) moves into March",
      "2026-03-01",
      { reportDay: 28 },
      [],
      ["2025-12 2026-01-28 просрочено -", "2026-01 2026-03-02 предстоит -"],
    ],
    [
      "a report day past the month's end is its last day",
      "2026-02-03",
      { reportDay: 31 },
      undefined,
      ["2026-01 2026-03-02 предстоит -"],
    ],
    [
      "Tyva: 15.08.2026 is a Saturday → Monday 17.08",
      "2026-08-01",
      { reportDay: 15 },
      undefined,
      ["2026-07 2026-08-17 предстоит -"],
    ],
    [
      "Tyva: Шагаа 18.02.2026 (Wednesday) → 19.02",
      "2026-02-01",
      { reportDay: 18 },
      undefined,
      ["2026-01 2026-02-19 предстоит -"],
    ],
    [
      "federal calendar only: 18.02.2026 stays",
      "2026-02-01",
      { reportDay: 18, region: "Российская Федерация" },
      undefined,
      ["2026-01 2026-02-18 предстоит -"],
    ],
    [
      "Tyva: 15.08.2025 (Friday) → Monday 18.08",
      "2025-08-01",
      { reportDay: 15 },
      undefined,
      ["2025-07 2025-08-18 предстоит -"],
    ],
  ];
  for (const [what, on, settings, sent, rows] of table) {
    test(what, () => {
      assert.deepEqual(monthly(on, settings, sent).map(short), rows);
    });
  }

  test("title, reason, person, and the contract's JSON with case null", () => {
    const [row] = monthly("2026-11-23", { deputy: "Ондар Б. Б." });
    assert.ok(row);
    assert.equal(row.stepName, "отчёт в министерство за ноябрь 2026 г.");
    assert.equal(row.reason, "срок перенесён с 05.12.2026 (сб) на 07.12.2026 (пн)");
    assert.equal(row.responsible, "Ондар Б. Б.");
    assert.deepEqual(toDeadlinesJson([row]), [
      {
        case: null,
        step: "monthlyReport",
        due: "2026-12-07",
        done: null,
        status: "предстоит",
        child: null,
        class: null,
        curator: null,
        responsible: "Ондар Б. Б.",
        period: "2026-11",
        lastDone: null,
        note: "срок перенесён с 05.12.2026 (сб) на 07.12.2026 (пн)",
      },
    ]);
  });

  test("responsible: the deputy, else the director, else the role", () => {
    assert.equal(monthly("2026-11-23", { director: "Иргит А. А." })[0]?.responsible, "Иргит А. А.");
    assert.equal(monthly("2026-11-23")[0]?.responsible, "заместитель директора по ВР");
  });

  test("15.08.2026 on a Saturday: the unconfirmed transfer is named, not assumed", () => {
    const [row] = monthly("2026-08-01", { reportDay: 15 });
    assert.equal(
      row?.reason,
      "срок перенесён с 15.08.2026 (сб) на 17.08.2026 (пн); 15.08.2026 (сб) — День Республики Тыва, " +
        "пришёлся на выходной; перенос выходного на 17.08.2026 (пн) источником не подтверждён: " +
        "если этот день объявлен нерабочим, добавьте его на листе «Календарь»"
    );
  });

  test("a year whose Шагаа is unknown: the note on deadlines it could move", () => {
    assert.equal(monthly("2027-02-01", { reportDay: 10 })[0]?.reason, SHAGAA_2027);
    assert.equal(
      monthly("2027-04-01", { reportDay: 10 })[0]?.reason,
      "срок перенесён с 10.04.2027 (сб) на 12.04.2027 (пн)",
      "April: Шагаа is past, no note"
    );
    assert.equal(monthly("2026-02-01", { reportDay: 10 })[0]?.reason, null, "2026 is known");
  });
});

describe("quarterly electronic register (the 10th after a calendar quarter)", () => {
  const table: [string, string, string, string, string, string | null][] = [
    // [what, on, period, due, status, reason]
    [
      "IV quarter: 10.01.2027 is a Sunday of the holidays",
      "2026-11-23",
      "2026-Q4",
      "2027-01-11",
      "предстоит",
      "срок перенесён с 10.01.2027 (вс) на 11.01.2027 (пн)",
    ],
    [
      "III quarter: 10.10.2026 (Saturday) → 12.10, today",
      "2026-10-12",
      "2026-Q3",
      "2026-10-12",
      "сегодня",
      "срок перенесён с 10.10.2026 (сб) на 12.10.2026 (пн)",
    ],
    [
      "the day after: the next quarter",
      "2026-10-13",
      "2026-Q4",
      "2027-01-11",
      "предстоит",
      "срок перенесён с 10.01.2027 (вс) на 11.01.2027 (пн)",
    ],
    ["II quarter on its day", "2026-07-10", "2026-Q2", "2026-07-10", "сегодня", null],
    ["I quarter passed: II next", "2026-04-11", "2026-Q2", "2026-07-10", "предстоит", null],
    [
      "in January before the 10th",
      "2026-01-05",
      "2025-Q4",
      "2026-01-12",
      "предстоит",
      "срок перенесён с 10.01.2026 (сб) на 12.01.2026 (пн)",
    ],
  ];
  for (const [what, on, period, due, status, reason] of table) {
    test(what, () => {
      const rows = computeSchoolDeadlines(aSettings(), on, calendar).filter(
        (r) => r.step === "quarterRegister"
      );
      assert.equal(rows.length, 1);
      assert.deepEqual(
        rows.map((r) => [r.period, r.due, r.status, r.reason, r.done]),
        [[period, due, status, reason, null]]
      );
    });
  }

  test("title and person: «Исполнитель ФИО», else the social pedagogue", () => {
    const [row] = computeSchoolDeadlines(
      aSettings({ executor: { name: "Сат А. Б.", phone: "" } }),
      "2026-11-23",
      calendar
    ).filter((r) => r.step === "quarterRegister");
    assert.equal(row?.stepName, "электронный регистр и мониторинг за IV квартал 2026 г.");
    assert.equal(row?.responsible, "Сат А. Б.");
    const [plain] = computeSchoolDeadlines(aSettings(), "2026-11-23", calendar).filter(
      (r) => r.step === "quarterRegister"
    );
    assert.equal(plain?.responsible, "социальный педагог");
  });
});

describe("the whole list", () => {
  test("cases first, then the school's own; the school's rows even with no open case", () => {
    const e = anEpisode({ code: "В-1", identified: "2026-11-02", level: null, registered: null });
    const list = computeDeadlineList(aRegister({ episodes: [e] }), "2026-11-23", calendar, {
      sentReports: ["2026-10"],
    });
    assert.deepEqual(
      list.map((r) => `${r.case ?? "школа"} ${r.step}`),
      [
        "В-1 inform",
        "В-1 order",
        "школа monthlyReport",
        "школа monthlyReport",
        "школа quarterRegister",
      ]
    );
    assert.deepEqual(
      computeDeadlineList(aRegister(), "2026-11-23", calendar).map((r) => r.step),
      ["monthlyReport", "quarterRegister"]
    );
  });

  test("invalid `on` throws RangeError", () => {
    assert.throws(() => computeSchoolDeadlines(aSettings(), "23.11.2026", calendar), RangeError);
  });
});
