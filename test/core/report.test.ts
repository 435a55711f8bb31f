import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { aggregateReport } from "../../src/core/report/aggregate";
import { consolidateReports } from "../../src/core/report/consolidate";
import type { ReportJson } from "../../src/core/report/types";
import {
  aPassportRow,
  aRegister,
  aServiceEntry,
  aSettings,
  anActivity,
  anAssistance,
  anEpisode,
  QUARTERS_2026,
} from "../support/builders";

const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };
const zero = { children: 0, families: 0 };
const cf = (children: number, families: number) => ({ children, families });

describe("aggregateReport — header", () => {
  test("school, district, year from the settings; period as given", () => {
    const r = aggregateReport(aRegister(), OCTOBER);
    assert.deepEqual(
      [r.school, r.district, r.schoolYear, r.from, r.to],
      ["МБОУ СОШ № 1", "Кызылский кожуун", "2026/2027", "2026-10-01", "2026-10-31"]
    );
  });
});

describe("aggregateReport — the period as the title names it", () => {
  const cases: ReadonlyArray<[string, { from: string; to: string }, ReportJson["schoolTerm"]]> = [
    ["quarter I exactly", { from: "2026-09-01", to: "2026-10-24" }, "I"],
    ["quarter II exactly", { from: "2026-11-05", to: "2026-12-28" }, "II"],
    ["quarter IV exactly", { from: "2027-04-01", to: "2027-05-26" }, "IV"],
    ["the whole school year", { from: "2026-09-01", to: "2027-05-26" }, "year"],
    ["quarter II but one day short", { from: "2026-11-05", to: "2026-12-27" }, null],
    ["quarter II with the holidays before it", { from: "2026-10-25", to: "2026-12-28" }, null],
    ["a calendar month", OCTOBER, null],
  ];
  for (const [label, period, term] of cases) {
    test(label, () => {
      assert.equal(aggregateReport(aRegister(), period).schoolTerm, term);
    });
  }
  test("a quarter missing from the settings is never named", () => {
    const settings = aSettings({ quarters: { ...QUARTERS_2026, II: undefined } as never });
    const r = aggregateReport(aRegister({ settings }), { from: "2026-11-05", to: "2026-12-28" });
    assert.equal(r.schoolTerm, null);
  });
});

describe("aggregateReport — I. social passport", () => {
  test("sums the class rows for every category", () => {
    const passport = [
      aPassportRow("1А", { total: cf(20, 15), largeFamilies: cf(3, 2) }),
      aPassportRow("1Б", { total: cf(25, 18), largeFamilies: cf(1, 1), unemployed: cf(2, 1) }),
    ];
    const r = aggregateReport(aRegister({ passport }), OCTOBER);
    assert.deepEqual(r.socialPassport, {
      total: cf(45, 33),
      completeProsperous: zero,
      needSupport: zero,
      lostBreadwinner: zero,
      divorced: zero,
      singleParent: zero,
      disabledChildren: zero,
      disabledParents: zero,
      guardianship: zero,
      unemployed: cf(2, 1),
      largeFamilies: cf(4, 3),
    });
  });
});

