/**
 * The demo register (`vshu demo`): a fictional school's register filled with sample data, every
 * date counted back from the demo date `on`, so the deadlines list on `on` shows a mix of
 * «выполнено», «просрочено», «сегодня» and «предстоит», and the report for the school year so
 * far has something in every section. Deterministic: the same `on` gives the same register.
 *
 * The people are in ./demoPeople.ts; «Мероприятия» in ./demoActions.ts, «Помощь» in
 * ./demoAssistance.ts, the other record sheets in ./demoRecords.ts.
 */
import { createProductionCalendar } from "../calendar/productionCalendar";
import { addDays, formatDateRu, isIsoDate, type IsoDate } from "../dates/isoDate";
import { defaultQuarters, defaultSettings, schoolYearOf } from "../register/defaults";
import type { Cell } from "../register/model";
import { defaultRegulationRows } from "../register/regulation";
import {
  CASE_COLUMNS,
  CONTRACT_VERSION,
  DEFAULT_REGION,
  FAMILY_COLUMNS,
  JOURNAL_COLUMNS,
  PARENT_COMMUNITY_PARAMS,
  SETTING,
  SETTINGS_PARAMS,
  type SheetKey,
} from "../register/schema";
import { TRANSFER_REASON } from "../report/transfers";
import {
  backToWorking,
  dateCell,
  makeRow,
  minDate,
  type BuiltEpisode,
  type DemoContext,
  type Row,
} from "./demoContext";
import {
  CHILDREN,
  COORDINATOR,
  DISTRICT,
  EPISODES,
  FAMILIES,
  SCHOOL,
  SCHOOL_PEOPLE,
  type ChildSeed,
} from "./demoPeople";
import { actionRows } from "./demoActions";
import { assistanceRows } from "./demoAssistance";
import { activityRows, passportRows, serviceRows, signalRows } from "./demoRecords";

export interface DemoRegister {
  /** Rows of each sheet keyed by the contract's header text; dates as { date: "YYYY-MM-DD" }. */
  readonly sheets: Partial<Record<SheetKey, Record<string, Cell>[]>>;
  /** The period the demo report is built for: from quarter I's start of the school year of `on` to `on`. */
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
}

/** Section VI counts of the demo school, in the order of PARENT_COMMUNITY_PARAMS. */
const PARENT_COMMUNITY_COUNTS = [1, 2, 1, 1, 3, 2, 1, 0] as const;

/** Ground of removal that ends a level-1 episode when the child moves to level 2. */
export { TRANSFER_REASON };

/**
 * Builds the demo register for a date.
 *
 * The school year is that of `on` (from 1 July, see `schoolYearOf`); in July and August, before
 * quarter I of that year starts, the demo uses the school year that has just ended, so the report
 * period (quarter I's start to `on`) is never empty.
 * @param on the demo date («today»), `YYYY-MM-DD`
 * @throws RangeError when `on` is not an ISO date
 * @example buildDemoRegister("2026-11-23").period //=> { from: "2026-09-01", to: "2026-11-23" }
 */
export function buildDemoRegister(on: IsoDate): DemoRegister {
  if (!isIsoDate(on)) {
    throw new RangeError(`«${on}» — не дата в виде ГГГГ-ММ-ДД`);
  }
  let startYear = Number(schoolYearOf(on).slice(0, 4));
  if (on < defaultQuarters(startYear).I.from) {
    startYear -= 1;
  }
  const quarters = defaultQuarters(startYear);
  const ctx: DemoContext = {
    on,
    from: quarters.I.from,
    startYear,
    quarters,
    calendar: createProductionCalendar(),
  };
  const episodes = buildEpisodes(ctx);
  return {
    sheets: {
      settings: settingsRows(startYear),
      cases: caseRows(episodes),
      families: FAMILIES.map((f) =>
        makeRow(FAMILY_COLUMNS, {
          "Дети семьи": familyChildren(f.code, startYear),
          "Код семьи": f.code,
          "Социальный статус": f.status,
          Мать: text(f.mother),
          Отец: text(f.father),
          "Опекун (попечитель)": text(f.guardian),
          "Адрес проживания": text(f.address),
          "Адрес регистрации": f.registrationAddress === "" ? f.address : f.registrationAddress,
          Телефон: text(f.phone),
        })
      ),
      actions: actionRows(ctx, episodes),
      assistance: assistanceRows(ctx, episodes),
      activities: activityRows(ctx, episodes),
      service: serviceRows(ctx),
      passport: passportRows(),
      signals: signalRows(ctx, episodes),
      regulation: defaultRegulationRows(),
      journal: journalRows(ctx, episodes),
    },
    period: { from: ctx.from, to: on },
  };
}

