/**
 * Test builders: each returns a valid register object and takes only what a test cares about
 * (changesets' `FakeFullState` style), plus a seeded generator of realistic registers.
 */
import { DEFAULT_REGULATION } from "../../src/core/register/regulation";
import { addDays, daysBetween, type IsoDate } from "../../src/core/dates/isoDate";
import type { Level } from "../../src/core/indicators/catalog";
import type {
  Activity,
  Assistance,
  Episode,
  PassportRow,
  Register,
  ServiceEntry,
  Settings,
} from "../../src/core/register/model";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  PASSPORT_CATEGORIES,
  QUARTERS,
  SERVICE_KINDS,
  type PassportCategory,
  type Quarter,
} from "../../src/core/register/schema";

let sequence = 0;

/** The family key the parser resolves: the family code, or the child's own key. */
export function familyKeyOf(familyCode: string, childKey: string): string {
  return familyCode !== "" ? `семья:${familyCode}` : childKey;
}

/**
 * A registered level-1 episode (Р2, registered 2026-09-20, not removed). `childKey` defaults to
 * one of the code's own, `familyKey` to the family code's or, without one, to the child's.
 */
export function anEpisode(overrides: Partial<Episode> = {}): Episode {
  sequence += 1;
  const code = overrides.code ?? `Э-${sequence}`;
  const childKey = overrides.childKey ?? `ребёнок:${code}`;
  const familyCode = overrides.familyCode ?? "";
  const familyKey = overrides.familyKey ?? familyKeyOf(familyCode, childKey);
  return {
    row: 2,
    lastName: "Иванов",
    firstName: "Иван",
    patronymic: "Иванович",
    birthDate: "2015-03-01",
    className: "5А",
    identified: "2026-09-10",
    source: "классный руководитель",
    indicators: ["Р2"],
    level: 1,
    registered: "2026-09-20",
    protocol: "1",
    removed: null,
    removalReason: "",
    curator: "",
    note: "",
    removalProtocol: "",
    ...overrides,
    code,
    childKey,
    familyCode,
    familyKey,
  };
}

/** A «Помощь» row: psychological help on 2026-10-01. */
export function anAssistance(
  overrides: Partial<Assistance> & Pick<Assistance, "caseCode">
): Assistance {
  return { row: 2, date: "2026-10-01", kind: "psychological", content: "", ...overrides };
}

/** A «Занятость» row: a club with no start and no end. */
export function anActivity(overrides: Partial<Activity> & Pick<Activity, "caseCode">): Activity {
  return { row: 2, kind: "schoolClubs", name: "Кружок", start: null, end: null, ...overrides };
}

/** A «Служба» row: one individual consultation covering one person on 2026-09-15. */
export function aServiceEntry(overrides: Partial<ServiceEntry> = {}): ServiceEntry {
  return {
    row: 2,
    date: "2026-09-15",
    kind: "consultationsIndividual",
    count: 1,
    covered: 1,
    note: "",
    ...overrides,
  };
}

/** A «Соцпаспорт» class row: zeros except the categories given. */
export function aPassportRow(
  className: string,
  values: Partial<Record<PassportCategory, { children: number; families: number }>> = {}
): PassportRow {
  const all = Object.fromEntries(
    PASSPORT_CATEGORIES.map((c) => [c.key, values[c.key] ?? { children: 0, families: 0 }])
  ) as Record<PassportCategory, { children: number; families: number }>;
  return { row: 2, className, values: all };
}

/** The 2026/2027 school quarters used by every builder. */
export const QUARTERS_2026: Settings["quarters"] = {
  I: { from: "2026-09-01", to: "2026-10-24" },
  II: { from: "2026-11-05", to: "2026-12-28" },
  III: { from: "2027-01-09", to: "2027-03-21" },
  IV: { from: "2027-04-01", to: "2027-05-26" },
};

/** Settings of a school for 2026/2027 with its quarters and no parent-community counts. */
export function aSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    school: "МБОУ СОШ № 1",
    district: "Кызылский кожуун",
    schoolYear: "2026/2027",
    quarters: QUARTERS_2026,
    ministryAddress: "yospitanie17@yandex.ru",
    reportDay: 5,
    coordinator: { name: "Координатор К. К.", position: "методист", phone: "+7 000 000-00-00" },
    parentCommunity: {},
    version: 2,
    region: "Республика Тыва",
    director: "",
    deputy: "",
    executor: { name: "", phone: "" },
    raw: {},
    ...overrides,
  };
}

