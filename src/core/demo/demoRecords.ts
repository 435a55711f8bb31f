/**
 * The record sheets of the demo register: «Мероприятия» (regulated steps and free plan
 * actions), «Помощь», «Занятость», «Служба», «Соцпаспорт», «Сигналы». Every date is counted
 * from the demo date and the episodes' dates (./demoRegister.ts).
 */
import { computeDueDate, settleDueDate, type Period } from "../deadlines/computeDueDate";
import { nextQuarterEnd } from "../deadlines/nextQuarterEnd";
import { STEP_DEFINITIONS } from "../deadlines/steps";
import { defaultQuarters } from "../register/defaults";
import { addDays, addMonths, ageOn, daysBetween, type IsoDate } from "../dates/isoDate";
import {
  ACTION_COLUMNS,
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  ASSISTANCE_COLUMNS,
  ASSISTANCE_KINDS,
  PASSPORT_CATEGORIES,
  PASSPORT_COLUMNS,
  SERVICE_COLUMNS,
  SERVICE_KINDS,
  SIGNAL_COLUMNS,
  STEPS,
  type ActivityKind,
  type AssistanceKind,
  type Block,
  type PassportCategory,
  type ServiceKind,
  type StepKey,
} from "../register/schema";
import {
  backToWorking,
  cycle,
  dateCell,
  forwardToWorking,
  makeRow,
  maxDate,
  minDate,
  type BuiltEpisode,
  type DemoContext,
  type Row,
} from "./demoContext";
import { parseIndicatorCodes } from "../indicators/parseCodes";
import { FAMILIES, SCHOOL, STAFF, VILLAGE, type FamilySeed } from "./demoPeople";

// ---- «Мероприятия» -----------------------------------------------------------------------

const STEP_TITLE = new Map(STEPS.map((s) => [s.key, s.title]));
const STEP_NAME = new Map(STEP_DEFINITIONS.map((s) => [s.key, s.name]));

const STEP_RESPONSIBLE: Readonly<Record<StepKey, string>> = {
  inform: STAFF.social,
  order: "директор",
  meeting: STAFF.deputy,
  visit: STAFF.social,
  inspection: STAFF.social,
  characteristic: STAFF.classTeacher,
  observation: STAFF.classTeacher,
  successReview: STAFF.psychologist,
  planReview: STAFF.deputy,
};

const STEP_SECTION: Readonly<Partial<Record<StepKey, string>>> = {
  visit: "родители",
  inspection: "родители",
  characteristic: "ребёнок",
  observation: "ребёнок",
  successReview: "ребёнок",
};

interface StepEntry {
  readonly step: StepKey;
  readonly due: IsoDate;
  readonly done: IsoDate | null;
  readonly note?: string;
}

function stepRow(e: BuiltEpisode, s: StepEntry): Row {
  return makeRow(ACTION_COLUMNS, {
    Код: e.code,
    Шаг: STEP_TITLE.get(s.step) ?? null,
    Раздел: STEP_SECTION[s.step] ?? null,
    Мероприятие: STEP_NAME.get(s.step) ?? null,
    Срок: dateCell(s.due),
    Ответственный: STEP_RESPONSIBLE[s.step],
    Выполнено: dateCell(s.done),
    Примечание: s.note ?? null,
  });
}

const due = (ctx: DemoContext, base: IsoDate, period: Period): IsoDate =>
  computeDueDate(base, period, ctx.calendar).due;

/**
 * Completions of a recurring step done on time: each on the due date counted from the previous
 * one (or from registration), while that date is not after `limit`. The last `keep` are kept.
 */
function chain(
  ctx: DemoContext,
  step: StepKey,
  registered: IsoDate,
  limit: IsoDate,
  next: (after: IsoDate) => IsoDate | null,
  keep: number
): StepEntry[] {
  const out: StepEntry[] = [];
  let last = registered;
  for (let i = 0; i < 40; i++) {
    const nominal = next(last);
    if (nominal === null || nominal > limit) {
      break;
    }
    const settled = settleDueDate(nominal, ctx.calendar).due;
    const done = settled <= limit ? settled : nominal;
    out.push({ step, due: settled, done });
    last = done;
  }
  return out.slice(Math.max(0, out.length - keep));
}

