/**
 * «Мероприятия» of the demo register: the regulated steps of each episode, done on time, late or
 * not yet by the episode's profile, and free plan actions with their «Блок». Every date is
 * counted from the demo date and the episodes' dates (./demoRegister.ts).
 */
import { computeDueDate, settleDueDate, type Period } from "../deadlines/computeDueDate";
import { nextQuarterEnd } from "../deadlines/nextQuarterEnd";
import { STEP_DEFINITIONS } from "../deadlines/steps";
import { addDays, addMonths, type IsoDate } from "../dates/isoDate";
import { defaultQuarters } from "../register/defaults";
import { ACTION_COLUMNS, STEPS, type Block, type StepKey } from "../register/schema";
import {
  backToWorking,
  cycle,
  dateCell,
  forwardToWorking,
  makeRow,
  minDate,
  type BuiltEpisode,
  type DemoContext,
  type Row,
} from "./demoContext";
import { STAFF } from "./demoPeople";

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
