/**
 * The documents' content (src/core/documents): what each form says for a case, the group-1
 * wording of level-1 filings, blanks for what the register lacks, the plan's table by quarter,
 * side and block, the request checks, and the sheet layout every renderer draws.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  BLANK_DATE,
  buildDocument,
  closestCodes,
  documentSheet,
  documentSheetName,
  documentTexts,
  DOCUMENT_KINDS,
  GRID_COLUMNS,
  prepareDocument,
  type DocumentDeadline,
  type DocumentKind,
  type DocumentModel,
  type DocumentRequest,
} from "../../src/core/documents";
import { decisionParts, sourceWording } from "../../src/core/documents/common";
import { SUGGESTED_DIRECTIONS } from "../../src/core/documents/plan";
import { findIndicator, SIGNAL_REASONS } from "../../src/core/indicators/catalog";
import type { Action, Episode, Family, Register, Signal } from "../../src/core/register/model";
import { SIGNAL_COLUMNS } from "../../src/core/register/schema";
import { aRegister, aSettings, anEpisode } from "../support/builders";
import { filledValues } from "./documentsValues";

const MADE = "2026-11-23";

function aFamily(overrides: Partial<Family> = {}): Family {
  return {
    row: 2,
    code: "Ф-01",
    status: ["многодетная", "малообеспеченная"],
    mother: "Монгуш Чечек Сергеевна",
    father: "Монгуш Айдын Оолакович",
    guardian: "",
    address: "г. Ак-Довурак, ул. Шахтёров, д. 14",
    registrationAddress: "г. Ак-Довурак, ул. Шахтёров, д. 14",
    phone: "",
    children: "",
    ...overrides,
  };
}

function anAction(overrides: Partial<Action> & Pick<Action, "caseCode">): Action {
  return {
    row: 2,
    step: null,
    section: "ребёнок",
    direction: "",
    title: "Беседа",
    due: "2026-11-10",
    responsible: "социальный педагог",
    done: null,
    note: "",
    block: null,
    ...overrides,
  };
}

function aSignal(overrides: Partial<Signal> & { fields?: Record<string, string> } = {}): Signal {
  const fields: Record<string, string> = Object.fromEntries(SIGNAL_COLUMNS.map((c) => [c, ""]));
  Object.assign(fields, {
    "От кого": "ПДН ОВД",
    Адрес: "г. Ак-Довурак, ул. Степная, д. 2",
    "ФИО родителя": "Салчак Долаана Кара-ооловна",
    Статус: "мать",
    "Возраст родителя": "38",
    "Место работы": "не работает",
    "ФИО несовершеннолетнего": "Салчак Айраш Ооржакович",
    Возраст: "9",
    "Образовательная организация": "МБОУ СОШ № 1",
    Специалист: "Саая Ч. В., инспектор ПДН",
    "Телефон специалиста": "8-923-000-02-02",
    Другое: "задержан вечером без взрослых",
    ...overrides.fields,
  });
  return {
    row: 2,
    date: "2026-11-03",
    caseCode: "",
    reasons: [3, 6],
    unorganized: false,
    ...overrides,
    fields,
  };
}

/** A register with one family of two children: a level-1 child and a level-2 sibling. */
function familyRegister(parts: Partial<Register> = {}): Register {
  const older = anEpisode({
    code: "В-001",
    lastName: "Монгуш",
    firstName: "Айлана",
    patronymic: "Айдыновна",
    birthDate: "2013-04-02",
    className: "7Б",
    familyCode: "Ф-01",
    childKey: "child:айлана",
    indicators: ["Р2", "Р3"],
    level: 1,
    registered: "2026-09-15",
    protocol: "протокол Совета профилактики № 4 от 15.09.2026",
    source: "опека",
    curator: "Сагаан-оол Чечена Кимовна",
  });
  const younger = anEpisode({
    code: "В-002",
    lastName: "Монгуш",
    firstName: "Начын",
    patronymic: "Айдынович",
    birthDate: "2017-01-20",
    className: "4А",
    familyCode: "ф-01",
    childKey: "child:начын",
    indicators: ["Р2", "С5", "С14"],
    level: 2,
    registered: "2026-10-05",
    protocol: "постановление КДН и ЗП № 25 от 05.10.2026",
    source: "КДН и ЗП",
  });
  const stranger = anEpisode({
    code: "В-003",
    lastName: "Чужой",
    firstName: "Ребёнок",
    familyCode: "Ф-02",
    childKey: "child:чужой",
    indicators: ["Р7"],
  });
  return aRegister({
    settings: aSettings({ director: "Оюн Алдын Борисовна", deputy: "Кара-Сал Долаана Викторовна" }),
    episodes: [older, younger, stranger],
    families: [aFamily(), aFamily({ row: 3, code: "Ф-02", mother: "Чужая Мать Ивановна" })],
    ...parts,
  });
}