/** The regulated steps of one episode, by its profile (see `Profile` in ./demoPeople.ts). */
function stepEntries(ctx: DemoContext, e: BuiltEpisode): StepEntry[] {
  const orderDue = due(ctx, e.identified, { days: 14 });
  // «информирование» the same day as identification (a 0-day period, moved off a day off).
  const inform: StepEntry = {
    step: "inform",
    due: due(ctx, e.identified, { days: 0 }),
    done: e.identified,
  };
  const reg = e.registered;
  if (reg === null) {
    const note =
      e.seed.source === "ПДН ОВД" ? "ожидаются материалы ПДН ОВД" : "проект приказа готовится";
    return [inform, { step: "order", due: orderDue, done: null, note }];
  }
  const profile = e.seed.profile;
  if (profile === "none") {
    return [];
  }
  const limit = minDate(addDays(ctx.on, -1), e.removed ?? ctx.on);
  if (limit < reg) {
    return [];
  }
  const weekDue = due(ctx, reg, { days: 7 });
  const doneAfter = (days: number): IsoDate =>
    forwardToWorking(ctx, minDate(addDays(reg, days), limit), limit);
  const out: StepEntry[] = [inform, { step: "order", due: orderDue, done: reg }];
  const once = (step: StepKey, days: number | null, note?: string): void => {
    const entry: StepEntry = { step, due: weekDue, done: days === null ? null : doneAfter(days) };
    out.push(note === undefined ? entry : { ...entry, note });
  };
  switch (profile) {
    case "full": {
      once("meeting", 2);
      once("visit", 3);
      once("inspection", 3);
      once("characteristic", 5);
      out.push(...chain(ctx, "observation", reg, limit, (d) => addDays(d, 14), 2));
      out.push(...chain(ctx, "successReview", reg, limit, (d) => addMonths(d, 1), 2));
      // Reviews at the quarter ends since registration, the previous school year's included.
      const previous = defaultQuarters(ctx.startYear - 1);
      const nextEnd = (d: IsoDate): IsoDate | null =>
        nextQuarterEnd(previous, d) ?? nextQuarterEnd(ctx.quarters, d);
      out.push(...chain(ctx, "planReview", reg, limit, nextEnd, 1));
      break;
    }
    case "lagging": {
      once("meeting", 2);
      once("visit", 4);
      once("inspection", null, "не проведено: семья не открыла дверь, нужен повторный выход");
      if (addDays(reg, 9) <= limit) {
        once("characteristic", 9, "подготовлена с опозданием");
      } else {
        once("characteristic", null);
      }
      out.push(...chain(ctx, "observation", reg, limit, (d) => addDays(d, 14), 40).slice(0, 1));
      break;
    }
    case "today":
    case "todayPartial": {
      once("meeting", profile === "todayPartial" ? 2 : null);
      once("visit", null);
      once("inspection", null);
      once("characteristic", null);
      break;
    }
    case "soon": {
      once("meeting", null, "заседание назначено");
      once("visit", null);
      break;
    }
  }
  return out;
}

interface PlanTemplate {
  readonly section: "ребёнок" | "родители";
  readonly direction: string;
  readonly title: string;
  readonly responsible: string;
  /** «Блок» (version 2): the row block of the plan's table (annex 5). */
  readonly block: Block;
}

