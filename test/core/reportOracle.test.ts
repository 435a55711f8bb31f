/**
 * An independent oracle: a second, deliberately naive reading of the report's spec
 * (shared/spec/domain.md «The report form» and the decisions of src/core/report/aggregate.ts),
 * written with loops and arrays only and sharing no code with src/core/report, compared with
 * aggregateReport on random registers and periods.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Episode, Register } from "../../src/core/register/model";
import { aggregateReport } from "../../src/core/report/aggregate";
import { RANDOM_PERIODS, randomRegister } from "../support/builders";

type Pair = { children: number; families: number };

function distinct(values: string[]): number {
  const seen: string[] = [];
  for (const v of values) {
    if (!seen.includes(v)) {
      seen.push(v);
    }
  }
  return seen.length;
}

function pairOf(episodes: Episode[]): Pair {
  return {
    children: distinct(episodes.map((e) => e.childKey)),
    families: distinct(episodes.map((e) => e.familyKey)),
  };
}

function onRegisterAt(e: Episode, d: string): boolean {
  return (
    e.level !== null &&
    e.registered !== null &&
    e.registered <= d &&
    (e.removed === null || e.removed > d)
  );
}

function within(d: string | null, from: string, to: string): boolean {
  return d !== null && from <= d && d <= to;
}

function naiveQuarter(date: string, quarters: Register["settings"]["quarters"]): string | null {
  let answer: string | null = null;
  let answerStart = "";
  let earliest: string | null = null;
  for (const q of ["I", "II", "III", "IV"] as const) {
    const start = quarters[q]?.from;
    if (start === undefined) {
      continue;
    }
    if (earliest === null || start < earliest) {
      earliest = start;
    }
    if (start <= date && start >= answerStart) {
      answer = q;
      answerStart = start;
    }
  }
  if (earliest === null) {
    return null;
  }
  const nextYear = `${Number(earliest.slice(0, 4)) + 1}${earliest.slice(4)}`;
  return date >= nextYear ? null : answer;
}

function oracle(reg: Register, from: string, to: string) {
  const eps = reg.episodes;
  const level = (L: 1 | 2, codes: string[]) => {
    const registered = eps.filter(
      (e) => e.level === L && e.registered !== null && within(e.registered, from, to)
    );
    const present = eps.filter((e) => e.level === L && onRegisterAt(e, to));
    const indicators: Record<string, { registered: Pair; onRegister: Pair }> = {};
    for (const code of codes) {
      indicators[code] = {
        registered: pairOf(registered.filter((e) => e.indicators.includes(code))),
        onRegister: pairOf(present.filter((e) => e.indicators.includes(code))),
      };
    }
    return { total: { registered: pairOf(registered), onRegister: pairOf(present) }, indicators };
  };
  // A transfer 1 → 2 is not a removal: its ground says so, or the child is at level 2 that day.
  const isTransfer = (e: Episode): boolean => {
    if (e.level !== 1 || e.removed === null) {
      return false;
    }
    const ground = e.removalReason.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
    if (ground.startsWith("переведен в соп")) {
      return true;
    }
    const day = e.removed;
    return eps.some((o) => o.level === 2 && o.childKey === e.childKey && onRegisterAt(o, day));
  };
  const removed = (L: 1 | 2) =>
    pairOf(
      eps.filter(
        (e) =>
          e.level === L && e.registered !== null && within(e.removed, from, to) && !isTransfer(e)
      )
    );

  const kinds = ["psychological", "financial", "clothing", "employment", "treatment"] as const;
  const help = (L: 1 | 2) => {
    const families: string[] = [];
    for (const e of eps) {
      if (e.level === L && onRegisterAt(e, to) && !families.includes(e.familyKey)) {
        families.push(e.familyKey);
      }
    }
    const helpedWith = (kind: string | null) =>
      families.filter((f) =>
        reg.assistance.some((a) => {
          const named = eps.find((e) => e.code === a.caseCode);
          return (
            named !== undefined &&
            named.familyKey === f &&
            within(a.date, from, to) &&
            (kind === null || a.kind === kind)
          );
        })
      ).length;
    const byKind: Record<string, number> = {};
    for (const k of kinds) {
      byKind[k] = helpedWith(k);
    }
    return { families: families.length, helped: helpedWith(null), byKind };
  };

  const service: Record<string, Record<string, number>> = {};
  const serviceKinds = [
    "consultationsIndividual",
    "consultationsGroup",
    "trainings",
    "plansCarriedOut",
    "commissionMeetings",
    "pedagogicalCouncils",
  ];
  for (const q of ["I", "II", "III", "IV"]) {
    const cell: Record<string, number> = { covered: 0 };
    for (const k of serviceKinds) {
      cell[k] = 0;
    }
    for (const s of reg.service) {
      const firstDay = reg.settings.quarters.I?.from;
      if (
        s.date > to ||
        (firstDay !== undefined && s.date < firstDay) ||
        naiveQuarter(s.date, reg.settings.quarters) !== q
      ) {
        continue;
      }
      cell.covered = (cell.covered ?? 0) + s.covered;
      cell[s.kind] = (cell[s.kind] ?? 0) + s.count;
    }
    service[q] = cell;
  }

  const activities: Record<string, { total: number; level1: number; level2: number }> = {};
  for (const kind of ["schoolClubs", "sports", "tourism", "other"]) {
    const all: string[] = [];
    const one: string[] = [];
    const two: string[] = [];
    for (const a of reg.activities) {
      const active = (a.start === null || a.start <= to) && (a.end === null || a.end >= to);
      const e = eps.find((x) => x.code === a.caseCode);
      if (a.kind === kind && active && e !== undefined && onRegisterAt(e, to)) {
        all.push(e.childKey);
        (e.level === 1 ? one : two).push(e.childKey);
      }
    }
    activities[kind] = { total: distinct(all), level1: distinct(one), level2: distinct(two) };
  }

  const socialPassport: Record<string, Pair> = {};
  for (const cat of [
    "total",
    "completeProsperous",
    "needSupport",
    "lostBreadwinner",
    "divorced",
    "singleParent",
    "disabledChildren",
    "disabledParents",
    "guardianship",
    "unemployed",
    "largeFamilies",
  ] as const) {
    let children = 0;
    let families = 0;
    for (const row of reg.passport) {
      children += row.values[cat].children;
      families += row.values[cat].families;
    }
    socialPassport[cat] = { children, families };
  }

  const parentCommunity: Record<string, number> = {};
  for (const p of [
    "Общественные приемные",
    "Советы бабушек и дедушек",
    "Совет отцов",
    "Совет профилактики",
    "Детское движение",
    "Семейные клубы",
    "Уполномоченные по защите прав",
    "Другие объединения родителей",
  ]) {
    parentCommunity[p] = reg.settings.parentCommunity[p] ?? 0;
  }

  const q = reg.settings.quarters;
  let schoolTerm: string | null = null;
  for (const name of ["I", "II", "III", "IV"] as const) {
    if (schoolTerm === null && q[name]?.from === from && q[name]?.to === to) {
      schoolTerm = name;
    }
  }
  if (schoolTerm === null && q.I?.from === from && q.IV?.to === to) {
    schoolTerm = "year";
  }

  const otherNames: string[] = [];
  const seenNames: string[] = [];
  for (const a of reg.activities) {
    const active = (a.start === null || a.start <= to) && (a.end === null || a.end >= to);
    const e = eps.find((x) => x.code === a.caseCode);
    const name = a.name
      .split(/\s+/)
      .filter((w) => w !== "")
      .join(" ");
    const key = name.toLowerCase().replace(/ё/g, "е");
    if (a.kind === "other" && active && e && onRegisterAt(e, to) && name !== "") {
      if (!seenNames.includes(key)) {
        seenNames.push(key);
        otherNames.push(name);
      }
    }
  }
  otherNames.sort((a, b) => a.localeCompare(b, "ru"));

  const range = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  return {
    school: reg.settings.school,
    district: reg.settings.district,
    schoolYear: reg.settings.schoolYear,
    from,
    to,
    schoolTerm,
    socialPassport,
    register: {
      level1: level(1, range("Р", 11)),
      level2: level(2, range("С", 15)),
      removed: { level1: removed(1), level2: removed(2) },
    },
    assistance: [{ school: reg.settings.school, level1: help(1), level2: help(2) }],
    service,
    activities,
    otherActivityNames: otherNames,
    parentCommunity,
    coordinator: reg.settings.coordinator,
    signature: {
      director: reg.settings.director,
      executorName: reg.settings.executor.name,
      executorPhone: reg.settings.executor.phone,
    },
  };
}

/**
 * The generator writes «переведён в СОП» for every removal and «Кружок» for every activity; real
 * registers have other grounds, transfers typed in other words, and many names. Both are
 * redistributed by the row number.
 */