function make(
  register: Register,
  request: Omit<DocumentRequest, "made">,
  deadlines: readonly DocumentDeadline[] = []
): DocumentModel {
  const p = prepareDocument(register, { ...request, made: MADE }, deadlines);
  assert.ok(p.ok, p.ok ? "" : p.message);
  return buildDocument(request.kind, p.context, p.quarter);
}

const text = (m: DocumentModel): string => documentTexts(m).join("\n");

describe("the «Представление» say the group of the filing", () => {
  const cases: {
    name: string;
    episode: Partial<Episode>;
    kind: DocumentKind;
    says: string;
    never: string;
  }[] = [
    {
      name: "level 1, annex 3",
      episode: { level: 1, indicators: ["Р2"] },
      kind: "vshu-child",
      says: "поставить на внутришкольный учет обучающихся группы риска на ранней стадии семейного неблагополучия.",
      never: "социально опасном",
    },
    {
      name: "level 1, annex 3-а",
      episode: { level: 1, indicators: ["Р2"] },
      kind: "vshu-family",
      says: "поставить на внутришкольный учет семей группы риска на ранней стадии семейного неблагополучия.",
      never: "социально опасном",
    },
    {
      name: "level 2, annex 3",
      episode: { level: 2, indicators: ["С5"] },
      kind: "vshu-child",
      says: "поставить на внутришкольный учет обучающихся, находящихся в социально опасном положении.",
      never: "ранней стадии",
    },
    {
      name: "not registered, a С-indicator: the suggestion (group 2)",
      episode: { level: null, registered: null, indicators: ["Р2", "С14"] },
      kind: "vshu-child",
      says: "обучающихся, находящихся в социально опасном положении.",
      never: "ранней стадии",
    },
    {
      name: "not registered, Р-indicators only: group 1",
      episode: { level: null, registered: null, indicators: ["Р7"] },
      kind: "vshu-family",
      says: "семей группы риска на ранней стадии семейного неблагополучия.",
      never: "социально опасном",
    },
    {
      name: "annex 4 is always the commission's СОП wording",
      episode: { level: 2, indicators: ["С5"] },
      kind: "kdn-child",
      says: "поставить на учет обучающихся, находящихся в социально опасном положении.",
      never: "ранней стадии",
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = aRegister({ episodes: [anEpisode({ code: "В-1", ...c.episode })] });
      const t = text(make(r, { kind: c.kind, caseCode: "В-1" }));
      assert.ok(t.includes(c.says), t);
      assert.ok(!t.includes(c.never), t);
    });
  }
});

describe("annex 3, a child to the Совет профилактики", () => {
  const m = make(familyRegister(), { kind: "vshu-child", caseCode: "В-001" });
  test("fills the fields in the seed's order", () => {
    assert.deepEqual(filledValues(m), [
      "МБОУ СОШ № 1",
      "Монгуш",
      "Айлана",
      "Айдыновна",
      "7Б",
      "МБОУ СОШ № 1",
      "2013",
      "статус «малообеспеченной семьи», низкий материальный достаток;",
      `${findIndicator("Р3")?.full}.`,
      "органа опеки и попечительства",
      "Монгуш Айлана Айдыновна",
      "7Б",
    ]);
  });
  test("the signature and its date are left to fill by hand", () => {
    const sig = m.blocks.find((b) => b.type === "signature");
    assert.deepEqual(sig, {
      type: "signature",
      role: "Классный руководитель (воспитатель, социальный педагог)",
      name: null,
      date: null,
    });
  });
});