const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    section: "ребёнок",
    direction: "психолого-педагогическое сопровождение",
    title: "Индивидуальные занятия с педагогом-психологом (1 раз в неделю)",
    responsible: STAFF.psychologist,
    block: "специалисты",
  },
  {
    section: "родители",
    direction: "социально-правовая помощь",
    title: "Консультация по оформлению мер социальной поддержки семьи",
    responsible: STAFF.social,
    block: "специалисты",
  },
  {
    section: "ребёнок",
    direction: "контроль посещаемости и успеваемости",
    title: "Ежедневный контроль посещаемости, еженедельная сверка с журналом",
    responsible: STAFF.classTeacher,
    block: "учебно-воспитательная",
  },
  {
    section: "родители",
    direction: "психолого-педагогическое просвещение",
    title: "Беседа с родителями о детско-родительских отношениях",
    responsible: STAFF.psychologist,
    block: "профилактическая",
  },
  {
    section: "ребёнок",
    direction: "организация досуга",
    title: "Вовлечение в кружок или спортивную секцию",
    responsible: STAFF.classTeacher,
    block: "учебно-воспитательная",
  },
  {
    section: "родители",
    direction: "контроль условий проживания",
    title: "Повторное обследование жилищно-бытовых условий",
    responsible: STAFF.social,
    block: "профилактическая",
  },
  {
    section: "ребёнок",
    direction: "профилактика правонарушений",
    title: "Профилактическая беседа о правилах поведения и ответственности",
    responsible: STAFF.pdn,
    block: "профилактическая",
  },
  {
    section: "родители",
    direction: "медицинское сопровождение",
    title: "Содействие в прохождении медицинского осмотра ребёнка",
    responsible: STAFF.medic,
    block: "специалисты",
  },
];

/** Free plan actions (no «Шаг») of an open registered episode: two to four per episode. */
function planRows(ctx: DemoContext, e: BuiltEpisode, i: number): Row[] {
  const reg = e.registered;
  if (reg === null || e.removed !== null || e.seed.profile === "none") {
    return [];
  }
  const rows: Row[] = [];
  const count = 2 + (i % 3);
  for (let k = 0; k < count; k++) {
    const t = cycle(PLAN_TEMPLATES, i + k * 3);
    const term = addDays(reg, 10 * (k + 1) + (i % 5));
    const done =
      term < ctx.on && (i + k) % 4 !== 3 ? backToWorking(ctx, addDays(term, -1), reg) : null;
    rows.push(
      makeRow(ACTION_COLUMNS, {
        Код: e.code,
        Раздел: t.section,
        Направление: t.direction,
        Мероприятие: t.title,
        Срок: dateCell(term),
        Ответственный: t.responsible,
        Блок: t.block,
        Выполнено: dateCell(done),
        Примечание: done === null && term < ctx.on ? "перенесено: родители не явились" : null,
      })
    );
  }
  return rows;
}

export function actionRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const rows: Row[] = [];
  episodes.forEach((e, i) => {
    rows.push(...stepEntries(ctx, e).map((s) => stepRow(e, s)));
    rows.push(...planRows(ctx, e, i));
  });
  return rows;
}

// ---- «Помощь» -----------------------------------------------------------------------------

/** A kind of help with what it was, and whether it fits a family and an episode's indicators. */
interface HelpOption {
  readonly kind: AssistanceKind;
  readonly content: string;
  readonly fits: (family: FamilySeed | undefined, codes: readonly string[]) => boolean;
}

const HELP_TITLE = new Map(ASSISTANCE_KINDS.map((k) => [k.key, k.title]));

const has = (codes: readonly string[], ...wanted: string[]): boolean =>
  wanted.some((c) => codes.includes(c));
const needy = (f: FamilySeed | undefined, codes: readonly string[]): boolean =>
  /малообеспеч|многодет/.test(f?.status ?? "") || has(codes, "Р2", "Р3", "С2", "С3");
const always = (): boolean => true;

/**
 * Help that agrees with the family: a parent named in the help exists in «Семьи», material
 * help goes to low-income or large families (or Р2/Р3/С2/С3), employment to a family with
 * unemployment (Р1/С1), treatment where the indicators speak of health or drinking; a child
 * whose family is not entered gets help for the child only.
 */