const GROUNDS = [
  "переведён в СОП",
  "положительная динамика",
  "  Переведен в  соп (постановление КДН и ЗП № 3)",
  "переведён в другую школу",
  "по постановлению КДН и ЗП",
  "",
];

/** Activity names as people type them: repeated in other case and spacing, or left empty. */
const NAMES = ["Юнармия", "  юнармия", "Клуб «Тыва»", "", "Волонтёры  района", "волонтеры района"];

function withGrounds(reg: Register): Register {
  return {
    ...reg,
    activities: reg.activities.map((a) => ({ ...a, name: NAMES[a.row % NAMES.length] ?? "" })),
    episodes: reg.episodes.map((e) =>
      e.removed === null ? e : { ...e, removalReason: GROUNDS[e.row % GROUNDS.length] ?? "" }
    ),
  };
}

describe("aggregateReport agrees with a naive oracle", () => {
  const extraPeriods = [
    { from: "2026-10-15", to: "2026-10-14" },
    { from: "2025-09-01", to: "2027-08-31" },
  ];
  for (let seed = 1; seed <= 200; seed += 1) {
    test(`random register #${seed}`, () => {
      const generated = randomRegister(seed, 5 + ((seed * 37) % 140));
      const reg = seed % 2 === 0 ? withGrounds(generated) : generated;
      for (const period of [...RANDOM_PERIODS, ...extraPeriods]) {
        assert.deepEqual(
          aggregateReport(reg, period),
          oracle(reg, period.from, period.to),
          `${period.from}..${period.to}`
        );
      }
    });
  }
});