describe("aggregateReport — II. register", () => {
  const episodes = [
    anEpisode({
      code: "A",
      childKey: "a",
      familyCode: "F1",
      registered: "2026-10-05",
      indicators: ["Р2", "Р5"],
    }),
    anEpisode({
      code: "B",
      childKey: "b",
      familyCode: "F1",
      registered: "2026-10-10",
      indicators: ["Р2"],
    }),
    anEpisode({ code: "C", childKey: "c", registered: "2026-09-15", indicators: ["Р7", "С5"] }),
    anEpisode({
      code: "D",
      childKey: "d",
      familyCode: "F2",
      registered: "2026-09-01",
      removed: "2026-10-31",
    }),
    anEpisode({
      code: "E",
      childKey: "e",
      familyCode: "F3",
      level: 2,
      registered: "2026-10-31",
      indicators: ["С14", "Р2"],
    }),
    anEpisode({
      code: "G",
      childKey: "g",
      familyCode: "F4",
      level: 2,
      registered: "2026-08-01",
      removed: "2026-10-01",
      indicators: ["С5"],
    }),
    anEpisode({ code: "H", childKey: "h", registered: "2026-11-01" }),
    anEpisode({ code: "I", childKey: "i", level: null, registered: null }),
    anEpisode({
      code: "J",
      childKey: "j",
      familyCode: "F5",
      level: 2,
      registered: "2026-09-01",
      removed: "2026-11-01",
      indicators: ["С5"],
    }),
  ];
  const r = aggregateReport(aRegister({ episodes }), OCTOBER).register;
  const row = (registered: [number, number], onRegister: [number, number]) => ({
    registered: cf(...registered),
    onRegister: cf(...onRegister),
  });

  test("level 1 total: siblings are one family; removal on `to` is off the register", () => {
    assert.deepEqual(r.level1.total, row([2, 1], [3, 2]));
  });
  test("level 1 indicator rows", () => {
    assert.deepEqual(r.level1.indicators["Р2"], row([2, 1], [2, 1]));
    assert.deepEqual(r.level1.indicators["Р5"], row([1, 1], [1, 1]));
    assert.deepEqual(r.level1.indicators["Р7"], row([0, 0], [1, 1]));
    assert.deepEqual(r.level1.indicators["Р11"], row([0, 0], [0, 0]));
  });
  test("level 1 has exactly the rows Р1–Р11; a С-code of a level-1 episode counts nowhere", () => {
    assert.deepEqual(Object.keys(r.level1.indicators), [
      "Р1",
      "Р2",
      "Р3",
      "Р4",
      "Р5",
      "Р6",
      "Р7",
      "Р8",
      "Р9",
      "Р10",
      "Р11",
    ]);
  });
  test("level 2 total: registered on `to` counts; removal the day after `to` is on the register", () => {
    assert.deepEqual(r.level2.total, row([1, 1], [2, 2]));
  });
  test("level 2 indicator rows; a Р-code of a level-2 episode counts nowhere", () => {
    assert.deepEqual(r.level2.indicators["С14"], row([1, 1], [1, 1]));
    assert.deepEqual(r.level2.indicators["С5"], row([0, 0], [1, 1]));
    assert.equal(Object.keys(r.level2.indicators).length, 15);
    assert.equal(r.level2.indicators["Р2"], undefined);
  });
  test("removed within the period, by level", () => {
    assert.deepEqual(r.removed, { level1: cf(1, 1), level2: cf(1, 1) });
  });
  test("an episode with no indicator of its level is in the total and in no row", () => {
    const only = aggregateReport(
      aRegister({ episodes: [anEpisode({ registered: "2026-10-02", indicators: ["С3"] })] }),
      OCTOBER
    );
    assert.deepEqual(only.register.level1.total.registered, cf(1, 1));
    assert.ok(
      Object.values(only.register.level1.indicators).every((x) => x.registered.children === 0)
    );
  });
});

describe("aggregateReport — III. assistance", () => {
  const episodes = [
    anEpisode({ code: "A1", childKey: "a1", familyCode: "F1" }),
    anEpisode({ code: "A2", childKey: "a2", familyCode: "F1" }),
    anEpisode({ code: "B", childKey: "b", familyCode: "F2" }),
    anEpisode({ code: "C", childKey: "c" }),
    anEpisode({ code: "D0", childKey: "d", familyCode: "F3", removed: "2026-09-20" }),
    anEpisode({
      code: "D",
      childKey: "d",
      familyCode: "F3",
      level: 2,
      registered: "2026-09-20",
      indicators: ["С1"],
    }),
    anEpisode({ code: "E", childKey: "e", familyCode: "F4", level: 2, indicators: ["С1"] }),
    anEpisode({ code: "R", childKey: "r", familyCode: "F5", removed: "2026-10-15" }),
  ];
  const assistance = [
    anAssistance({ caseCode: "A1", date: "2026-10-03", kind: "psychological" }),
    anAssistance({ caseCode: "A2", date: "2026-10-20", kind: "psychological" }),
    anAssistance({ caseCode: "A2", date: "2026-10-31", kind: "financial" }),
    anAssistance({ caseCode: "B", date: "2026-09-30", kind: "clothing" }),
    anAssistance({ caseCode: "C", date: "2026-11-01", kind: "treatment" }),
    anAssistance({ caseCode: "D0", date: "2026-10-10", kind: "employment" }),
    anAssistance({ caseCode: "R", date: "2026-10-05", kind: "psychological" }),
    anAssistance({ caseCode: "нет такого", date: "2026-10-05", kind: "psychological" }),
  ];
  const r = aggregateReport(aRegister({ episodes, assistance }), OCTOBER);

  test("one row, named after the school", () => {
    assert.equal(r.assistance.length, 1);
    assert.equal(r.assistance[0]?.school, "МБОУ СОШ № 1");
  });
  test("level 1: a family helped twice through two children counts once", () => {
    assert.deepEqual(r.assistance[0]?.level1, {
      families: 3,
      helped: 1,
      byKind: { psychological: 1, financial: 1, clothing: 0, employment: 0, treatment: 0 },
    });
  });
  test("level 2: help named by the family's removed level-1 episode counts for the family", () => {
    assert.deepEqual(r.assistance[0]?.level2, {
      families: 2,
      helped: 1,
      byKind: { psychological: 0, financial: 0, clothing: 0, employment: 1, treatment: 0 },
    });
  });
});