export const HELP_OPTIONS: readonly HelpOption[] = [
  {
    kind: "psychological",
    content: "Индивидуальная консультация педагога-психолога",
    fits: always,
  },
  { kind: "psychological", content: "Коррекционно-развивающее занятие с ребёнком", fits: always },
  {
    kind: "psychological",
    content: "Консультация матери по детско-родительским отношениям",
    fits: (f) => (f?.mother ?? "") !== "",
  },
  {
    kind: "psychological",
    content: "Консультация отца по детско-родительским отношениям",
    fits: (f) => (f?.father ?? "") !== "",
  },
  {
    kind: "psychological",
    content: "Консультация опекуна по вопросам воспитания",
    fits: (f) => (f?.guardian ?? "") !== "",
  },
  { kind: "financial", content: "Бесплатное горячее питание (приказ по школе)", fits: needy },
  {
    kind: "financial",
    content: "Единовременная материальная помощь (решение родительского комитета)",
    fits: (f, c) => f !== undefined && needy(f, c),
  },
  {
    kind: "financial",
    content: "Содействие в оформлении единого пособия на ребёнка",
    fits: (f, c) => f !== undefined && needy(f, c),
  },
  {
    kind: "clothing",
    content: "Зимняя одежда и обувь (акция «Соберём детей в школу»)",
    fits: needy,
  },
  { kind: "clothing", content: "Комплект школьных принадлежностей", fits: needy },
  { kind: "clothing", content: "Школьная форма из фонда взаимопомощи", fits: needy },
  {
    kind: "employment",
    content: "Направление матери в центр занятости населения",
    fits: (f, c) => (f?.mother ?? "") !== "" && has(c, "Р1", "С1"),
  },
  {
    kind: "employment",
    content: "Содействие отцу в трудоустройстве на сезонные работы",
    fits: (f, c) => (f?.father ?? "") !== "" && has(c, "Р1", "С1"),
  },
  {
    kind: "treatment",
    content: "Запись к педиатру ЦКБ и сопровождение на приём",
    fits: (_f, c) => has(c, "Р4", "Р6", "С4", "С6", "С14"),
  },
  {
    kind: "treatment",
    content: "Направление родителя на консультацию к наркологу (по согласованию)",
    fits: (f, c) => ((f?.mother ?? "") !== "" || (f?.father ?? "") !== "") && has(c, "Р5", "С5"),
  },
  {
    kind: "treatment",
    content: "Содействие в получении путёвки в санаторий",
    fits: (_f, c) => has(c, "Р4", "Р6", "С4", "С6"),
  },
];

const onRegister = (e: BuiltEpisode, on: IsoDate): boolean =>
  e.registered !== null && e.registered <= on && (e.removed === null || e.removed > on);

const familyOf = (e: BuiltEpisode): FamilySeed | undefined =>
  FAMILIES.find((f) => f.code === e.child.family);

/** The help that fits an episode's family and indicators. */
function fittingHelp(e: BuiltEpisode): HelpOption[] {
  const codes = parseIndicatorCodes(e.seed.indicators).codes;
  const family = familyOf(e);
  return HELP_OPTIONS.filter((o) => o.fits(family, codes));
}

/**
 * About 25 rows, every kind, dated within the report period and after each registration, each
 * agreeing with its family: first one row of each kind (for the first episode it fits), then
 * the episodes in turn, each with the next kind that fits it.
 */
export function assistanceRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const eligible = episodes.filter((e) => onRegister(e, ctx.on));
  const picks: { e: BuiltEpisode; help: HelpOption }[] = [];
  for (const kind of ASSISTANCE_KINDS) {
    for (const e of eligible) {
      const help = fittingHelp(e).find((o) => o.kind === kind.key);
      if (help) {
        picks.push({ e, help });
        break;
      }
    }
  }
  for (let i = 0; picks.length < 25 && i < 200 && eligible.length > 0; i++) {
    const e = cycle(eligible, i);
    const fits = fittingHelp(e);
    for (let k = 0; k < ASSISTANCE_KINDS.length; k++) {
      const kind = cycle(ASSISTANCE_KINDS, i + k).key;
      const options = fits.filter((o) => o.kind === kind);
      if (options.length > 0) {
        picks.push({ e, help: cycle(options, i) });
        break;
      }
    }
  }
  return picks.map(({ e, help }, i) => {
    const lower = maxDate(ctx.from, e.registered ?? ctx.from);
    const span = Math.max(0, daysBetween(lower, ctx.on));
    const date = backToWorking(ctx, addDays(lower, (i * 7 + 3) % (span + 1)), lower);
    return makeRow(ASSISTANCE_COLUMNS, {
      Код: e.code,
      Дата: dateCell(date),
      "Вид помощи": HELP_TITLE.get(help.kind) ?? null,
      Содержание: help.content,
    });
  });
}