const text = (s: string): Cell => (s === "" ? null : s);

/** Every parameter of «Настройки» of version 2, in the order `vshu init` writes them. */
function settingsRows(startYear: number): Row[] {
  const filled: Record<string, Cell> = {
    [SETTING.version]: CONTRACT_VERSION,
    [SETTING.region]: DEFAULT_REGION,
    [SETTING.coordinatorName]: COORDINATOR.name,
    [SETTING.coordinatorPosition]: COORDINATOR.position,
    [SETTING.coordinatorPhone]: COORDINATOR.phone,
    [SETTING.director]: SCHOOL_PEOPLE.director,
    [SETTING.deputy]: SCHOOL_PEOPLE.deputy,
    [SETTING.executorName]: SCHOOL_PEOPLE.executorName,
    [SETTING.executorPhone]: SCHOOL_PEOPLE.executorPhone,
  };
  PARENT_COMMUNITY_PARAMS.forEach((p, i) => {
    filled[p] = PARENT_COMMUNITY_COUNTS[i] ?? 0;
  });
  const defaults = new Map(
    defaultSettings({ school: SCHOOL, district: DISTRICT, startYear }).map(([name, value]) => [
      name,
      value as Cell,
    ])
  );
  return SETTINGS_PARAMS.map((name) => ({
    Параметр: name,
    Значение: filled[name] ?? defaults.get(name) ?? null,
  }));
}

/** «Дети семьи» (version 2): the family's children at the school, a line each. */
function familyChildren(code: string, startYear: number): Cell {
  const lines = CHILDREN.filter((c) => c.family === code).map(
    (c) =>
      `${c.last} ${c.first} ${c.middle}, ${birthDate(c, startYear).slice(0, 4)} г. р., ${c.grade}${c.letter} класс этой школы`
  );
  return lines.length === 0 ? null : lines.join("\n");
}

/**
 * «Журнал» (version 2): what wrote the demo register — codes only, never a name. Times are text
 * «ДД.ММ.ГГГГ ЧЧ:ММ».
 */
function journalRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const latest = [...episodes].sort((a, b) => (a.identified < b.identified ? 1 : -1))[0];
  const rows: Row[] = [];
  if (latest) {
    rows.push(
      makeRow(JOURNAL_COLUMNS, {
        Когда: `${formatDateRu(latest.identified)} 10:15`,
        Кто: "надстройка",
        Действие: "новый случай",
        Лист: "Учёт",
        Строки: "1",
        Код: latest.code,
      })
    );
  }
  rows.push(
    makeRow(JOURNAL_COLUMNS, {
      Когда: `${formatDateRu(ctx.on)} 08:00`,
      Кто: "vshu demo",
      Действие: "демонстрационная книга учёта создана",
      Лист: "все листы",
      Строки: String(episodes.length),
      Код: null,
    })
  );
  return rows;
}

/** The birth date of a child of a grade in the school year starting in September of `startYear`. */
function birthDate(child: ChildSeed, startYear: number): IsoDate {
  const month = Number(child.born.slice(0, 2));
  const year = startYear - 6 - child.grade - (month >= 9 ? 1 : 0);
  return `${year}-${child.born}`;
}

/**
 * Registration on a working day (the council or commission sits on working days): the seed's
 * delay when that day works, else the nearest delay within 3–14 days that does, never after `on`.
 */
function registrationDate(ctx: DemoContext, identified: IsoDate, delay: number): IsoDate {
  const tries = [delay];
  for (let d = delay + 1; d <= 14; d++) {
    tries.push(d);
  }
  for (let d = delay - 1; d >= 3; d--) {
    tries.push(d);
  }
  for (const d of tries) {
    const date = addDays(identified, d);
    if (date <= ctx.on && ctx.calendar.isWorkingDay(date)) {
      return date;
    }
  }
  return minDate(addDays(identified, delay), ctx.on);
}