describe("annex 4, a child to the КДН и ЗП", () => {
  const m = make(familyRegister(), { kind: "kdn-child", caseCode: "В-002" });
  test("С-indicators come first, then the others", () => {
    const reasons = filledValues(m).filter((v) => /[;.]$/.test(v) && v.length > 20);
    assert.deepEqual(reasons, [
      `${findIndicator("С5")?.full};`,
      `${findIndicator("С14")?.full};`,
      `${findIndicator("Р2")?.full}.`,
    ]);
  });
  test("the commission, the district, the director and the deputy director", () => {
    const t = text(m);
    assert.ok(t.includes("В комиссию по делам несовершеннолетних и защите их прав"));
    assert.ok(t.includes("Кызылский кожуун"));
    const sigs = m.blocks.filter((b) => b.type === "signature");
    assert.deepEqual(
      sigs.map((s) => (s.type === "signature" ? [s.role, s.name] : [])),
      [
        ["Директор ОУ", "Оюн Алдын Борисовна"],
        ["Заместитель директора по воспитательной работе", "Кара-Сал Долаана Викторовна"],
      ]
    );
  });
});

describe("annexes 3-а and 4-а, the family", () => {
  test("«Имеются дети»: the family's children in «Учёт», nobody else's", () => {
    const m = make(familyRegister(), { kind: "vshu-family", caseCode: "В-001" });
    const t = text(m);
    assert.ok(t.includes("Монгуш Айлана, 2013 г. р., обучается в 7Б классе"), t);
    assert.ok(t.includes("Монгуш Начын, 2017 г. р., обучается в 4А классе"), t);
    assert.ok(!t.includes("Чужой"), t);
    assert.ok(!t.includes("Чужая"), t);
  });
  test("«Дети семьи» when the register has it, one child a line", () => {
    const r = familyRegister();
    const families = [aFamily({ children: "Айлана, 2013, школа № 1; Сайзана, 2004, работает" })];
    const m = make({ ...r, families }, { kind: "kdn-family", caseCode: "В-002" });
    const values = filledValues(m);
    assert.ok(values.includes("Айлана, 2013, школа № 1"));
    assert.ok(values.includes("Сайзана, 2004, работает"));
    assert.ok(text(m).includes("(причины постановки на учет)"));
  });
  test("«семью ___»: the parents as the register writes them", () => {
    const m = make(familyRegister(), { kind: "vshu-family", caseCode: "В-001" });
    assert.ok(filledValues(m).includes("Монгуш Чечек Сергеевна, Монгуш Айдын Оолакович"));
  });
  test("a child without a family: every family field is a blank line, none left out", () => {
    const r = aRegister({ episodes: [anEpisode({ code: "В-9", familyCode: "" })] });
    const m = make(r, { kind: "vshu-family", caseCode: "В-9" });
    const blanks = m.blocks.flatMap((b) =>
      b.type === "line" ? b.parts.filter((p) => p.type === "value" && p.value === null) : []
    );
    // Status, mother, father, guardian, two addresses: six blanks at least.
    assert.ok(blanks.length >= 6, `${blanks.length}`);
    for (const caption of ["Мать", "Отец", "Опекун (попечитель)", "Адрес регистрации"]) {
      assert.ok(text(m).includes(caption));
    }
  });
});

describe("«а также по представлению»", () => {
  const table: [string, string | null][] = [
    ["опека", "органа опеки и попечительства"],
    ["ПДН ОВД", "подразделения по делам несовершеннолетних органа внутренних дел (ПДН ОВД)"],
    ["пдн  овд", "подразделения по делам несовершеннолетних органа внутренних дел (ПДН ОВД)"],
    [
      "ПДН ОВД по Барун-Хемчикскому кожууну",
      "подразделения по делам несовершеннолетних органа внутренних дел (ПДН ОВД)",
    ],
    ["КДН и ЗП", "комиссии по делам несовершеннолетних и защите их прав (КДН и ЗП)"],
    ["соцзащита", "органа социальной защиты населения"],
    ["здравоохранение", "медицинской организации"],
    ["классный руководитель", null],
    ["педагог-психолог", null],
    ["другое", null],
    ["", null],
    ["Управление образования", "Управление образования"],
  ];
  for (const [source, expected] of table) {
    test(`«${source}»`, () => {
      assert.equal(sourceWording(source), expected);
    });
  }
});