// ---- «Занятость» --------------------------------------------------------------------------

const ACTIVITY_TITLE = new Map(ACTIVITY_KINDS.map((k) => [k.key, k.title]));

const ACTIVITIES: readonly {
  readonly kind: ActivityKind;
  readonly name: string;
  readonly startAgo: number;
  readonly endAgo: number | null;
}[] = [
  { kind: "schoolClubs", name: "Хоомей (горловое пение)", startAgo: 150, endAgo: null },
  { kind: "sports", name: "Национальная борьба хуреш", startAgo: 120, endAgo: null },
  { kind: "tourism", name: "Юный турист", startAgo: 90, endAgo: 12 },
  { kind: "other", name: "Юнармия", startAgo: 100, endAgo: null },
  { kind: "schoolClubs", name: "Робототехника", startAgo: 80, endAgo: 20 },
  { kind: "sports", name: "Волейбол", startAgo: 70, endAgo: null },
  { kind: "schoolClubs", name: "Юный художник", startAgo: 60, endAgo: null },
  { kind: "other", name: "Волонтёрский отряд «Доброе сердце»", startAgo: 55, endAgo: null },
  { kind: "tourism", name: "Краеведы Хемчика", startAgo: 45, endAgo: null },
  { kind: "sports", name: "Стрельба из лука", startAgo: 40, endAgo: 5 },
  { kind: "schoolClubs", name: "Вокальная студия", startAgo: 35, endAgo: null },
  { kind: "sports", name: "Вольная борьба", startAgo: 30, endAgo: null },
  { kind: "other", name: "Клуб чтения при сельской библиотеке", startAgo: 25, endAgo: null },
  { kind: "tourism", name: "Юный турист", startAgo: 20, endAgo: null },
  { kind: "schoolClubs", name: "Шахматы", startAgo: 15, endAgo: 3 },
];

/** 15 rows of every kind, some ended before the demo date. */
export function activityRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const eligible = episodes.filter((e) => onRegister(e, ctx.on));
  if (eligible.length === 0) {
    return [];
  }
  return ACTIVITIES.map((a, i) => {
    const e = cycle(eligible, i * 2 + 1);
    return makeRow(ACTIVITY_COLUMNS, {
      Код: e.code,
      Вид: ACTIVITY_TITLE.get(a.kind) ?? null,
      Объединение: a.name,
      "Дата начала": dateCell(addDays(ctx.on, -a.startAgo)),
      "Дата окончания": dateCell(a.endAgo === null ? null : addDays(ctx.on, -a.endAgo)),
    });
  });
}

// ---- «Служба» -----------------------------------------------------------------------------

const SERVICE_TITLE = new Map(SERVICE_KINDS.map((k) => [k.key, k.title]));

const SERVICE_PATTERN: readonly ServiceKind[] = [
  "consultationsIndividual",
  "pedagogicalCouncils",
  "consultationsGroup",
  "consultationsIndividual",
  "trainings",
  "plansCarriedOut",
  "commissionMeetings",
  "consultationsIndividual",
  "consultationsGroup",
  "consultationsIndividual",
];

const SERVICE_NOTES: Readonly<Record<ServiceKind, readonly string[]>> = {
  consultationsIndividual: [
    "консультации учащихся группы риска",
    "консультации родителей",
    "по запросу классных руководителей",
  ],
  consultationsGroup: ["родительское собрание 5–7 классов", "групповая консультация для опекунов"],
  trainings: ["тренинг «Учимся общаться без конфликтов»", "тренинг для подростков «Мой выбор»"],
  plansCarriedOut: ["выполнены мероприятия ИПС за период"],
  commissionMeetings: ["заседание КДН и ЗП кожууна"],
  pedagogicalCouncils: ["педсовет: итоги профилактической работы", "МО классных руководителей"],
};

