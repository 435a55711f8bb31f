/**
 * `plan` — annex 5, «Индивидуальный план сопровождения несовершеннолетнего (семьи)», for one
 * school quarter (documents.md §6). The table's rows are the episode's «Мероприятия» whose
 * «Срок» falls in the quarter (a date in the holidays belongs to the quarter before it, as in
 * the report): «Раздел» picks the side, «Блок» the block, «Выполнено» fills «Примечание».
 */
import { addDays, addMonths, formatDateRu, type IsoDate } from "../dates/isoDate";
import type { Action, Episode } from "../register/model";
import { quarterOf } from "../register/quarters";
import { QUARTERS, type Block, type Quarter } from "../register/schema";
import {
  familyStatus,
  fullName,
  indicatorWordings,
  label,
  line,
  orBlank,
  registrationDecision,
  schoolName,
  shortName,
  STEP_WORDS,
  value,
  type DocumentContext,
} from "./common";
import {
  DOCUMENT_NAMES,
  type DocumentBlock,
  type DocumentModel,
  type TableBlock,
  type TableRow,
} from "./model";

/** The seed's five directions, printed as suggestions when the quarter has none. */
export const SUGGESTED_DIRECTIONS: readonly string[] = [
  "Повышение школьной мотивации;",
  "Занятость ребенка во внеурочное время;",
  "Формирование социально-коммуникативных действий;",
  "Развитие эмоционально-волевой сферы;",
  "Работа с родителями по созданию благоприятного микроклимата в семье.",
];

/** The seed's six expected results. */
export const EXPECTED_RESULTS: readonly string[] = [
  "Повышение уровня школьной мотивации;",
  "Успешный переход в среднее звено;",
  "Отсутствие правонарушений;",
  "Сформированность эмоционально-волевой и социально-коммуникативных сфер по возрасту;",
  "Нормализация обстановки в семье;",
  "Участие в совместной социально значимой деятельности.",
];

/** The three blocks of rows: the child's title and the parents' title. */
export const PLAN_BLOCKS: readonly { key: Block; child: string; parents: string }[] = [
  {
    key: "специалисты",
    child:
      "Взаимодействие со специалистами образовательной организации (психолог, социальный педагог, воспитатель и др.)",
    parents:
      "Взаимодействие со специалистами образовательной организации (психолог, социальный педагог, воспитатель и др.)",
  },
  {
    key: "учебно-воспитательная",
    child:
      "Учебно-воспитательная деятельность (учителя предметники, педагоги дополнительного образования и др.)",
    parents:
      "Учебно-воспитательная деятельность (учителя предметники, педагоги дополнительного образования и др.)",
  },
  {
    key: "профилактическая",
    child: "Профилактическая работа с ребенком",
    parents: "Информационная, просветительская деятельность. Профилактическая работа с семьей",
  },
];

/** Rows of «Мероприятия» that make the plan, not its content: they lead to the plan. */
const NOT_IN_PLAN = new Set(["inform", "order", "meeting"]);

/** Empty numbered rows each block keeps at least, to fill by hand (the seed shows two). */
const MIN_ROWS = 2;

/**
 * The block of a row: «Блок», else «специалисты» for a regulated step (the curator's and the
 * specialists' work) and «профилактическая» for a free action (docs/decisions.md).
 */
export function planBlock(a: Action): Block {
  return a.block ?? (a.step !== null ? "специалисты" : "профилактическая");
}

/** The side of a row: «родители» → work with the parents, else work with the child. */
function planSide(a: Action): "child" | "parents" {
  return a.section === "родители" ? "parents" : "child";
}

/** The episode's actions of a quarter, in date order, that make the plan's table. */
export function quarterActions(ctx: DocumentContext, quarter: Quarter): Action[] {
  return ctx.actions
    .filter(
      (a) =>
        a.due !== null &&
        (a.step === null || !NOT_IN_PLAN.has(a.step)) &&
        quarterOf(a.due, ctx.settings.quarters) === quarter
    )
    .sort((a, b) =>
      (a.due ?? "") < (b.due ?? "") ? -1 : (a.due ?? "") > (b.due ?? "") ? 1 : a.row - b.row
    );
}

function actionCells(a: Action | undefined): (string | null)[] {
  if (!a) {
    return [null, null, null, null];
  }
  const note = [a.done ? `выполнено ${formatDateRu(a.done)}` : "", a.note.trim()]
    .filter((t) => t !== "")
    .join("; ");
  return [
    orBlank(a.title) ?? (a.step ? STEP_WORDS[a.step] : null),
    a.due ? formatDateRu(a.due) : null,
    orBlank(a.responsible),
    orBlank(note),
  ];
}

/** The table of section 3: 9 columns, the two sides, three blocks numbered from 1. */
export function planTable(actions: readonly Action[]): TableBlock {
  const rows: TableRow[] = [
    {
      type: "spans",
      style: "subheader",
      spans: [
        { text: "", columns: 1 },
        { text: "Работа с учащимися", columns: 4 },
        { text: "Работа с родителями", columns: 4 },
      ],
    },
  ];
  for (const block of PLAN_BLOCKS) {
    const mine = actions.filter((a) => planBlock(a) === block.key);
    const child = mine.filter((a) => planSide(a) === "child");
    const parents = mine.filter((a) => planSide(a) === "parents");
    rows.push({
      type: "spans",
      style: "section",
      spans: [
        { text: "", columns: 1 },
        { text: block.child, columns: 4 },
        { text: block.parents, columns: 4 },
      ],
    });
    const count = Math.max(child.length, parents.length, MIN_ROWS);
    for (let i = 0; i < count; i++) {
      rows.push({
        type: "cells",
        cells: [String(i + 1), ...actionCells(child[i]), ...actionCells(parents[i])],
      });
    }
  }
  // Nine columns on a portrait page: the two long headers are hyphenated where a typesetter
  // would, so that no word is broken at random in a narrow column.
  const side = [
    { header: "Основные виды деятельности", units: 11 },
    { header: "Срок", units: 7, align: "center" as const },
    { header: "Ответ-\nственный", units: 8 },
    { header: "Приме-\nчание", units: 7 },
  ];
  return {
    type: "table",
    columns: [{ header: "№", units: 2, align: "center" }, ...side, ...side],
    rows,
  };
}

