import { describe, test } from "node:test";
import { DEFAULT_REGULATION } from "../../src/core/register/regulation";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import {
  computeDeadlines,
  computeDueDate,
  groupDeadlines,
  naturalCompare,
  nextQuarterEnd,
  settleDueDate,
  statusOfDue,
  STEP_DEFINITIONS,
  toDeadlinesJson,
  type DeadlineRow,
  type Period,
} from "../../src/core/deadlines";
import type {
  Action,
  CalendarOverride,
  Episode,
  Register,
  Settings,
} from "../../src/core/register/model";
import { STEPS, type StepKey } from "../../src/core/register/schema";

const calendar = createProductionCalendar();
const WARN_2028 =
  "календарь на 2028 год не загружен: учтены только выходные и праздники ст. 112 ТК РФ";
const SHAGAA_2027 =
  "дата праздника «Шагаа» на 2027 год программе неизвестна (Республика Тыва): добавьте этот день на листе «Календарь» (вид дня «нерабочий»), и срок, пришедшийся на него, перенесётся";
const off = (date: string): CalendarOverride => ({ date, working: false, note: "" });
const on = (date: string): CalendarOverride => ({ date, working: true, note: "" });

// ---- builders (only what matters shows in each test) --------------------------------------

const QUARTERS_2026: Settings["quarters"] = {
  I: { from: "2026-09-01", to: "2026-10-23" },
  II: { from: "2026-11-05", to: "2026-12-29" },
  III: { from: "2027-01-12", to: "2027-03-19" },
  IV: { from: "2027-03-29", to: "2027-05-26" },
};

function someSettings(quarters: Settings["quarters"] = QUARTERS_2026): Settings {
  return {
    school: "МБОУ СОШ № 1",
    district: "",
    schoolYear: "2026/2027",
    quarters,
    ministryAddress: "",
    reportDay: 5,
    coordinator: { name: "", position: "", phone: "" },
    parentCommunity: {},
    version: 1,
    region: "Республика Тыва",
    director: "",
    deputy: "",
    executor: { name: "", phone: "" },
    raw: {},
  };
}

function anEpisode(fields: Partial<Episode> & { code: string }): Episode {
  return {
    row: 2,
    lastName: "Иванов",
    firstName: "Иван",
    patronymic: "",
    birthDate: null,
    className: "5А",
    familyCode: "",
    identified: null,
    source: "",
    indicators: [],
    level: null,
    registered: null,
    protocol: "",
    removed: null,
    removalReason: "",
    curator: "",
    note: "",
    removalProtocol: "",
    childKey: fields.code,
    familyKey: fields.code,
    ...fields,
  };
}

function aCompletion(caseCode: string, step: StepKey | null, done: string | null): Action {
  return {
    row: 2,
    caseCode,
    step,
    section: null,
    direction: "",
    title: "",
    due: null,
    responsible: "",
    done,
    note: "",
    block: null,
  };
}

function aRegister(
  episodes: Episode[],
  actions: Action[] = [],
  quarters?: Settings["quarters"]
): Register {
  return {
    settings: someSettings(quarters),
    episodes,
    families: [],
    actions,
    assistance: [],
    activities: [],
    service: [],
    passport: [],
    signals: [],
    calendar: [],
    regulation: DEFAULT_REGULATION,
  };
}

/** Identified Friday 30.10.2026, registered Friday 06.11.2026 (level 1). */
const registeredEpisode = anEpisode({
  code: "В-2",
  identified: "2026-10-30",
  level: 1,
  registered: "2026-11-06",
});

const rowOf = (rows: DeadlineRow[], step: StepKey, code = "В-2"): DeadlineRow | undefined =>
  rows.find((r) => r.step === step && r.case === code);

// ---- computeDueDate: ГК РФ ст. 191–193 ----------------------------------------------------