/** 30 log rows spread from quarter I's start to the demo date (working days). */
export function serviceRows(ctx: DemoContext): Row[] {
  const span = Math.max(0, daysBetween(ctx.from, ctx.on));
  const rows: Row[] = [];
  for (let k = 0; k < 30; k++) {
    const nominal = addDays(ctx.from, Math.floor((k * span) / 29));
    const back = backToWorking(ctx, nominal, ctx.from);
    const date = ctx.calendar.isWorkingDay(back) ? back : forwardToWorking(ctx, nominal, ctx.on);
    const kind = cycle(SERVICE_PATTERN, k);
    const count = kind === "consultationsIndividual" ? 1 + (k % 3) : 1;
    const covered =
      kind === "consultationsIndividual"
        ? count
        : kind === "consultationsGroup"
          ? 6 + (k % 9)
          : kind === "trainings"
            ? 10 + (k % 12)
            : kind === "plansCarriedOut"
              ? 1
              : kind === "commissionMeetings"
                ? k % 3
                : 20 + (k % 8);
    rows.push(
      makeRow(SERVICE_COLUMNS, {
        Дата: dateCell(date),
        "Вид работы": SERVICE_TITLE.get(kind) ?? null,
        Количество: count,
        Охвачено: covered,
        Примечание: cycle(SERVICE_NOTES[kind], k),
      })
    );
  }
  return rows;
}

// ---- «Соцпаспорт» -------------------------------------------------------------------------

/**
 * Children per category and class 1…11 (index 0 = class 1). «Нуждающиеся в поддержке» holds
 * the form's «в том числе» rows (с потерей кормильца … многодетных), so none of them exceeds
 * it (a family may be in several of them); «Полные благополучные» is what is left of the class
 * after the families in need and a few that are neither.
 */
const NEED_SUPPORT = [9, 8, 10, 8, 10, 9, 7, 8, 7, 5, 5] as const;
const NEITHER = [2, 1, 2, 1, 2, 1, 1, 2, 1, 1, 0] as const;
const PASSPORT_PARTS: Readonly<Partial<Record<PassportCategory, readonly number[]>>> = {
  lostBreadwinner: [1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1],
  divorced: [2, 3, 1, 2, 3, 2, 1, 2, 2, 1, 1],
  singleParent: [3, 4, 3, 3, 4, 3, 3, 2, 3, 2, 2],
  disabledChildren: [0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0],
  disabledParents: [1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1],
  guardianship: [1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0],
  unemployed: [3, 2, 4, 2, 3, 3, 2, 3, 2, 2, 1],
  largeFamilies: [6, 5, 7, 4, 6, 5, 4, 5, 3, 2, 2],
};
const CLASS_TOTALS = [24, 22, 25, 21, 26, 23, 20, 22, 19, 14, 12] as const;
/** Children of a class who have a brother or sister in the same class (twins of large families). */
const CLASS_SIBLINGS = [2, 0, 2, 0, 2, 0, 0, 2, 0, 0, 0] as const;

/**
 * One row per class 1А…11А: every «в том числе» row within «Нуждающиеся в поддержке», families
 * ≤ children, every category ≤ the class total (passportWarnings finds nothing).
 */
export function passportRows(): Row[] {
  return CLASS_TOTALS.map((total, i) => {
    const part = (c: PassportCategory): number => PASSPORT_PARTS[c]?.[i] ?? 0;
    const need = NEED_SUPPORT[i] ?? 0;
    const children: Record<PassportCategory, number> = {
      total,
      completeProsperous: total - need - (NEITHER[i] ?? 0),
      needSupport: need,
      lostBreadwinner: part("lostBreadwinner"),
      divorced: part("divorced"),
      singleParent: part("singleParent"),
      disabledChildren: part("disabledChildren"),
      disabledParents: part("disabledParents"),
      guardianship: part("guardianship"),
      unemployed: part("unemployed"),
      largeFamilies: part("largeFamilies"),
    };
    // Twins are one family: counted once in «Всего», «Нуждающиеся» and «Многодетные».
    const twins = (CLASS_SIBLINGS[i] ?? 0) / 2;
    const withTwins = new Set<PassportCategory>(["total", "needSupport", "largeFamilies"]);
    const values: Record<string, number | string> = { Класс: `${i + 1}А` };
    for (const c of PASSPORT_CATEGORIES) {
      const n = children[c.key];
      values[`${c.title}: детей`] = n;
      values[`${c.title}: семей`] = withTwins.has(c.key) ? n - twins : n;
    }
    return makeRow(PASSPORT_COLUMNS, values);
  });
}