describe("aggregateReport — IV. service", () => {
  const service = [
    aServiceEntry({ date: "2026-08-31", kind: "consultationsIndividual", count: 5, covered: 5 }),
    aServiceEntry({ date: "2026-09-01", kind: "consultationsIndividual", count: 2, covered: 3 }),
    aServiceEntry({ date: "2026-10-24", kind: "consultationsGroup", count: 1, covered: 8 }),
    aServiceEntry({ date: "2026-10-30", kind: "trainings", count: 1, covered: 12 }),
    aServiceEntry({ date: "2026-11-05", kind: "plansCarriedOut", count: 2, covered: 0 }),
    aServiceEntry({ date: "2026-12-31", kind: "commissionMeetings", count: 1, covered: 0 }),
    aServiceEntry({ date: "2027-01-09", kind: "pedagogicalCouncils", count: 1, covered: 30 }),
    aServiceEntry({ date: "2027-01-20", kind: "consultationsIndividual", count: 1, covered: 1 }),
    aServiceEntry({ date: "2027-01-21", kind: "consultationsIndividual", count: 4, covered: 4 }),
  ];
  const q = (values: Partial<ReportJson["service"]["I"]>) => ({
    covered: 0,
    consultationsIndividual: 0,
    consultationsGroup: 0,
    trainings: 0,
    plansCarriedOut: 0,
    commissionMeetings: 0,
    pedagogicalCouncils: 0,
    ...values,
  });

  test("year to date by quarter; holidays go to the quarter before; `from` does not matter", () => {
    const r = aggregateReport(aRegister({ service }), { from: "2027-01-01", to: "2027-01-20" });
    assert.deepEqual(r.service, {
      I: q({ covered: 23, consultationsIndividual: 2, consultationsGroup: 1, trainings: 1 }),
      II: q({ plansCarriedOut: 2, commissionMeetings: 1 }),
      III: q({ covered: 31, pedagogicalCouncils: 1, consultationsIndividual: 1 }),
      IV: q({}),
    });
  });
  test("the summer belongs to quarter IV", () => {
    const summer = [aServiceEntry({ date: "2027-06-10", count: 3, covered: 2 })];
    const r = aggregateReport(aRegister({ service: summer }), {
      from: "2027-06-01",
      to: "2027-07-15",
    });
    assert.deepEqual(r.service.IV, q({ covered: 2, consultationsIndividual: 3 }));
  });
  test("quarter I unset: rows before quarter II count nowhere", () => {
    const { I: _, ...quarters } = QUARTERS_2026;
    const rows = [
      aServiceEntry({ date: "2026-09-10" }),
      aServiceEntry({ date: "2026-11-10", count: 2, covered: 5 }),
    ];
    const r = aggregateReport(
      aRegister({ service: rows, settings: aSettings({ quarters }) }),
      OCTOBER
    );
    assert.deepEqual(r.service.I, q({}));
    const later = aggregateReport(aRegister({ service: rows, settings: aSettings({ quarters }) }), {
      from: "2026-11-01",
      to: "2026-11-30",
    });
    assert.deepEqual(later.service.II, q({ covered: 5, consultationsIndividual: 2 }));
  });
});

