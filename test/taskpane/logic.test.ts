/**
 * The task pane's pure logic (src/taskpane/logic): typed dates, the «Случай» form check, the
 * live deadline preview, the report period, the settings check.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import { parseRegister } from "../../src/core/register/parseRegister";
import {
  caseFormFromEpisode,
  checkCaseForm,
  emptyCaseForm,
  LEVEL_REASON_MARK,
  levelMismatch,
  nextFamilyCode,
  type CaseFormState,
} from "../../src/taskpane/logic/caseForm";
import { previewDeadlines } from "../../src/taskpane/logic/casePreview";
import { readCountInput, readDateInput } from "../../src/taskpane/logic/dateInput";
import {
  buildDeadlineView,
  deadlineItems,
  deadlineSections,
  type PaneDeadlineRow,
} from "../../src/taskpane/logic/deadlineView";
import type { Level } from "../../src/core/indicators/catalog";
import type { Regulation } from "../../src/core/register/model";
import { DEFAULT_REGULATION } from "../../src/core/register/regulation";
import { periodOf, schoolYearMonths } from "../../src/taskpane/logic/reportPeriod";
import { checkSettings } from "../../src/taskpane/logic/settingsForm";
import { todayFromClock } from "../../src/taskpane/today";
import { FIXTURE_TODAY, fixtureWorkbook } from "../e2e/fixtureWorkbook";

const TODAY = FIXTURE_TODAY;
const { register } = parseRegister(fixtureWorkbook().raw());

function form(patch: Partial<CaseFormState>): CaseFormState {
  return { ...emptyCaseForm(TODAY), lastName: "Иванов", firstName: "Иван", ...patch };
}

describe("readDateInput", () => {
  test("reads ДД.ММ.ГГГГ and ГГГГ-ММ-ДД", () => {
    assert.deepEqual(readDateInput("05.09.2026"), { ok: true, value: "2026-09-05" });
    assert.deepEqual(readDateInput(" 2026-09-05 "), { ok: true, value: "2026-09-05" });
    assert.deepEqual(readDateInput("5.9.2026"), { ok: true, value: "2026-09-05" });
  });
  test("refuses an impossible day by name, and a wrong shape with the expected one", () => {
    assert.deepEqual(readDateInput("31.02.2026"), {
      ok: false,
      message: "Такой даты нет в календаре: 31.02.2026",
    });
    assert.deepEqual(readDateInput("29.02.2027").ok, false);
    assert.deepEqual(readDateInput("29.02.2028").ok, true);
    assert.match((readDateInput("вчера") as { message: string }).message, /ДД\.ММ\.ГГГГ/);
  });
  test("empty is null unless required", () => {
    assert.deepEqual(readDateInput(""), { ok: true, value: null });
    assert.equal(readDateInput("", true).ok, false);
  });
  test("counts", () => {
    assert.deepEqual(readCountInput("1 234", 0), { ok: true, value: 1234 });
    assert.deepEqual(readCountInput("", 5), { ok: true, value: 5 });
    assert.equal(readCountInput("-1", 0).ok, false);
    assert.equal(readCountInput("2,5", 0).ok, false);
  });
});

describe("checkCaseForm", () => {
  test("a complete new case becomes a draft with ISO dates and no code", () => {
    const r = checkCaseForm(
      form({
        birthDate: "14.03.2013",
        identified: "10.11.2026",
        indicators: ["Р2"],
        level: "1",
        registered: "17.11.2026",
        protocol: "7",
      }),
      register,
      TODAY
    );
    assert.ok(r.ok);
    assert.equal(r.draft.code, "");
    assert.equal(r.draft.birthDate, "2013-03-14");
    assert.equal(r.draft.registered, "2026-11-17");
    assert.equal(r.draft.level, 1);
    assert.equal(r.draft.newFamily, null);
  });
  test("every wrong field is named at once", () => {
    const r = checkCaseForm(
      form({ lastName: "", birthDate: "31.02.2013", identified: "", level: "2" }),
      register,
      TODAY
    );
    assert.ok(!r.ok);
    assert.deepEqual(Object.keys(r.errors).sort(), [
      "birthDate",
      "identified",
      "lastName",
      "levelReason",
      "protocol",
      "registered",
    ]);
    assert.equal(r.errors.birthDate, "Такой даты нет в календаре: 31.02.2013");
  });
  test("a level against the suggestion needs a reason, saved in the note after the marker", () => {
    const base = form({
      identified: "10.11.2026",
      indicators: ["Р2", "С14"],
      level: "1",
      registered: "17.11.2026",
      protocol: "7",
    });
    assert.match(levelMismatch(base) ?? "", /не совпадает с рекомендацией/);
    const without = checkCaseForm(base, register, TODAY);
    assert.ok(!without.ok && without.errors.levelReason !== undefined);
    const withReason = checkCaseForm(
      { ...base, note: "живёт с бабушкой", levelReason: "не подтвердилось" },
      register,
      TODAY
    );
    assert.ok(withReason.ok);
    assert.equal(withReason.draft.note, `живёт с бабушкой ${LEVEL_REASON_MARK} не подтвердилось`);
    // Opened again, the reason comes back into its field.
    const episode = { ...register.episodes[0]!, note: withReason.draft.note };
    const reopened = caseFormFromEpisode(episode);
    assert.equal(reopened.note, "живёт с бабушкой");
    assert.equal(reopened.levelReason, "не подтвердилось");
  });
  test("dates: not after today, registration not before identification, a date needs a level", () => {
    const r = checkCaseForm(
      form({ identified: "24.11.2026", registered: "01.11.2026" }),
      register,
      TODAY
    );
    assert.ok(!r.ok);
    assert.match(r.errors.identified ?? "", /позже сегодняшней/);
    assert.match(r.errors.level ?? "", /выберите уровень/);
    const early = checkCaseForm(
      form({ identified: "10.11.2026", level: "1", registered: "01.11.2026", protocol: "1" }),
      register,
      TODAY
    );
    assert.ok(!early.ok && /раньше даты выявления/.test(early.errors.registered ?? ""));
  });
  test("a new family: code required and new; the next code follows the register's style", () => {
    assert.equal(nextFamilyCode(register.families), "С-04");
    const dup = checkCaseForm(
      form({
        identified: "10.11.2026",
        familyMode: "new",
        newFamily: { ...emptyCaseForm(TODAY).newFamily, code: "c-01" },
      }),
      register,
      TODAY
    );
    assert.ok(!dup.ok && /уже есть/.test(dup.errors.newFamilyCode ?? ""));
    const ok = checkCaseForm(
      form({
        identified: "10.11.2026",
        familyMode: "new",
        newFamily: { ...emptyCaseForm(TODAY).newFamily, code: "С-04", mother: " Мать " },
      }),
      register,
      TODAY
    );
    assert.ok(ok.ok);
    assert.equal(ok.draft.familyCode, "С-04");
    assert.equal(ok.draft.newFamily?.mother, "Мать");
  });
});

describe("previews and views", () => {
  const calendar = createProductionCalendar();
  test("informing is due the day of identification, the order 14 days after, moved off a weekend", () => {
    // 07.11.2026 is a Saturday: informing moves to Monday 09.11; 07.11 + 14 = 21.11, a
    // Saturday → Monday 23.11.2026.
    const [inform, order] = previewDeadlines("2026-11-07", null, calendar);
    assert.equal(inform?.step, "inform");
    assert.equal(inform?.due, "2026-11-09");
    assert.equal(order?.step, "order");
    assert.equal(order?.due, "2026-11-23");
    assert.equal(order?.reason, "срок перенесён с 21.11.2026 (сб) на 23.11.2026 (пн)");
    assert.deepEqual(
      previewDeadlines("2026-11-07", "2026-11-16", calendar).map((r) => r.step),
      ["inform", "order", "meeting", "visit", "inspection", "characteristic"]
    );
  });
  test("the preview follows «Регламент» for the decided level; an empty period is not tracked", () => {
    const profile: Regulation = {
      fromSheet: true,
      steps: DEFAULT_REGULATION.steps.map((st) =>
        st.step === "order"
          ? { ...st, level2: null }
          : st.step === "visit"
            ? { ...st, level1: { days: 3 }, level2: { days: 10 } }
            : st
      ),
    };
    const cases: [Level | null, string | null, string | null][] = [
      // level, due of the order, due of the visit (registered 16.11.2026, a Monday)
      [null, "2026-11-23", "2026-11-19"],
      [1, "2026-11-23", "2026-11-19"],
      [2, null, "2026-11-26"],
    ];
    for (const [level, order, visit] of cases) {
      const rows = previewDeadlines("2026-11-07", "2026-11-16", calendar, profile, level);
      assert.equal(rows.find((r) => r.step === "order")?.due ?? null, order, `order, ${level}`);
      assert.equal(rows.find((r) => r.step === "visit")?.due ?? null, visit, `visit, ${level}`);
    }
  });
  test("«Сроки» groups the fixture: 3 overdue, 4 today, 6 in the next 7 days, with the people", () => {
    const sections = buildDeadlineView(register, TODAY);
    // The cases' rows (the school's own rows, «case» null, come from the core later).
    const caseItems = (i: number) => sections[i]?.items.filter((x) => x.row.case !== null) ?? [];
    assert.deepEqual(
      sections.map((x) => x.id),
      ["overdue", "today", "nextWeek"]
    );
    assert.deepEqual(
      [0, 1, 2].map((i) => caseItems(i).length),
      [3, 4, 6]
    );
    const first = caseItems(1)[0];
    assert.equal(first?.childName, "Петрова Анна Сергеевна");
    assert.equal(first?.className, "8Б");
    assert.equal(first?.responsible, "Сидорова Е. А.");
    assert.equal(first?.dueText, "23.11.2026");
    // В-3 has no curator: the person «Регламент» names for the step.
    const inform = caseItems(0).find((x) => x.key === "В-3:inform");
    assert.equal(inform?.responsible, "социальный педагог");
    assert.equal(inform?.isCurator, false);
    assert.equal(first?.isCurator, true);
    assert.equal(inform?.className, "5А");
  });
  test("done steps are hidden unless asked; then listed latest first with their date", () => {
    const hidden = buildDeadlineView(register, TODAY);
    assert.ok(hidden.every((x) => x.items.every((i) => i.doneText === null)));
    const shown = buildDeadlineView(register, TODAY, true);
    const done = shown.find((x) => x.id === "done")?.items ?? [];
    assert.equal(done.length, 9);
    assert.equal(done[0]?.key, "В-4:order");
    assert.equal(done[0]?.doneText, "выполнено 18.11.2026");
    assert.equal(done.at(-1)?.key, "В-1:inform");
  });
  test("a row of the school itself (no case) names who answers for it and cannot be marked here", () => {
    const school: PaneDeadlineRow = {
      case: null,
      step: "monthlyReport",
      due: "2026-12-07",
      done: null,
      status: "предстоит",
      reason: "срок перенесён с 05.12.2026 (сб) на 07.12.2026 (пн)",
      stepName: "отчёт в министерство за ноябрь",
    };
    const withExecutor = {
      ...register,
      settings: { ...register.settings, executor: { name: "Сат А. А.", phone: "" } },
    };
    const [item] = deadlineItems(withExecutor, [school]);
    assert.equal(item?.caseStep, null);
    assert.equal(item?.childName, "");
    assert.equal(item?.responsible, "Сат А. А.");
    assert.equal(item?.key, "школа:monthlyReport:2026-12-07");
    const [named] = deadlineItems(register, [
      { ...school, responsible: "Ооржак Б. Б." } as PaneDeadlineRow,
    ]);
    assert.equal(named?.responsible, "Ооржак Б. Б.");
    const sections = deadlineSections(register, [school], "2026-12-01");
    assert.equal(sections.find((x) => x.id === "nextWeek")?.items.length, 1);
  });
  test("today is the local calendar day of the clock", () => {
    assert.equal(todayFromClock(new Date(2026, 10, 23, 23, 59)), "2026-11-23");
  });
});

describe("report period and settings", () => {
  test("a month, a quarter, a custom range; errors in Russian", () => {
    assert.deepEqual(
      periodOf(
        { kind: "month", month: "2027-02", quarter: "I", from: "", to: "" },
        register.settings
      ),
      {
        ok: true,
        period: { from: "2027-02-01", to: "2027-02-28" },
      }
    );
    assert.deepEqual(
      periodOf({ kind: "quarter", month: "", quarter: "II", from: "", to: "" }, register.settings),
      {
        ok: true,
        period: { from: "2026-11-05", to: "2026-12-28" },
      }
    );
    const bad = periodOf(
      { kind: "custom", month: "", quarter: "I", from: "30.11.2026", to: "01.11.2026" },
      register.settings
    );
    assert.deepEqual(bad, { ok: false, message: "Начало периода позже его конца" });
    const months = schoolYearMonths(register.settings, TODAY);
    assert.deepEqual([months[0]?.label, months[11]?.label], ["сентябрь 2026", "август 2027"]);
  });
  test("settings: impossible dates, quarter order, report day, counts", () => {
    const errors = checkSettings({
      "I четверть с": "01.09.2026",
      "I четверть по": "31.08.2026",
      "II четверть с": "31.11.2026",
      "День отчёта": "31",
      "Совет отцов": "два",
      "Учебный год": "2026",
    });
    assert.deepEqual(Object.keys(errors).sort(), [
      "I четверть по",
      "II четверть с",
      "День отчёта",
      "Совет отцов",
      "Учебный год",
    ]);
  });
});