describe("the decision's number and date from «Протокол»", () => {
  const table: [string, string | null, { number: string | null; date: string | null }][] = [
    ["протокол Совета профилактики № 4 от 27.08.2026", null, { number: "4", date: "27.08.2026" }],
    ["постановление КДН и ЗП №25 от 2026-10-05", null, { number: "25", date: "05.10.2026" }],
    ["№ 12-п", "2026-09-01", { number: "12-п", date: "01.09.2026" }],
    ["7", "2026-09-01", { number: "7", date: "01.09.2026" }],
    ["", "2026-09-01", { number: null, date: "01.09.2026" }],
    ["", null, { number: null, date: null }],
  ];
  for (const [text0, fallback, expected] of table) {
    test(`«${text0}»`, () => {
      assert.deepEqual(decisionParts(text0, fallback), expected);
    });
  }
});

describe("annex 2, the signal card", () => {
  test("all 13 reasons in the card's order, the chosen ones marked", () => {
    const r = aRegister({ signals: [aSignal({ row: 5, reasons: [3, 11] })] });
    const m = make(r, { kind: "signal", signalRow: 5 });
    const list = m.blocks.find((b) => b.type === "list");
    assert.ok(list && list.type === "list");
    assert.equal(list.items.length, 13);
    assert.deepEqual(
      list.items.map((i) => i.text.replace(" (кого)", "")),
      [...SIGNAL_REASONS]
    );
    assert.deepEqual(
      list.items.flatMap((i, n) => (i.marked ? [n + 1] : [])),
      [3, 11]
    );
    assert.equal(list.items[10]?.blank, true, "«Бродяжничество родителей (кого) ___»");
  });
  for (const unorganized of [true, false]) {
    test(`«Неорганизован» is printed and marked only when «да» (${unorganized})`, () => {
      const r = aRegister({ signals: [aSignal({ unorganized })] });
      const m = make(r, { kind: "signal", signalRow: 2 });
      const b = m.blocks.find((x) => x.type === "text" && x.text === "Неорганизован");
      assert.ok(b && b.type === "text");
      assert.equal(b.marked === true, unorganized);
    });
  }
  test("the child's age: full years on the card's date from the episode, else as typed", () => {
    const e = anEpisode({ code: "В-5", birthDate: "2016-11-04" });
    const r = aRegister({
      episodes: [e],
      signals: [aSignal({ caseCode: "В-5", date: "2026-11-03", fields: { Возраст: "12" } })],
    });
    assert.ok(filledValues(make(r, { kind: "signal", caseCode: "В-5" })).includes("9"));
    const typed = aRegister({ signals: [aSignal({ fields: { Возраст: "12" } })] });
    assert.ok(filledValues(make(typed, { kind: "signal", signalRow: 2 })).includes("12"));
  });
  test("the specialist with the phone, and the card's date", () => {
    const values = filledValues(
      make(aRegister({ signals: [aSignal()] }), { kind: "signal", signalRow: 2 })
    );
    assert.ok(values.includes("Саая Ч. В., инспектор ПДН, тел. 8-923-000-02-02"));
    assert.equal(values[values.length - 1], "03.11.2026");
  });
});