describe("aggregateReport — V. activities", () => {
  const episodes = [
    anEpisode({ code: "A", childKey: "a" }),
    anEpisode({ code: "B", childKey: "b", level: 2, indicators: ["С1"] }),
    anEpisode({ code: "C", childKey: "c", removed: "2026-12-01" }),
  ];
  const activities = [
    anActivity({ caseCode: "A", kind: "schoolClubs", start: "2026-09-01" }),
    anActivity({ caseCode: "A", kind: "schoolClubs", start: "2026-10-01", end: "2026-12-15" }),
    anActivity({ caseCode: "A", kind: "sports", start: "2026-12-16" }),
    anActivity({ caseCode: "B", kind: "sports", end: "2026-12-14" }),
    anActivity({ caseCode: "B", kind: "sports", start: "2026-11-01" }),
    anActivity({ caseCode: "B", kind: "other" }),
    anActivity({ caseCode: "C", kind: "tourism" }),
    anActivity({ caseCode: "нет", kind: "tourism" }),
  ];
  test("children on the register with an activity active at `to` (end inclusive), by level", () => {
    const r = aggregateReport(aRegister({ episodes, activities }), {
      from: "2026-12-01",
      to: "2026-12-15",
    });
    assert.deepEqual(r.activities, {
      schoolClubs: { total: 1, level1: 1, level2: 0 },
      sports: { total: 1, level1: 0, level2: 1 },
      tourism: { total: 0, level1: 0, level2: 0 },
      other: { total: 1, level1: 0, level2: 1 },
    });
  });

  test("«Другие объединения (указать)»: the names of the «другое» rows counted, once, sorted", () => {
    const named = [
      anActivity({ caseCode: "A", kind: "other", name: "Юнармия" }),
      anActivity({ caseCode: "B", kind: "other", name: "  юнармия " }),
      anActivity({ caseCode: "B", kind: "other", name: "Волонтёрский  отряд «Доброе сердце»" }),
      anActivity({ caseCode: "A", kind: "other", name: "" }),
      anActivity({ caseCode: "A", kind: "other", name: "Клуб закончился", end: "2026-12-14" }),
      anActivity({ caseCode: "C", kind: "other", name: "Снят с учёта" }),
      anActivity({ caseCode: "нет", kind: "other", name: "Чужой код" }),
      anActivity({ caseCode: "A", kind: "sports", name: "Хуреш" }),
    ];
    const r = aggregateReport(aRegister({ episodes, activities: named }), {
      from: "2026-12-01",
      to: "2026-12-15",
    });
    assert.deepEqual(r.otherActivityNames, ["Волонтёрский отряд «Доброе сердце»", "Юнармия"]);
    assert.deepEqual(r.activities.other, { total: 2, level1: 1, level2: 1 });
  });
});

describe("aggregateReport — VI and VII", () => {
  test("every parameter of section VI, 0 when empty; the coordinator", () => {
    const settings = aSettings({ parentCommunity: { "Совет отцов": 2, "Семейные клубы": 1 } });
    const r = aggregateReport(aRegister({ settings }), OCTOBER);
    assert.deepEqual(r.parentCommunity, {
      "Общественные приемные": 0,
      "Советы бабушек и дедушек": 0,
      "Совет отцов": 2,
      "Совет профилактики": 0,
      "Детское движение": 0,
      "Семейные клубы": 1,
      "Уполномоченные по защите прав": 0,
      "Другие объединения родителей": 0,
    });
    assert.deepEqual(r.coordinator, {
      name: "Координатор К. К.",
      position: "методист",
      phone: "+7 000 000-00-00",
    });
  });

  test("the signature block: the director and the executor from the settings", () => {
    const settings = aSettings({
      director: "Монгуш А. С.",
      executor: { name: "Ооржак Ч. В.", phone: "8 (39432) 2-15-47" },
    });
    assert.deepEqual(aggregateReport(aRegister({ settings }), OCTOBER).signature, {
      director: "Монгуш А. С.",
      executorName: "Ооржак Ч. В.",
      executorPhone: "8 (39432) 2-15-47",
    });
    assert.deepEqual(aggregateReport(aRegister(), OCTOBER).signature, {
      director: "",
      executorName: "",
      executorPhone: "",
    });
  });
});