/** A register with default settings and the given sheets (every other sheet empty). */
export function aRegister(parts: Partial<Register> = {}): Register {
  return {
    settings: aSettings(),
    episodes: [],
    families: [],
    actions: [],
    assistance: [],
    activities: [],
    service: [],
    passport: [],
    signals: [],
    calendar: [],
    regulation: DEFAULT_REGULATION,
    ...parts,
  };
}

/** Periods the random registers are built around: their ends are favoured dates. */
export const RANDOM_PERIODS: ReadonlyArray<{ from: IsoDate; to: IsoDate }> = [
  { from: "2026-09-01", to: "2026-09-30" },
  { from: "2026-10-01", to: "2026-10-31" },
  { from: "2026-09-01", to: "2026-10-24" },
  { from: "2026-11-05", to: "2026-12-28" },
  { from: "2026-09-01", to: "2027-05-31" },
  { from: "2027-03-15", to: "2027-03-15" },
  { from: "2027-06-01", to: "2027-08-31" },
];

/** mulberry32: a tiny seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) {
      throw new Error("pick from an empty list");
    }
    return item;
  }

  /** A date of 2025-09-01 … 2027-08-31, often a period's end or a day next to one. */
  date(): IsoDate {
    if (this.chance(0.35)) {
      return this.pick(FAVOURED_DATES);
    }
    return addDays("2025-09-01", this.int(0, daysBetween("2025-09-01", "2027-08-31")));
  }

  /** `n` dates in ascending order (equal dates possible). */
  dates(n: number): IsoDate[] {
    return Array.from({ length: n }, () => this.date()).sort();
  }
}

const FAVOURED_DATES: readonly IsoDate[] = [
  ...new Set(
    [
      ...RANDOM_PERIODS.flatMap((p) => [p.from, p.to]),
      ...QUARTERS.flatMap((q) => [QUARTERS_2026[q]?.from ?? "", QUARTERS_2026[q]?.to ?? ""]),
    ]
      .filter((d) => d !== "")
      .flatMap((d) => [addDays(d, -1), d, d, addDays(d, 1)])
  ),
];

const CODES: Record<Level, readonly string[]> = {
  1: Array.from({ length: 11 }, (_, i) => `Р${i + 1}`),
  2: Array.from({ length: 15 }, (_, i) => `С${i + 1}`),
};

function indicatorsFor(rnd: Random, level: Level | null): string[] {
  const own = level ?? (rnd.chance(0.5) ? 1 : 2);
  const codes = Array.from({ length: rnd.int(0, 4) }, () => rnd.pick(CODES[own]));
  if (rnd.chance(0.15)) {
    codes.push(rnd.pick(CODES[own === 1 ? 2 : 1]));
  }
  if (rnd.chance(0.05) && codes[0] !== undefined) {
    codes.push(codes[0]);
  }
  return codes;
}

type Plan = Array<{ level: Level | null; registered: IsoDate | null; removed: IsoDate | null }>;

/** The episodes of one child: identified only, one level, a transfer 1→2, or a re-registration. */
function childPlan(rnd: Random): Plan {
  const roll = rnd.float();
  const [a = "", b = "", c = ""] = rnd.dates(3);
  const maybe = (d: IsoDate): IsoDate | null => (rnd.chance(0.5) ? d : null);
  if (roll < 0.1) {
    return [{ level: null, registered: null, removed: null }];
  }
  if (roll < 0.45) {
    return [{ level: 1, registered: a, removed: maybe(b) }];
  }
  if (roll < 0.65) {
    return [{ level: 2, registered: a, removed: maybe(b) }];
  }
  if (roll < 0.85) {
    // Transfer 1→2: the level-1 episode ends the day the level-2 one starts.
    return [
      { level: 1, registered: a, removed: b },
      { level: 2, registered: b, removed: maybe(c) },
    ];
  }
  return [
    { level: rnd.pick([1, 2] as const), registered: a, removed: a === b ? b : rnd.pick([a, b]) },
    { level: rnd.pick([1, 2] as const), registered: rnd.chance(0.8) ? c : b, removed: null },
  ];
}