describe("annex 5, the support plan of a quarter", () => {
  const base = familyRegister();
  const acts: Action[] = [
    anAction({
      caseCode: "В-001",
      row: 10,
      title: "Занятия с психологом",
      due: "2026-11-10",
      done: "2026-11-09",
      direction: "Развитие эмоционально-волевой сферы",
      block: "специалисты",
    }),
    anAction({
      caseCode: "В-001",
      row: 11,
      title: "Беседа с матерью",
      section: "родители",
      due: "2026-11-12",
      block: "специалисты",
      note: "перенесено",
    }),
    anAction({
      caseCode: "В-001",
      row: 12,
      title: "Кружок «Умелые руки»",
      due: "2026-12-01",
      block: "учебно-воспитательная",
    }),
    anAction({
      caseCode: "В-001",
      row: 13,
      title: "Родительское собрание",
      section: "родители",
      due: "2026-12-20",
    }),
    anAction({ caseCode: "В-001", row: 14, title: "Осенние каникулы: поход", due: "2026-10-30" }),
    anAction({
      caseCode: "В-001",
      row: 15,
      step: "observation",
      title: "карта педагогического наблюдения",
      due: "2026-11-20",
      section: null,
    }),
    anAction({ caseCode: "В-001", row: 16, step: "order", title: "приказ", due: "2026-11-20" }),
    anAction({ caseCode: "В-002", row: 17, title: "Чужое мероприятие", due: "2026-11-20" }),
  ];
  const r = { ...base, actions: acts };
  const plan = make(r, { kind: "plan", caseCode: "В-001", quarter: "II" });
  const table = plan.blocks.find((b) => b.type === "table");
  assert.ok(table && table.type === "table");
  const rows = table.rows;

  test("9 columns: №, then the four of each side", () => {
    assert.deepEqual(
      table.columns.map((c) => c.header),
      [
        "№",
        ...Array(2)
          .fill(["Основные виды деятельности", "Срок", "Ответ-\nственный", "Приме-\nчание"])
          .flat(),
      ]
    );
    assert.equal(
      table.columns.reduce((a, c) => a + c.units, 0),
      GRID_COLUMNS
    );
  });
  test("rows of the quarter by block and side, numbered from 1 in each block", () => {
    const cells = rows.flatMap((row) =>
      row.type === "cells" ? [row.cells] : [["—", row.spans.map((s) => s.text).join("|")]]
    );
    const blockStarts = cells.flatMap((c, i) => (c[0] === "—" ? [i] : []));
    assert.equal(blockStarts.length, 4, "the sides' row, then three blocks");
    const specialists = cells.slice((blockStarts[1] ?? 0) + 1, blockStarts[2]);
    assert.deepEqual(specialists[0], [
      "1",
      "Занятия с психологом",
      "10.11.2026",
      "социальный педагог",
      "выполнено 09.11.2026",
      "Беседа с матерью",
      "12.11.2026",
      "социальный педагог",
      "перенесено",
    ]);
    assert.deepEqual(specialists[1]?.slice(0, 3), [
      "2",
      "карта педагогического наблюдения",
      "20.11.2026",
    ]);
    const teaching = cells.slice((blockStarts[2] ?? 0) + 1, blockStarts[3]);
    assert.equal(teaching[0]?.[1], "Кружок «Умелые руки»");
    assert.equal(teaching[1]?.[0], "2", "at least two rows to fill by hand");
    const prevention = cells.slice((blockStarts[3] ?? 0) + 1);
    assert.equal(prevention[0]?.[5], "Родительское собрание");
    assert.equal(prevention[0]?.[1], null);
  });
  test("actions of other quarters, of other episodes and the order itself stay out", () => {
    const t = text(plan);
    assert.ok(!t.includes("поход"), "30.10 is in the holidays after quarter I");
    assert.ok(!t.includes("Чужое"));
    assert.ok(!filledValues(plan).includes("приказ"));
    const q1 = make(r, { kind: "plan", caseCode: "В-001", quarter: "I" });
    assert.ok(text(q1).includes("Осенние каникулы: поход"));
  });
  test("directions: the quarter's own, else the seed's five as suggestions", () => {
    assert.ok(text(plan).includes("Развитие эмоционально-волевой сферы"));
    assert.ok(!text(plan).includes(SUGGESTED_DIRECTIONS[0] ?? "?"));
    const empty = make(base, { kind: "plan", caseCode: "В-001", quarter: "II" });
    for (const d of SUGGESTED_DIRECTIONS) {
      assert.ok(text(empty).includes(d), d);
    }
  });
  test("approval: the council's protocol for level 1, the commission's постановление for level 2", () => {
    assert.ok(text(plan).includes("Протокол решения Совета профилактики"));
    assert.deepEqual(filledValues(plan).slice(0, 3), ["Оюн Алдын Борисовна", "15.09.2026", "4"]);
    const p2 = make(r, { kind: "plan", caseCode: "В-002", quarter: "II" });
    assert.ok(text(p2).includes("постановлением КДН и ЗП"));
    assert.ok(!text(p2).includes("Совета профилактики"));
    assert.deepEqual(filledValues(p2).slice(0, 2), ["05.10.2026", "25"]);
  });
  test("the quarter and the school year", () => {
    const values = filledValues(plan);
    assert.ok(values.includes("II"));
    assert.ok(values.includes("2026/2027"));
  });
});