function buildEpisodes(ctx: DemoContext): BuiltEpisode[] {
  const children = new Map(CHILDREN.map((c) => [c.key, c]));
  // Codes follow the order of identification (seed order among equal dates).
  const ordered = EPISODES.map((seed, index) => ({ seed, index }))
    .sort((a, b) => b.seed.identifiedAgo - a.seed.identifiedAgo || a.index - b.index)
    .map((x) => x.seed);
  const dated = ordered.map((seed, n) => {
    const child = children.get(seed.child);
    if (!child) {
      throw new Error(`demo: no child «${seed.child}»`);
    }
    const identified = addDays(ctx.on, -seed.identifiedAgo);
    const registered = seed.delay === null ? null : registrationDate(ctx, identified, seed.delay);
    return {
      seed,
      child,
      code: `В-${String(n + 1).padStart(3, "0")}`,
      birth: birthDate(child, ctx.startYear),
      identified,
      registered,
    };
  });
  return dated.map((e): BuiltEpisode => {
    const r = e.seed.removal;
    if (r === null || e.registered === null) {
      return { ...e, removed: null, removalReason: "" };
    }
    if (r === "transfer") {
      const next = dated.find(
        (o) => o.seed.child === e.seed.child && o.seed.level === 2 && o.registered !== null
      );
      if (!next?.registered) {
        throw new Error(`demo: no level-2 episode for «${e.seed.child}»`);
      }
      return { ...e, removed: next.registered, removalReason: TRANSFER_REASON };
    }
    const nominal = addDays(ctx.on, -r.ago);
    return {
      ...e,
      removed: backToWorking(ctx, nominal, addDays(e.registered, 1)),
      removalReason: r.reason,
    };
  });
}

function caseRows(episodes: readonly BuiltEpisode[]): Row[] {
  const protocols = protocolNumbers(episodes);
  return episodes.map((e) => {
    let note = e.seed.note;
    if (e.seed.level === 2) {
      const before = episodes.find(
        (o) => o.child === e.child && o.removalReason === TRANSFER_REASON
      );
      if (before) {
        note = `Переведён с уровня 1 (случай ${before.code}) по постановлению КДН и ЗП.`;
      }
    }
    return makeRow(CASE_COLUMNS, {
      Код: e.code,
      Фамилия: e.child.last,
      Имя: e.child.first,
      Отчество: e.child.middle,
      "Дата рождения": dateCell(e.birth),
      Класс: `${e.child.grade}${e.child.letter}`,
      "Код семьи": text(e.child.family),
      "Дата выявления": dateCell(e.identified),
      Источник: e.seed.source,
      Показатели: e.seed.indicators,
      Уровень: e.registered === null ? null : e.seed.level,
      "Дата постановки": dateCell(e.registered),
      Протокол: protocols.get(e.code) ?? null,
      "Дата снятия": dateCell(e.removed),
      "Основание снятия": text(e.removalReason),
      Куратор: e.seed.curator,
      Примечание: text(note),
      "Протокол снятия": removalDecision(e, episodes, protocols),
    });
  });
}

/**
 * «Протокол снятия» (version 2): the number of the decision that removed the episode — the
 * council's protocol for level 1, the commission's постановление for level 2 and for a transfer
 * 1 → 2 (the постановление that registered the child at level 2).
 */
function removalDecision(
  e: BuiltEpisode,
  episodes: readonly BuiltEpisode[],
  protocols: ReadonlyMap<string, string>
): Cell {
  const removed = e.removed;
  if (removed === null) {
    return null;
  }
  if (e.removalReason === TRANSFER_REASON) {
    const next = episodes.find((o) => o.child === e.child && o.seed.level === 2);
    const number = /№ \d+/.exec((next && protocols.get(next.code)) ?? "")?.[0];
    return number === undefined ? null : `постановление ${number}`;
  }
  const n = 40 + episodes.filter((o) => o.removed !== null && o.removed <= removed).length;
  return e.seed.level === 2 ? `постановление № ${n}` : `протокол № ${n - 30}`;
}

/**
 * Protocol texts: the school council's protocols (level 1) and the commission's resolutions
 * (level 2) numbered in date order; children of one family registered together share one.
 */
function protocolNumbers(episodes: readonly BuiltEpisode[]): Map<string, string> {
  const registered = episodes
    .filter((e) => e.registered !== null)
    .sort((a, b) =>
      (a.registered ?? "") < (b.registered ?? "")
        ? -1
        : (a.registered ?? "") > (b.registered ?? "")
          ? 1
          : 0
    );
  const counters = { 1: 0, 2: 0 };
  const shared = new Map<string, string>();
  const out = new Map<string, string>();
  for (const e of registered) {
    const level = e.seed.level === 2 ? 2 : 1;
    const date = e.registered ?? "";
    const key = `${level}|${date}|${e.child.family || e.code}`;
    let protocol = shared.get(key);
    if (protocol === undefined) {
      counters[level] += 1;
      protocol =
        level === 1
          ? `протокол Совета профилактики № ${counters[level]} от ${formatDateRu(date)}`
          : `постановление КДН и ЗП № ${20 + counters[level]} от ${formatDateRu(date)}`;
      shared.set(key, protocol);
    }
    out.set(e.code, protocol);
  }
  return out;
}