function randomSettings(rnd: Random): Settings {
  const quarters: Partial<Record<Quarter, { from: IsoDate; to: IsoDate }>> = { ...QUARTERS_2026 };
  if (rnd.chance(0.15)) {
    delete quarters[rnd.pick(QUARTERS)];
  }
  if (rnd.chance(0.05)) {
    for (const q of QUARTERS) {
      delete quarters[q];
    }
  }
  const parentCommunity: Record<string, number> = rnd.chance(0.5)
    ? { "Совет отцов": rnd.int(0, 3) }
    : {};
  return aSettings({ quarters, parentCommunity, school: `Школа ${rnd.int(1, 99)}` });
}

/**
 * A realistic register, the same for the same seed: families with several children, children
 * with no family code, transfers 1→2 (same child, the level-1 episode removed the day the
 * level-2 one is registered), re-registrations, identified-only children, dates heaped on the
 * ends of RANDOM_PERIODS, and about `size` rows of each of «Помощь», «Занятость», «Служба»
 * (some naming unknown codes), plus a few «Соцпаспорт» rows.
 * @param seed - any integer
 * @param size - the number of episodes to reach (at least)
 */
export function randomRegister(seed: number, size: number): Register {
  const rnd = new Random(seed);
  const episodes: Episode[] = [];
  let child = 0;
  let family = 0;
  while (episodes.length < size) {
    family += 1;
    const familyCode = rnd.chance(0.25) ? "" : `С-${family}`;
    const children = familyCode === "" ? 1 : rnd.int(1, 4);
    for (let k = 0; k < children; k += 1) {
      child += 1;
      const childKey = `ребёнок-${child}|2015-01-01`;
      for (const step of childPlan(rnd)) {
        episodes.push(
          anEpisode({
            row: episodes.length + 2,
            code: `К-${episodes.length + 1}`,
            childKey,
            familyCode,
            familyKey: familyKeyOf(familyCode, childKey),
            indicators: indicatorsFor(rnd, step.level),
            level: step.level,
            registered: step.registered,
            removed: step.removed,
            identified: step.registered,
            removalReason: step.removed === null ? "" : "переведён в СОП",
          })
        );
      }
    }
  }
  const codes = episodes.map((e) => e.code);
  const someCode = (): string => (rnd.chance(0.92) ? rnd.pick(codes) : `нет-${rnd.int(1, 9)}`);
  const maybeDate = (p: number): IsoDate | null => (rnd.chance(p) ? null : rnd.date());
  return aRegister({
    settings: randomSettings(rnd),
    episodes: shuffle(rnd, episodes),
    assistance: Array.from({ length: size }, (_, i) =>
      anAssistance({
        row: i + 2,
        caseCode: someCode(),
        date: rnd.date(),
        kind: rnd.pick(ASSISTANCE_KINDS).key,
      })
    ),
    activities: Array.from({ length: size }, (_, i) =>
      anActivity({
        row: i + 2,
        caseCode: someCode(),
        kind: rnd.pick(ACTIVITY_KINDS).key,
        start: maybeDate(0.2),
        end: maybeDate(0.4),
      })
    ),
    service: Array.from({ length: size }, (_, i) =>
      aServiceEntry({
        row: i + 2,
        date: rnd.date(),
        kind: rnd.pick(SERVICE_KINDS).key,
        count: rnd.int(0, 3),
        covered: rnd.int(0, 12),
      })
    ),
    passport: Array.from({ length: rnd.int(0, 5) }, (_, i) =>
      aPassportRow(`${i + 1}А`, {
        total: { children: rnd.int(10, 30), families: rnd.int(8, 25) },
        largeFamilies: { children: rnd.int(0, 6), families: rnd.int(0, 4) },
        guardianship: { children: rnd.int(0, 2), families: rnd.int(0, 2) },
      })
    ),
  });
}

function shuffle<T>(rnd: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = rnd.int(0, i);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}