describe("the draft order", () => {
  const deadlines: DocumentDeadline[] = [
    { case: "В-001", step: "meeting", due: "2026-09-22", done: null, status: "просрочено" },
    { case: "В-001", step: "observation", due: "2026-11-24", done: null, status: "предстоит" },
    { case: "В-003", step: "visit", due: "2026-09-01", done: null, status: "просрочено" },
    { case: null, step: "monthlyReport", due: "2026-12-07", done: null, status: "предстоит" },
  ];
  const m = make(familyRegister(), { kind: "order", caseCode: "В-001" }, deadlines);
  const t = text(m);
  test("number and date blank, the basis, the child, the curator, the deputy", () => {
    assert.ok(t.includes("ПРИКАЗ"));
    assert.ok(t.includes("ПРОЕКТ"));
    assert.ok(t.includes("на основании протокола Совета профилактики от 15.09.2026 № 4."), t);
    assert.ok(t.includes("на ранней стадии семейного неблагополучия (первая целевая группа)"));
    const values = filledValues(m);
    assert.ok(values.includes("Монгуш Айлана Айдыновна"));
    assert.ok(values.includes("Сагаан-оол Чечена Кимовна"));
    assert.ok(values.includes("Кара-Сал Долаана Викторовна"));
  });
  test("each step with its period and its due date from the deadlines of the day", () => {
    assert.ok(t.includes("в течение 7 дн. со дня постановки на учёт, до 22.09.2026"), t);
    assert.ok(
      t.includes("карта педагогического наблюдения — раз в 2 недели, ближайший срок 24.11.2026"),
      t
    );
    assert.ok(!t.includes("01.09.2026"), "another episode's deadline");
  });
  test("a step the profile does not track for the level is left out", () => {
    const base = familyRegister();
    const regulation = {
      ...base.regulation,
      steps: base.regulation.steps.map((s) => (s.step === "visit" ? { ...s, level1: null } : s)),
    };
    const t2 = text(make({ ...base, regulation }, { kind: "order", caseCode: "В-001" }));
    assert.ok(!t2.includes("выход в семью"));
    assert.ok(t2.includes("обследование жилищно-бытовых условий"));
  });
});

describe("«Почему на учёте»", () => {
  const deadlines: DocumentDeadline[] = [
    { case: "В-002", step: "visit", due: "2026-10-12", done: null, status: "просрочено" },
  ];
  const r = {
    ...familyRegister(),
    actions: [
      anAction({ caseCode: "В-002", step: "meeting", done: "2026-10-08", due: "2026-10-12" }),
    ],
  };
  const m = make(r, { kind: "why", caseCode: "В-002" }, deadlines);
  const t = text(m);
  test("indicators with their groups, the decision and who made it", () => {
    assert.ok(t.includes(`С14 — ${findIndicator("С14")?.full}; показатель второй целевой группы`));
    assert.ok(t.includes(`Р2 — ${findIndicator("Р2")?.full}; показатель первой целевой группы`));
    assert.ok(t.includes("постановление от 05.10.2026 № 25"));
    assert.ok(t.includes("по состоянию на 23.11.2026"));
  });
  test("done and due steps; removal only by the commission for level 2", () => {
    assert.ok(t.includes("08.10.2026"));
    assert.ok(t.includes("до 12.10.2026 (срок пропущен)"));
    assert.ok(t.includes("снимает только районная комиссия"));
  });
  test("no other child, no parent named", () => {
    for (const other of ["Айлана", "Чужой", "Чечек", "Айдын Оолакович"]) {
      assert.ok(!t.includes(other), other);
    }
  });
  test("level 1: the council removes", () => {
    const t1 = text(make(familyRegister(), { kind: "why", caseCode: "В-001" }));
    assert.ok(t1.includes("снимает Совет профилактики школы"));
  });
});