describe("computeDueDate (ГК РФ ст. 191, 192, 193)", () => {
  const rows: {
    name: string;
    event: string;
    period: Period;
    due: string;
    nominal: string;
    reason: string | null;
    overrides?: CalendarOverride[];
  }[] = [
    {
      name: "plain working day",
      event: "2026-11-02",
      period: { days: 14 },
      due: "2026-11-16",
      nominal: "2026-11-16",
      reason: null,
    },
    {
      name: "zero days: the event's own day",
      event: "2026-11-23",
      period: { days: 0 },
      due: "2026-11-23",
      nominal: "2026-11-23",
      reason: null,
    },
    {
      name: "start on a Saturday, end on a Saturday",
      event: "2026-11-14",
      period: { days: 7 },
      due: "2026-11-23",
      nominal: "2026-11-21",
      reason: "срок перенесён с 21.11.2026 (сб) на 23.11.2026 (пн)",
    },
    {
      name: "start on a public holiday",
      event: "2026-11-04",
      period: { days: 14 },
      due: "2026-11-18",
      nominal: "2026-11-18",
      reason: null,
    },
    {
      name: "start on a transferred day off",
      event: "2026-01-09",
      period: { days: 7 },
      due: "2026-01-16",
      nominal: "2026-01-16",
      reason: null,
    },
    {
      name: "end on a public holiday",
      event: "2026-10-28",
      period: { days: 7 },
      due: "2026-11-05",
      nominal: "2026-11-04",
      reason: "срок перенесён с 04.11.2026 (ср) на 05.11.2026 (чт)",
    },
    {
      name: "New-Year holidays: 26.12.2025 + 14",
      event: "2025-12-26",
      period: { days: 14 },
      due: "2026-01-12",
      nominal: "2026-01-09",
      reason: "срок перенесён с 09.01.2026 (пт) на 12.01.2026 (пн)",
    },
    {
      name: "end on 31.12.2026 (transferred) → 11.01.2027",
      event: "2026-12-17",
      period: { days: 14 },
      due: "2027-01-11",
      nominal: "2026-12-31",
      reason: "срок перенесён с 31.12.2026 (чт) на 11.01.2027 (пн)",
    },
    {
      name: "transferred Monday then 4 November",
      event: "2025-10-27",
      period: { days: 7 },
      due: "2025-11-05",
      nominal: "2025-11-03",
      reason: "срок перенесён с 03.11.2025 (пн) на 05.11.2025 (ср)",
    },
    {
      name: "end on a working Saturday (2025)",
      event: "2025-10-25",
      period: { days: 7 },
      due: "2025-11-01",
      nominal: "2025-11-01",
      reason: null,
    },
    {
      name: "end on a working Saturday (2024)",
      event: "2024-12-14",
      period: { days: 14 },
      due: "2024-12-28",
      nominal: "2024-12-28",
      reason: null,
    },
    {
      name: "31 January + 1 month → 28 February (Saturday) → 2 March",
      event: "2026-01-31",
      period: { months: 1 },
      due: "2026-03-02",
      nominal: "2026-02-28",
      reason: "срок перенесён с 28.02.2026 (сб) на 02.03.2026 (пн)",
    },
    {
      name: "31 January + 1 month → 28 February (Friday)",
      event: "2025-01-31",
      period: { months: 1 },
      due: "2025-02-28",
      nominal: "2025-02-28",
      reason: null,
    },
    {
      name: "31 March + 1 month → 30 April",
      event: "2026-03-31",
      period: { months: 1 },
      due: "2026-04-30",
      nominal: "2026-04-30",
      reason: null,
    },
    {
      name: "29 January 2024 + 1 month → 29 February",
      event: "2024-01-29",
      period: { months: 1 },
      due: "2024-02-29",
      nominal: "2024-02-29",
      reason: null,
    },
    {
      name: "31 January 2024 + 1 month → 29 February",
      event: "2024-01-31",
      period: { months: 1 },
      due: "2024-02-29",
      nominal: "2024-02-29",
      reason: null,
    },
    {
      name: "29 February 2024 + 1 month → 29 March",
      event: "2024-02-29",
      period: { months: 1 },
      due: "2024-03-29",
      nominal: "2024-03-29",
      reason: null,
    },
    {
      name: "29 February 2024 + 12 months → 28 February 2025",
      event: "2024-02-29",
      period: { months: 12 },
      due: "2025-02-28",
      nominal: "2025-02-28",
      reason: null,
    },
    {
      name: "15 February 2024 + 14 days → 29 February",
      event: "2024-02-15",
      period: { days: 14 },
      due: "2024-02-29",
      nominal: "2024-02-29",
      reason: null,
    },
    {
      name: "6 November + 1 month → Sunday → Monday",
      event: "2026-11-06",
      period: { months: 1 },
      due: "2026-12-07",
      nominal: "2026-12-06",
      reason: "срок перенесён с 06.12.2026 (вс) на 07.12.2026 (пн)",
    },
    {
      name: "user day off moves the end",
      event: "2026-11-04",
      period: { days: 14 },
      due: "2026-11-19",
      nominal: "2026-11-18",
      reason: "срок перенесён с 18.11.2026 (ср) на 19.11.2026 (чт)",
      overrides: [off("2026-11-18")],
    },
    {
      name: "user working Saturday keeps the end",
      event: "2026-11-14",
      period: { days: 7 },
      due: "2026-11-21",
      nominal: "2026-11-21",
      reason: null,
      overrides: [on("2026-11-21")],
    },
    {
      name: "unknown year: ст. 112 holiday on a Saturday",
      event: "2028-11-01",
      period: { days: 3 },
      due: "2028-11-06",
      nominal: "2028-11-04",
      reason: `срок перенесён с 04.11.2028 (сб) на 06.11.2028 (пн); ${WARN_2028}`,
    },
    {
      name: "unknown year: not moved, still warned",
      event: "2028-03-01",
      period: { days: 1 },
      due: "2028-03-02",
      nominal: "2028-03-02",
      reason: WARN_2028,
    },
    {
      name: "from 2027 into the unknown 2028",
      event: "2027-12-24",
      period: { days: 7 },
      due: "2028-01-10",
      nominal: "2027-12-31",
      reason: `срок перенесён с 31.12.2027 (пт) на 10.01.2028 (пн); ${WARN_2028}`,
    },
    {
      name: "2028 added by the user: no warning",
      event: "2028-11-01",
      period: { days: 3 },
      due: "2028-11-07",
      nominal: "2028-11-04",
      reason: "срок перенесён с 04.11.2028 (сб) на 07.11.2028 (вт)",
      overrides: [off("2028-11-06")],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const c = row.overrides ? createProductionCalendar(row.overrides) : calendar;
      assert.deepEqual(computeDueDate(row.event, row.period, c), {
        due: row.due,
        nominal: row.nominal,
        reason: row.reason,
      });
    });
  }

  test("settleDueDate: a quarter end on 31.12.2026", () => {
    assert.deepEqual(settleDueDate("2026-12-31", calendar), {
      due: "2027-01-11",
      nominal: "2026-12-31",
      reason: "срок перенесён с 31.12.2026 (чт) на 11.01.2027 (пн)",
    });
  });

  test("invalid input throws RangeError", () => {
    assert.throws(() => computeDueDate("2026-02-30", { days: 7 }, calendar), RangeError);
    assert.throws(() => computeDueDate("06.11.2026", { days: 7 }, calendar), RangeError);
    assert.throws(() => computeDueDate("2026-11-06", { days: -1 }, calendar), RangeError);
    assert.throws(() => computeDueDate("2026-11-06", { months: 1.5 }, calendar), RangeError);
  });

  test("does not mutate its inputs", () => {
    const period = Object.freeze({ days: 7 });
    computeDueDate("2026-11-14", period, calendar);
    assert.deepEqual(period, { days: 7 });
  });
});