/** «с 27.08.2026, уровень 1 — ранняя стадия семейного неблагополучия». */
function registrationText(e: Episode): string | null {
  if (e.level === null || e.registered === null) {
    return null;
  }
  const what =
    e.level === 2 ? "социально опасное положение" : "ранняя стадия семейного неблагополучия";
  return `с ${formatDateRu(e.registered)}, уровень ${e.level} — ${what}`;
}

/** The approval block: the director and the council's protocol, or the commission's постановление. */
function approval(ctx: DocumentContext, e: Episode): DocumentBlock {
  const d = registrationDecision(e);
  const dateLine = line(label("от"), value(d.date), label("№"), value(d.number, undefined, 0.6));
  if (d.body === "commission") {
    return {
      type: "corner",
      lines: [line(label("Утверждён")), line(label("постановлением КДН и ЗП")), dateLine],
    };
  }
  return {
    type: "corner",
    lines: [
      line(label("Утверждаю:")),
      line(label("Директор"), value(orBlank(ctx.settings.director))),
      line(label("Протокол решения Совета профилактики")),
      dateLine,
    ],
  };
}

/** Builds the plan of one school quarter. */
export function supportPlan(ctx: DocumentContext, e: Episode, quarter: Quarter): DocumentModel {
  const actions = quarterActions(ctx, quarter);
  const directions = [...new Set(actions.map((a) => a.direction.trim()).filter((d) => d !== ""))];
  const indicators = indicatorWordings(e.indicators);
  const blocks: DocumentBlock[] = [
    approval(ctx, e),
    { type: "space" },
    { type: "title", lines: ["Индивидуальный план сопровождения", "несовершеннолетнего (семьи)"] },
    { type: "space" },
    line(
      value(orBlank(fullName(e)), "(ФИО)", 2),
      label("обучающийся (-аяся)"),
      value(orBlank(e.className), undefined, 0.4),
      label("класса")
    ),
    line(value(schoolName(ctx.settings), "(наименование образовательной организации)")),
    line(label("состоящий (-ая) на внутришкольном учете школы"), value(registrationText(e))),
    line(
      label("на"),
      value(quarter, undefined, 0.3),
      label("четверть"),
      value(orBlank(ctx.settings.schoolYear), undefined, 0.6),
      label("уч. года")
    ),
    { type: "space" },
    {
      type: "text",
      style: "bold",
      text: "1. Исходный уровень: (статус семьи, основные социальные, психолого-педагогические характеристики)",
    },
    line(label("Статус семьи:"), value(familyStatus(ctx.family))),
    line(label("Показатели неблагополучия:")),
    ...(indicators.length > 0
      ? [
          {
            type: "list" as const,
            marker: "dash" as const,
            items: indicators.map((text) => ({ text })),
          },
        ]
      : [line(value(null))]),
    line(label("Характеристика:"), value(null)),
    line(value(null)),
    {
      type: "text",
      style: "bold",
      text: "2. Направления коррекционной работы: (определяются специалистами)",
    },
    {
      type: "list",
      marker: "tick",
      items: (directions.length > 0 ? directions : SUGGESTED_DIRECTIONS).map((text) => ({ text })),
    },
    { type: "text", style: "bold", text: "3. План коррекционной и восстановительной работы:" },
    planTable(actions),
    {
      type: "text",
      style: "note",
      text: "2*, 4* – предложенные направления и результаты – как вариант",
    },
    { type: "text", style: "bold", text: "4* Ожидаемые результаты:" },
    { type: "list", marker: "tick", items: EXPECTED_RESULTS.map((text) => ({ text })) },
    { type: "space" },
    { type: "signature", role: "План составил:", name: orBlank(e.curator) },
    {
      type: "signature",
      role: "С планом ознакомлен(а): родитель (законный представитель)",
      name: null,
      date: null,
    },
  ];
  return {
    kind: "plan",
    name: DOCUMENT_NAMES.plan,
    subject: shortName(e),
    caseCode: e.code,
    onePage: false,
    blocks,
  };
}

/**
 * The days a school quarter covers as the plan counts them (as `quarterOf`: the holidays after a
 * quarter belong to it): from its start to the day before the next quarter's start, the last
 * quarter up to a year after the first start. Null when the settings have no dates for it.
 */
export function quarterSpan(
  quarters: DocumentContext["settings"]["quarters"],
  quarter: Quarter
): { from: IsoDate; to: IsoDate } | null {
  const own = quarters[quarter];
  if (!own) {
    return null;
  }
  const starts = QUARTERS.map((q) => quarters[q]?.from).filter(
    (d): d is IsoDate => d !== undefined
  );
  const next = starts.filter((d) => d > own.from).sort()[0];
  const first = [...starts].sort()[0] ?? own.from;
  return { from: own.from, to: addDays(next ?? addMonths(first, 12), -1) };
}

/** Whether the episode was on the register on some day of the quarter's span. */
export function onRegisterInQuarter(
  e: Pick<Episode, "registered" | "removed" | "level">,
  span: { from: IsoDate; to: IsoDate }
): boolean {
  return (
    e.level !== null &&
    e.registered !== null &&
    e.registered <= span.to &&
    (e.removed === null || e.removed > span.from)
  );
}