// ---- «Сигналы» ----------------------------------------------------------------------------

/** Three signal cards: two about episodes of the register, one not yet entered (no code). */
export function signalRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const rows: Row[] = [];
  const fullName = (e: BuiltEpisode): string =>
    `${e.child.last} ${e.child.first} ${e.child.middle}`;
  const family = (e: BuiltEpisode) => FAMILIES.find((f) => f.code === e.child.family);
  const egorov = episodes.find((e) => e.seed.child === "egorov");
  if (egorov) {
    const f = family(egorov);
    rows.push(
      makeRow(SIGNAL_COLUMNS, {
        Дата: dateCell(egorov.identified),
        Код: egorov.code,
        "От кого": "ПДН ОВД по Барун-Хемчикскому кожууну",
        Специалист: "Саая Чодураа Валерьевна, инспектор ПДН",
        "Телефон специалиста": "8-923-000-02-02",
        "ФИО родителя": f?.mother ?? null,
        Статус: "мать",
        "Возраст родителя": 38,
        "Место работы": "временно не работает",
        Адрес: f?.address ?? null,
        "ФИО несовершеннолетнего": fullName(egorov),
        Возраст: ageOn(egorov.birth, egorov.identified),
        "Образовательная организация": SCHOOL,
        Причины: "3, 6",
        Другое: "ребёнок задержан в вечернее время без сопровождения взрослых",
        Неорганизован: "нет",
      })
    );
  }
  const novikov = episodes.find((e) => e.seed.child === "novikov");
  if (novikov) {
    const f = family(novikov);
    rows.push(
      makeRow(SIGNAL_COLUMNS, {
        Дата: dateCell(novikov.identified),
        Код: novikov.code,
        "От кого": "ГБУЗ РТ «Барун-Хемчикская ЦКБ» (вымышленное учреждение)",
        Специалист: "Куулар Саяна Олеговна, врач-педиатр",
        "Телефон специалиста": "8-923-000-03-03",
        "ФИО родителя": f?.father ?? null,
        Статус: "отец",
        "Возраст родителя": 41,
        "Место работы": "ООО «Хемчикстрой» (вымышленное), разнорабочий",
        Адрес: f?.address ?? null,
        "ФИО несовершеннолетнего": fullName(novikov),
        Возраст: ageOn(novikov.birth, novikov.identified),
        "Образовательная организация": SCHOOL,
        Причины: "2; 3",
        Другое: "синяки на руках и спине, объяснения родителей невнятные",
        Неорганизован: "нет",
      })
    );
  }
  const date = backToWorking(ctx, addDays(ctx.on, -4), addDays(ctx.on, -10));
  rows.push(
    makeRow(SIGNAL_COLUMNS, {
      Дата: dateCell(date),
      Код: null,
      "От кого": "классный руководитель 3Б",
      Специалист: "Бады Айыр Сергеевич, классный руководитель",
      "Телефон специалиста": "8-923-000-04-04",
      "ФИО родителя": "Байыр Алимаа Эдуардовна",
      Статус: "мать",
      "Возраст родителя": 29,
      "Место работы": "не работает",
      Адрес: `${VILLAGE}, ул. Степная, д. 40`,
      "ФИО несовершеннолетнего": "Байыр Сайзана Эдуардовна",
      Возраст: 9,
      "Образовательная организация": SCHOOL,
      Причины: "5, 13",
      Другое: "пропустила 12 дней без уважительной причины; мать на звонки не отвечает",
      Неорганизован: "нет",
    })
  );
  return rows;
}