// ---- computeDeadlines ---------------------------------------------------------------------

describe("computeDeadlines: which rows appear", () => {
  test("identified, not registered: informing and the registration order (000 I.4, II.1)", () => {
    const rows = computeDeadlines(
      aRegister([anEpisode({ code: "В-1", identified: "2026-11-02" })]),
      "2026-11-23",
      calendar
    );
    const person = { child: "Иванов Иван", className: "5А", curator: "" };
    assert.deepEqual(rows, [
      {
        case: "В-1",
        step: "inform",
        due: "2026-11-02",
        done: null,
        status: "просрочено",
        reason: null,
        stepName: "информирование субъектов профилактики",
        lastDone: null,
        ...person,
        responsible: "социальный педагог",
      },
      {
        case: "В-1",
        step: "order",
        due: "2026-11-16",
        done: null,
        status: "просрочено",
        reason: null,
        stepName: "приказ о постановке на учёт",
        lastDone: null,
        ...person,
        responsible: "заместитель директора по ВР",
      },
    ]);
  });

  test("a registered episode: every step, in STEPS order, with due dates by hand", () => {
    const register = aRegister([registeredEpisode], [aCompletion("В-2", "visit", "2026-11-10")]);
    const rows = computeDeadlines(register, "2026-11-13", calendar);
    const row = (
      step: StepKey,
      stepName: string,
      due: string,
      status: DeadlineRow["status"],
      extra: Partial<DeadlineRow> = {}
    ): DeadlineRow => ({
      case: "В-2",
      step,
      due,
      done: null,
      status,
      reason: null,
      stepName,
      lastDone: null,
      child: "Иванов Иван",
      className: "5А",
      curator: "",
      responsible: DEFAULT_REGULATION.steps.find((s) => s.step === step)?.responsible ?? "?",
      ...extra,
    });
    assert.deepEqual(rows, [
      // identified Friday 30.10.2026: informing is due that same day
      row("inform", "информирование субъектов профилактики", "2026-10-30", "просрочено"),
      row("order", "приказ о постановке на учёт", "2026-11-13", "сегодня"),
      row(
        "meeting",
        "заседание коллегиального органа (разработка ИПС/ИПК)",
        "2026-11-13",
        "сегодня"
      ),
      row("visit", "выход в семью или приглашение в школу", "2026-11-13", "выполнено", {
        done: "2026-11-10",
        lastDone: "2026-11-10",
      }),
      row(
        "inspection",
        "обследование жилищно-бытовых условий (акт обследования)",
        "2026-11-13",
        "сегодня"
      ),
      row("characteristic", "характеристика несовершеннолетнего", "2026-11-13", "сегодня"),
      row("observation", "карта педагогического наблюдения", "2026-11-20", "предстоит"),
      row("successReview", "показатели успешности", "2026-12-07", "предстоит", {
        reason: "срок перенесён с 06.12.2026 (вс) на 07.12.2026 (пн)",
      }),
      row("planReview", "пересмотр ИПС", "2026-12-29", "предстоит"),
    ]);
  });

  const openRows: { name: string; episode: Partial<Episode>; on: string; steps: StepKey[] }[] = [
    {
      name: "identified on `on`: open",
      episode: { identified: "2026-11-23" },
      on: "2026-11-23",
      steps: ["inform", "order"],
    },
    {
      name: "identified after `on`: not open",
      episode: { identified: "2026-11-24" },
      on: "2026-11-23",
      steps: [],
    },
    {
      name: "no identification date: not open",
      episode: { identified: null, level: 1, registered: "2026-11-06" },
      on: "2026-11-23",
      steps: [],
    },
    {
      name: "removed on `on`: not open",
      episode: {
        identified: "2026-10-30",
        level: 1,
        registered: "2026-11-06",
        removed: "2026-11-23",
      },
      on: "2026-11-23",
      steps: [],
    },
    {
      name: "removed before `on`: not open",
      episode: {
        identified: "2026-10-30",
        level: 1,
        registered: "2026-11-06",
        removed: "2026-11-10",
      },
      on: "2026-11-23",
      steps: [],
    },
    {
      name: "removed the day after `on`: open",
      episode: {
        identified: "2026-10-30",
        level: 1,
        registered: "2026-11-06",
        removed: "2026-11-24",
      },
      on: "2026-11-23",
      steps: STEPS.map((s) => s.key),
    },
    {
      name: "registered after `on`: no registration steps",
      episode: { identified: "2026-10-30", level: 1, registered: "2026-11-24" },
      on: "2026-11-23",
      steps: ["inform", "order"],
    },
    {
      name: "registered on `on`: all steps",
      episode: { identified: "2026-10-30", level: 2, registered: "2026-11-23" },
      on: "2026-11-23",
      steps: STEPS.map((s) => s.key),
    },
    {
      name: "registration date without level: not registered",
      episode: { identified: "2026-10-30", level: null, registered: "2026-11-06" },
      on: "2026-11-23",
      steps: ["inform", "order"],
    },
    {
      name: "level without registration date: not registered",
      episode: { identified: "2026-10-30", level: 1, registered: null },
      on: "2026-11-23",
      steps: ["inform", "order"],
    },
  ];
  for (const row of openRows) {
    test(row.name, () => {
      const rows = computeDeadlines(
        aRegister([anEpisode({ code: "В-1", ...row.episode })]),
        row.on,
        calendar
      );
      assert.deepEqual(
        rows.map((r) => r.step),
        row.steps
      );
    });
  }

  test("rows ordered by case code in natural order, then by step", () => {
    const episodes = ["В-10", "в-2", "В-1", "А-3"].map((code) =>
      anEpisode({ code, identified: "2026-11-02" })
    );
    const rows = computeDeadlines(aRegister(episodes), "2026-11-23", calendar);
    assert.deepEqual(
      rows.map((r) => `${r.case} ${r.step}`),
      ["А-3", "В-1", "в-2", "В-10"].flatMap((c) => [`${c} inform`, `${c} order`])
    );
  });

  test("naturalCompare", () => {
    assert.deepEqual(["В-10", "В-2", "В-02a", "a-1", "В-1"].sort(naturalCompare), [
      "a-1",
      "В-1",
      "В-2",
      "В-02a",
      "В-10",
    ]);
    assert.equal(naturalCompare("В-2", "В-2"), 0);
  });
});