describe("requests", () => {
  const r = familyRegister();
  const prep = (req: Omit<DocumentRequest, "made">) =>
    prepareDocument(r, { ...req, made: MADE }, []);
  test("an unknown code: the message names it and the closest codes", () => {
    const p = prep({ kind: "why", caseCode: "В-01" });
    assert.equal(p.ok, false);
    assert.match(
      p.ok ? "" : p.message,
      /нет случая с кодом «В-01»; похожие коды: «В-001», «В-002», «В-003»/
    );
  });
  test("codes match without regard to case and Latin look-alikes", () => {
    assert.equal(prep({ kind: "why", caseCode: "B-001" }).ok, true);
    assert.equal(prep({ kind: "why", caseCode: " в-001 " }).ok, true);
  });
  const warnings: [string, Omit<DocumentRequest, "made">, number][] = [
    [
      "annex 4 for a level-1 child without С-indicators",
      { kind: "kdn-child", caseCode: "В-001" },
      1,
    ],
    ["annex 4-а for the same", { kind: "kdn-family", caseCode: "В-001" }, 1],
    ["annex 4 for level 2", { kind: "kdn-child", caseCode: "В-002" }, 0],
    ["a plan for the quarter of the day", { kind: "plan", caseCode: "В-002" }, 0],
    [
      "a plan for the quarter of the registration",
      { kind: "plan", caseCode: "В-002", quarter: "I" },
      0,
    ],
  ];
  for (const [name, req, count] of warnings) {
    test(name, () => {
      const p = prep(req);
      assert.ok(p.ok);
      assert.equal(p.warnings.length, count, p.warnings.join("; "));
    });
  }
  const quarters: [string, Partial<Episode>, "I" | "II" | "III", boolean][] = [
    ["registered after the quarter", { registered: "2026-11-16" }, "I", true],
    ["registered in the holidays after it", { registered: "2026-10-30" }, "I", false],
    [
      "removed before the quarter",
      { registered: "2026-09-10", removed: "2026-12-30" },
      "III",
      true,
    ],
    ["removed on its first day", { registered: "2026-09-10", removed: "2027-01-09" }, "III", true],
    [
      "removed on its second day",
      { registered: "2026-09-10", removed: "2027-01-10" },
      "III",
      false,
    ],
    ["not registered", { level: null, registered: null }, "II", true],
  ];
  for (const [name, e, quarter, warned] of quarters) {
    test(`a plan: ${name}`, () => {
      const p = prepareDocument(
        aRegister({ episodes: [anEpisode({ code: "В-8", ...e })] }),
        { kind: "plan", caseCode: "В-8", quarter, made: MADE },
        []
      );
      assert.ok(p.ok);
      assert.equal(p.warnings.length, warned ? 1 : 0, p.warnings.join("; "));
    });
  }
  test("annex 4 for a level-1 episode whose indicators suggest group 2: no warning", () => {
    const e = anEpisode({ code: "В-7", level: 1, indicators: ["Р2", "С1"] });
    const p = prepareDocument(
      aRegister({ episodes: [e] }),
      { kind: "kdn-child", caseCode: "В-7", made: MADE },
      []
    );
    assert.ok(p.ok && p.warnings.length === 0);
  });
  test("a signal card: none for the episode → the rows of cards without a code", () => {
    const p = prepareDocument(
      aRegister({ episodes: r.episodes, signals: [aSignal({ row: 7 })] }),
      { kind: "signal", caseCode: "В-001", made: MADE },
      []
    );
    assert.equal(p.ok, false);
    assert.match(p.ok ? "" : p.message, /карты без кода — в строках 7/);
  });
  test("several cards of one episode: the earliest, and a note", () => {
    const p = prepareDocument(
      aRegister({
        episodes: r.episodes,
        signals: [
          aSignal({ row: 3, caseCode: "В-001", date: "2026-10-01" }),
          aSignal({ row: 2, caseCode: "В-001", date: "2026-11-01" }),
        ],
      }),
      { kind: "signal", caseCode: "В-001", made: MADE },
      []
    );
    assert.ok(p.ok);
    assert.equal(p.context.signal?.row, 3);
    assert.equal(p.notes.length, 1);
  });
  test("no case and no row", () => {
    assert.equal(prep({ kind: "plan" }).ok, false);
  });
});

describe("closestCodes", () => {
  const codes = ["В-040", "В-041", "В-014", "В-100", "А-041"];
  test("leading zeros, case and look-alikes ignored; nearest first", () => {
    assert.deepEqual(closestCodes("в-41", codes), ["В-041", "А-041", "В-040"]);
    assert.deepEqual(closestCodes("В-41", ["В-001", "В-004", "В-011", "В-031", "В-040"]), [
      "В-040",
      "В-031",
      "В-011",
    ]);
    assert.deepEqual(closestCodes("B-100", codes, 1), ["В-100"]);
  });
});