describe("consolidateReports", () => {
  const schoolA = aRegister({
    settings: aSettings({ school: "Школа А", parentCommunity: { "Совет отцов": 1 } }),
    episodes: [anEpisode({ code: "A", registered: "2026-10-02", indicators: ["Р1"] })],
    service: [aServiceEntry({ date: "2026-10-02", count: 2, covered: 3 })],
    passport: [aPassportRow("1А", { total: cf(20, 15) })],
    activities: [anActivity({ caseCode: "A", kind: "other", name: "Юнармия" })],
  });
  const schoolB = aRegister({
    settings: aSettings({
      school: "Школа Б",
      parentCommunity: { "Совет отцов": 2 },
      director: "Директор Б",
    }),
    episodes: [
      anEpisode({
        code: "B1",
        childKey: "b1",
        familyCode: "F",
        registered: "2026-10-02",
        indicators: ["Р1"],
      }),
      anEpisode({
        code: "B2",
        childKey: "b2",
        familyCode: "F",
        registered: "2026-09-02",
        indicators: ["Р1"],
      }),
    ],
    assistance: [anAssistance({ caseCode: "B1", date: "2026-10-03" })],
    passport: [aPassportRow("1А", { total: cf(30, 20) })],
    activities: [
      anActivity({ caseCode: "B1", kind: "other", name: "ЮНАРМИЯ" }),
      anActivity({ caseCode: "B2", kind: "other", name: "Клуб «Тыва»" }),
    ],
  });
  const meta = { district: "Кызылский кожуун", schoolYear: "2026/2027", ...OCTOBER };
  const d = consolidateReports(
    [aggregateReport(schoolA, OCTOBER), aggregateReport(schoolB, OCTOBER)],
    meta
  );

  test("sums the counts of every section", () => {
    assert.deepEqual(d.register.level1.total, { registered: cf(2, 2), onRegister: cf(3, 2) });
    assert.deepEqual(d.register.level1.indicators["Р1"], {
      registered: cf(2, 2),
      onRegister: cf(3, 2),
    });
    assert.deepEqual(d.socialPassport.total, cf(50, 35));
    assert.equal(d.service.I.covered, 3);
    assert.equal(d.service.I.consultationsIndividual, 2);
    assert.equal(d.parentCommunity["Совет отцов"], 3);
  });
  test("one assistance row per school, in order", () => {
    assert.deepEqual(
      d.assistance.map((a) => [a.school, a.level1.families, a.level1.helped]),
      [
        ["Школа А", 1, 0],
        ["Школа Б", 1, 1],
      ]
    );
  });
  test("the district's own header; the first school's coordinator", () => {
    assert.deepEqual(
      [d.school, d.district, d.from, d.to],
      ["", "Кызылский кожуун", "2026-10-01", "2026-10-31"]
    );
    assert.equal(d.coordinator.name, "Координатор К. К.");
    assert.deepEqual(d.signature, { director: "", executorName: "", executorPhone: "" });
    assert.equal(d.schoolTerm, null);
  });
  test("«Другие объединения»: every school's names once", () => {
    assert.deepEqual(d.otherActivityNames, ["Клуб «Тыва»", "Юнармия"]);
    assert.deepEqual(d.activities.other, { total: 3, level1: 3, level2: 0 });
  });
  test("a quarter every school reported on is the district's; the signature from meta", () => {
    const quarterII = { from: "2026-11-05", to: "2026-12-28" };
    const reports = [aggregateReport(schoolA, quarterII), aggregateReport(schoolB, quarterII)];
    const signature = { director: "", executorName: "Методист М. М.", executorPhone: "1-23" };
    const q = consolidateReports(reports, { ...meta, ...quarterII, signature });
    assert.equal(q.schoolTerm, "II");
    assert.deepEqual(q.signature, signature);
    const other = consolidateReports(reports, meta);
    assert.equal(other.schoolTerm, null, "the district report covers other dates");
  });
  test("no report gives zeros and no assistance row", () => {
    const none = consolidateReports([], meta);
    assert.deepEqual(none.register.level2.total, { registered: zero, onRegister: zero });
    assert.deepEqual(none.assistance, []);
    assert.equal(Object.keys(none.parentCommunity).length, 8);
  });
});