describe("computeDeadlines: completions", () => {
  const episode = registeredEpisode; // registered 06.11.2026
  const run = (actions: Action[], day: string, quarters?: Settings["quarters"]): DeadlineRow[] =>
    computeDeadlines(aRegister([episode], actions, quarters), day, calendar);

  const recurring: {
    name: string;
    step: StepKey;
    completions: string[];
    on: string;
    due: string;
    status: DeadlineRow["status"];
    reason?: string;
  }[] = [
    {
      name: "observation never done: registration + 14",
      step: "observation",
      completions: [],
      on: "2026-11-23",
      due: "2026-11-20",
      status: "просрочено",
    },
    {
      name: "observation: the latest completion + 14",
      step: "observation",
      completions: ["2026-11-19", "2026-11-12"],
      on: "2026-12-03",
      due: "2026-12-03",
      status: "сегодня",
    },
    {
      name: "observation: a completion after `on` still counts",
      step: "observation",
      completions: ["2026-11-25"],
      on: "2026-11-20",
      due: "2026-12-09",
      status: "предстоит",
    },
    {
      name: "observation due 31.12 moves to 11.01",
      step: "observation",
      completions: ["2026-12-17"],
      on: "2026-12-20",
      due: "2027-01-11",
      status: "предстоит",
      reason: "срок перенесён с 31.12.2026 (чт) на 11.01.2027 (пн)",
    },
    {
      name: "success review: 31.12 + 1 month → Sunday 31.01 → 01.02",
      step: "successReview",
      completions: ["2026-12-31"],
      on: "2027-01-15",
      due: "2027-02-01",
      status: "предстоит",
      reason: `срок перенесён с 31.01.2027 (вс) на 01.02.2027 (пн); ${SHAGAA_2027}`,
    },
    {
      name: "plan review: never done → end of II",
      step: "planReview",
      completions: [],
      on: "2026-12-30",
      due: "2026-12-29",
      status: "просрочено",
    },
    {
      name: "plan review done on the quarter end → the next quarter end",
      step: "planReview",
      completions: ["2026-12-29"],
      on: "2027-01-12",
      due: "2027-03-19",
      status: "предстоит",
    },
    {
      name: "plan review done in the winter holidays → end of III",
      step: "planReview",
      completions: ["2027-01-05"],
      on: "2027-01-12",
      due: "2027-03-19",
      status: "предстоит",
    },
  ];
  for (const row of recurring) {
    test(row.name, () => {
      const rows = run(
        row.completions.map((d) => aCompletion("В-2", row.step, d)),
        row.on
      );
      const lastDone = [...row.completions].sort().at(-1) ?? null;
      assert.deepEqual(rowOf(rows, row.step), {
        case: "В-2",
        step: row.step,
        due: row.due,
        done: null,
        status: row.status,
        reason: row.reason ?? null,
        stepName: STEP_DEFINITIONS.find((s) => s.key === row.step)?.name,
        lastDone,
        child: "Иванов Иван",
        className: "5А",
        curator: "",
        responsible: DEFAULT_REGULATION.steps.find((s) => s.step === row.step)?.responsible,
      });
    });
  }

  test("plan review: no quarter end ahead → no row", () => {
    const rows = run([aCompletion("В-2", "planReview", "2027-05-26")], "2027-05-27");
    assert.equal(rowOf(rows, "planReview"), undefined);
    assert.equal(rows.length, 8);
  });

  test("plan review: quarters not set → no row", () => {
    assert.equal(rowOf(run([], "2026-11-23", {}), "planReview"), undefined);
  });

  test("plan review: a quarter ending on 31.12.2026 is due 11.01.2027", () => {
    const quarters = { ...QUARTERS_2026, II: { from: "2026-11-05", to: "2026-12-31" } };
    const row = rowOf(run([], "2026-11-23", quarters), "planReview");
    assert.equal(row?.due, "2027-01-11");
    assert.equal(row?.reason, "срок перенесён с 31.12.2026 (чт) на 11.01.2027 (пн)");
  });

  test("nextQuarterEnd: strictly after, any quarter order, missing quarters", () => {
    assert.equal(nextQuarterEnd(QUARTERS_2026, "2026-10-22"), "2026-10-23");
    assert.equal(nextQuarterEnd(QUARTERS_2026, "2026-10-23"), "2026-12-29");
    assert.equal(nextQuarterEnd(QUARTERS_2026, "2026-10-30"), "2026-12-29");
    assert.equal(
      nextQuarterEnd({ IV: QUARTERS_2026.IV!, I: QUARTERS_2026.I! }, "2026-11-01"),
      "2027-05-26"
    );
    assert.equal(nextQuarterEnd(QUARTERS_2026, "2027-05-26"), null);
    assert.equal(nextQuarterEnd({}, "2026-11-01"), null);
  });

  test("one-time step: the latest of several completions; done after due is still «выполнено»", () => {
    const rows = run(
      [aCompletion("В-2", "order", "2026-11-20"), aCompletion("В-2", "order", "2026-11-25")],
      "2026-11-23"
    );
    assert.deepEqual(rowOf(rows, "order"), {
      case: "В-2",
      step: "order",
      due: "2026-11-13",
      done: "2026-11-25",
      status: "выполнено",
      reason: null,
      stepName: "приказ о постановке на учёт",
      lastDone: "2026-11-25",
      child: "Иванов Иван",
      className: "5А",
      curator: "",
      responsible: "заместитель директора по ВР",
    });
  });

  test("what does not count as done: no date, no step, another case", () => {
    const rows = run(
      [
        aCompletion("В-2", "meeting", null),
        aCompletion("В-2", null, "2026-11-10"),
        aCompletion("В-3", "meeting", "2026-11-10"),
      ],
      "2026-11-23"
    );
    assert.equal(rowOf(rows, "meeting")?.status, "просрочено");
    assert.equal(rowOf(rows, "meeting")?.done, null);
  });

  test("case codes match without regard to case, spacing and Latin look-alikes", () => {
    const rows = run([aCompletion(" b-2 ".toUpperCase(), "meeting", "2026-11-10")], "2026-11-23");
    assert.equal(rowOf(rows, "meeting")?.done, "2026-11-10");
  });

  test("status boundaries: due yesterday, today, tomorrow", () => {
    // meeting is due 13.11.2026 (Friday)
    assert.equal(rowOf(run([], "2026-11-14"), "meeting")?.status, "просрочено");
    assert.equal(rowOf(run([], "2026-11-13"), "meeting")?.status, "сегодня");
    assert.equal(rowOf(run([], "2026-11-12"), "meeting")?.status, "предстоит");
    assert.equal(statusOfDue("2026-11-12", "2026-11-13"), "просрочено");
    assert.equal(statusOfDue("2026-11-13", "2026-11-13"), "сегодня");
    assert.equal(statusOfDue("2026-11-14", "2026-11-13"), "предстоит");
  });

  test("a moved due date: the status follows the moved date", () => {
    // identified Saturday 07.11.2026 + 14 = Saturday 21.11 → Monday 23.11
    const e = anEpisode({ code: "В-5", identified: "2026-11-07" });
    const row = rowOf(computeDeadlines(aRegister([e]), "2026-11-22", calendar), "order", "В-5");
    assert.equal(row?.due, "2026-11-23");
    assert.equal(row?.status, "предстоит");
  });

  test("the user's calendar and an unknown year reach the rows", () => {
    const e = anEpisode({ code: "В-6", identified: "2027-12-24" }); // + 14 = 07.01.2028
    const row = rowOf(computeDeadlines(aRegister([e]), "2027-12-27", calendar), "order", "В-6");
    assert.equal(row?.due, "2028-01-10");
    assert.equal(row?.reason, `срок перенесён с 07.01.2028 (пт) на 10.01.2028 (пн); ${WARN_2028}`);
    const userCalendar = createProductionCalendar([off("2026-11-16")]);
    const moved = rowOf(
      computeDeadlines(
        aRegister([anEpisode({ code: "В-1", identified: "2026-11-02" })]),
        "2026-11-16",
        userCalendar
      ),
      "order",
      "В-1"
    );
    assert.equal(moved?.due, "2026-11-17");
    assert.equal(moved?.status, "предстоит");
  });

  test("invalid `on` throws RangeError", () => {
    assert.throws(() => computeDeadlines(aRegister([episode]), "23.11.2026", calendar), RangeError);
  });

  test("does not mutate the register", () => {
    const register = aRegister([episode], [aCompletion("В-2", "observation", "2026-11-19")]);
    const before = JSON.stringify(register);
    computeDeadlines(deepFreeze(register), "2026-11-23", calendar);
    assert.equal(JSON.stringify(register), before);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) {
      deepFreeze(v);
    }
    Object.freeze(value);
  }
  return value;
}

// ---- JSON, «Сроки» view, speed, layering --------------------------------------------------

describe("toDeadlinesJson and groupDeadlines", () => {
  test("JSON items: the contract's keys first, then the fields for people", () => {
    const rows = computeDeadlines(
      aRegister([registeredEpisode], [aCompletion("В-2", "visit", "2026-11-10")]),
      "2026-11-13",
      calendar
    );
    const json = toDeadlinesJson(rows);
    assert.equal(json.length, 9);
    for (const item of json) {
      assert.deepEqual(Object.keys(item), [
        "case",
        "step",
        "due",
        "done",
        "status",
        "child",
        "class",
        "curator",
        "responsible",
        "period",
        "lastDone",
        "note",
      ]);
    }
    assert.equal(
      JSON.stringify(json.slice(2, 4)),
      '[{"case":"В-2","step":"meeting","due":"2026-11-13","done":null,"status":"сегодня",' +
        '"child":"Иванов Иван","class":"5А","curator":null,"responsible":"Совет профилактики",' +
        '"period":null,' +
        '"lastDone":null,"note":null},' +
        '{"case":"В-2","step":"visit","due":"2026-11-13","done":"2026-11-10","status":"выполнено",' +
        '"child":"Иванов Иван","class":"5А","curator":null,"responsible":"классный руководитель",' +
        '"period":null,' +
        '"lastDone":"2026-11-10","note":null}]'
    );
  });

  test("groups: overdue, today, next 7 days; done and later rows left out; sorted by due", () => {
    const r = (c: string, due: string, status: DeadlineRow["status"]): DeadlineRow => ({
      case: c,
      step: "order",
      due,
      done: status === "выполнено" ? due : null,
      status,
      reason: null,
      stepName: "",
      lastDone: null,
      child: "",
      className: "",
      curator: "",
      responsible: "",
    });
    const rows = [
      r("1", "2026-11-30", "предстоит"), // on + 7: in
      r("2", "2026-12-01", "предстоит"), // on + 8: out
      r("3", "2026-11-20", "просрочено"),
      r("4", "2026-11-23", "сегодня"),
      r("5", "2026-11-24", "предстоит"),
      r("6", "2026-11-10", "выполнено"),
      r("7", "2026-11-02", "просрочено"),
    ];
    const groups = groupDeadlines(rows, "2026-11-23");
    assert.deepEqual(
      groups.overdue.map((x) => x.case),
      ["7", "3"]
    );
    assert.deepEqual(
      groups.today.map((x) => x.case),
      ["4"]
    );
    assert.deepEqual(
      groups.nextWeek.map((x) => x.case),
      ["5", "1"]
    );
    assert.equal(rows[0]?.case, "1", "the input is not reordered");
  });
});

describe("speed and layering", () => {
  test("10 000 episodes give 9 rows each, in natural code order (speed: npm run bench)", () => {
    const episodes: Episode[] = [];
    const actions: Action[] = [];
    for (let i = 0; i < 10_000; i++) {
      const code = `В-${i}`;
      const identified = `2026-${String(1 + (i % 11)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
      episodes.push(anEpisode({ code, identified, level: 1, registered: identified }));
      actions.push(
        aCompletion(code, "observation", "2026-11-19"),
        aCompletion(code, "order", "2026-11-20")
      );
    }
    const rows = computeDeadlines(
      aRegister(episodes, actions),
      "2026-12-01",
      createProductionCalendar()
    );
    assert.equal(rows.length, 90_000);
    assert.equal(rows[9]?.case, "В-1", "natural order");
  });

  test("src/core/calendar and src/core/deadlines never build a Date nor import Node or packages", () => {
    const root = join(__dirname, "../../src/core");
    for (const folder of ["calendar", "deadlines"]) {
      const files = readdirSync(join(root, folder)).filter((f) => f.endsWith(".ts"));
      assert.ok(files.length >= 3, folder);
      for (const file of files) {
        const text = readFileSync(join(root, folder, file), "utf8");
        assert.doesNotMatch(text, /\bnew\s+Date\b|\bDate\s*[.(]/, `${folder}/${file}`);
        assert.doesNotMatch(text, /\bprocess\b|\bIntl\b|toLocale/, `${folder}/${file}`);
        for (const [, spec] of text.matchAll(/from\s+"([^"]+)"/g)) {
          assert.ok(spec?.startsWith("."), `${folder}/${file} imports ${spec}`);
        }
      }
    }
  });

  test("every regulated step has a definition, in STEPS order, with a source", () => {
    assert.deepEqual(
      STEP_DEFINITIONS.map((s) => s.key),
      STEPS.map((s) => s.key)
    );
    for (const s of STEP_DEFINITIONS) {
      assert.match(s.source, /^00[01] /);
    }
  });
});