describe("the sheet layout", () => {
  const r = familyRegister({
    signals: [aSignal({ caseCode: "В-001" })],
    actions: [
      anAction({
        caseCode: "В-001",
        title:
          "Очень длинное название мероприятия, которое не помещается в одну строку столбца таблицы плана",
        due: "2026-11-10",
      }),
    ],
  });
  for (const kind of DOCUMENT_KINDS) {
    test(kind, () => {
      const model = make(r, { kind, caseCode: kind.startsWith("kdn") ? "В-002" : "В-001" });
      const layout = documentSheet(model);
      // Areas stay on the grid and never overlap.
      const taken = new Set<string>();
      for (const a of layout.areas) {
        assert.ok(a.col >= 0 && a.col + a.cols <= GRID_COLUMNS, `${a.text} in the grid`);
        assert.ok(a.row >= 0 && a.row + a.rows <= layout.rowHeights.length);
        for (let y = a.row; y < a.row + a.rows; y++) {
          for (let x = a.col; x < a.col + a.cols; x++) {
            const key = `${y}:${x}`;
            assert.ok(!taken.has(key), `overlap at ${key} («${a.text}»)`);
            taken.add(key);
          }
        }
      }
      // Every text of the model is on the sheet, in reading order.
      const texts = layout.areas
        .filter((a) => a.text !== "")
        .sort((a, b) => a.row - b.row || a.col - b.col)
        .map((a) => a.text);
      let at = 0;
      for (const t of documentTexts(model)) {
        const found = texts.indexOf(t, at);
        assert.ok(found >= 0, `«${t}» on the sheet after position ${at}`);
        at = found;
      }
      // Page: A4 portrait, margins, no gridlines, one page for the one-page forms.
      assert.equal(layout.page.paper, "A4");
      assert.equal(layout.page.orientation, "portrait");
      assert.equal(layout.page.margins.left, 2);
      assert.ok(layout.page.margins.right >= 1 && layout.page.margins.right <= 1.5);
      assert.ok(layout.page.margins.top >= 1 && layout.page.margins.top <= 1.5);
      assert.equal(layout.page.showGridLines, false);
      assert.equal(layout.page.fitToHeight, model.onePage ? 1 : 0);
      assert.equal(
        layout.columnWidths.reduce((a, b) => a + b, 0),
        510
      );
      // Captions are in small type directly under a ruled line.
      for (const a of layout.areas.filter((x) => /^\(.*\)$/.test(x.text) && x.style.size < 12)) {
        const above = layout.areas.filter(
          (x) => x.row + x.rows === a.row && x.col <= a.col && x.col + x.cols >= a.col + a.cols
        );
        assert.ok(
          above.some((x) => x.style.border?.bottom),
          `a line above «${a.text}»`
        );
      }
      // Serif 12–14 pt for the text; blank dates as the form prints them.
      assert.equal(layout.fontName, "Times New Roman");
      const body = layout.areas.filter((a) => a.style.border?.top !== true && !/^\(/.test(a.text));
      assert.ok(
        body.every((a) => a.style.size >= 10 || a.text === ""),
        "body text 10 pt or more"
      );
      assert.equal(texts.includes(BLANK_DATE), kind !== "why" && kind !== "signal", "blank date");
    });
  }
  test("a one-page form fits A4 at 100 % (757 pt of rows)", () => {
    for (const kind of [
      "signal",
      "vshu-child",
      "vshu-family",
      "kdn-child",
      "kdn-family",
      "why",
    ] as const) {
      const layout = documentSheet(
        make(r, { kind, caseCode: kind.startsWith("kdn") ? "В-002" : "В-001" })
      );
      const height = layout.rowHeights.reduce((a, b) => a + b, 0);
      assert.ok(height <= 757, `${kind}: ${height} pt`);
    }
  });
});

describe("documentSheetName", () => {
  test("at most 31 characters, no characters Excel refuses, unique", () => {
    const long = {
      kind: "vshu-family" as const,
      subject: "семья Очень-Длинная-Фамилия/Вторая [1]",
    };
    const a = documentSheetName(long);
    assert.ok(a.length <= 31, a);
    assert.ok(!/[[\]:*?/\\]/.test(a), a);
    const b = documentSheetName(long, [a]);
    assert.notEqual(a, b);
    assert.ok(b.length <= 31 && b.endsWith("(2)"), b);
    assert.equal(documentSheetName({ kind: "plan", subject: "Иванов И. И." }), "ИПС Иванов И. И.");
  });
});
