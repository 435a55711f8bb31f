/**
 * What the add-in writes for a case, as rows by contract header: the «Учёт» row of a draft,
 * the «Семьи» row of a new family, the regulated steps added on registration (with due dates
 * by the register's «Регламент», ГК РФ ст. 191–193 and the production calendar), and the next
 * free episode code.
 * Pure: no Office.js here.
 */
import {
  createRegisterCalendar,
  type ProductionCalendar,
} from "../core/calendar/productionCalendar";
import type { IsoDate } from "../core/dates/isoDate";
import { computeDueDate, settleDueDate } from "../core/deadlines/computeDueDate";
import { nextQuarterEnd } from "../core/deadlines/nextQuarterEnd";
import { STEP_DEFINITIONS } from "../core/deadlines/steps";
import type { Level } from "../core/indicators/catalog";
import { formatIndicatorCodes } from "../core/indicators/parseCodes";
import type { Episode, Register, RegulationPeriod, RegulationStep } from "../core/register/model";
import { STEPS, type StepKey } from "../core/register/schema";
import { matchKey } from "../core/text";
import type { CaseDraft, FamilyDraft } from "./gateway";
import type { RowRecord } from "./rows";
import { dateCell, textCell } from "./textSafe";

/** The «Учёт» row of a case draft under its code. */
export function caseRecord(draft: CaseDraft, code: string): RowRecord {
  return {
    Код: textCell(code),
    Фамилия: textCell(draft.lastName),
    Имя: textCell(draft.firstName),
    Отчество: textCell(draft.patronymic),
    "Дата рождения": dateCell(draft.birthDate),
    Класс: textCell(draft.className),
    "Код семьи": textCell(draft.familyCode),
    "Дата выявления": dateCell(draft.identified),
    Источник: textCell(draft.source),
    Показатели: textCell(formatIndicatorCodes(draft.indicators)),
    Уровень: textCell(draft.level === null ? "" : String(draft.level)),
    "Дата постановки": dateCell(draft.registered),
    Протокол: textCell(draft.protocol),
    Куратор: textCell(draft.curator),
    Примечание: textCell(draft.note),
  };
}

/** The «Семьи» row of a family created with a case. */
export function familyRecord(f: FamilyDraft): RowRecord {
  return {
    "Код семьи": textCell(f.code),
    "Социальный статус": textCell(f.status.join(", ")),
    Мать: textCell(f.mother),
    Отец: textCell(f.father),
    "Опекун (попечитель)": textCell(f.guardian),
    "Адрес проживания": textCell(f.address),
    "Адрес регистрации": textCell(f.registrationAddress),
    Телефон: textCell(f.phone),
  };
}

/** A regulated step to add to «Мероприятия». */
export interface PlannedStep {
  readonly step: StepKey;
  readonly title: string;
  readonly name: string;
  readonly due: IsoDate;
  readonly reason: string | null;
  /** «Ответственный» of «Регламент» (used when the episode has no curator). */
  readonly responsible: string;
}

/**
 * The production calendar of a register (the shipped one and the user's «Календарь»): the one
 * place the add-in builds it (the pane's «Сроки», the case preview, the steps on registration,
 * the ribbon's «Обновить сроки»).
 */
export function registerCalendar(
  register: Pick<Register, "calendar" | "settings">
): ProductionCalendar {
  return createRegisterCalendar(register);
}

/** A step's period for a level in the profile; null when that level does not track it. */
export function periodFor(step: RegulationStep, level: Level | null): RegulationPeriod | null {
  return level === 2 ? step.level2 : step.level1;
}

/** The Russian name of a step («приказ о постановке на учёт»), or its «Шаг» value. */
export function stepName(step: StepKey): string {
  return STEP_DEFINITIONS.find((s) => s.key === step)?.name ?? stepTitle(step);
}

/** The «Шаг» value of a step («приказ»). */
export function stepTitle(step: StepKey): string {
  return STEPS.find((s) => s.key === step)?.title ?? step;
}

/**
 * The regulated steps of an episode registered at `level` on `registered` (identified on
 * `identified`), with their first due dates by the register's profile («Регламент», or the
 * seed's defaults): each step the level tracks, counted from identification or registration
 * (a recurring step: its first due date after registration); «четверть» = the next quarter's
 * end, and the step is not listed when no quarter end follows. Steps in `existing` (keys
 * already planned or done for this episode) are left out.
 */
export function plannedSteps(
  register: Pick<Register, "settings" | "calendar" | "regulation">,
  identified: IsoDate | null,
  registered: IsoDate,
  level: Level | null,
  existing: ReadonlySet<string> = new Set()
): PlannedStep[] {
  const calendar = registerCalendar(register);
  const out: PlannedStep[] = [];
  for (const rule of register.regulation.steps) {
    const period = periodFor(rule, level);
    if (existing.has(rule.step) || period === null) {
      continue;
    }
    const base = rule.from === "identification" ? (identified ?? registered) : registered;
    let due;
    if ("quarterEnd" in period) {
      const end = nextQuarterEnd(register.settings.quarters, base);
      due = end === null ? null : settleDueDate(end, calendar);
    } else {
      due = computeDueDate(base, period, calendar);
    }
    if (due !== null) {
      out.push({
        step: rule.step,
        title: stepTitle(rule.step),
        name: stepName(rule.step),
        due: due.due,
        reason: due.reason,
        responsible: rule.responsible,
      });
    }
  }
  return out;
}

/** «Мероприятия» rows of planned steps of an episode. */
export function stepRecords(
  code: string,
  steps: readonly PlannedStep[],
  curator: string
): RowRecord[] {
  return steps.map((s) => ({
    Код: textCell(code),
    Шаг: textCell(s.title),
    Раздел: textCell("ребёнок"),
    Мероприятие: textCell(s.name),
    Срок: dateCell(s.due),
    Ответственный: textCell(curator.trim() !== "" ? curator : s.responsible),
    Примечание: textCell(s.reason ?? ""),
  }));
}

/**
 * The next free episode code: the most used prefix of the codes (`В-`, `С-`, …) with the
 * highest number + 1, padded like the existing ones; `В-1` in an empty register.
 */
export function nextCaseCode(codes: readonly string[]): string {
  const prefixes = new Map<string, { count: number; max: number; width: number }>();
  for (const code of codes) {
    const m = /^(.*?)(\d+)$/.exec(code.trim());
    if (!m) {
      continue;
    }
    const prefix = m[1] ?? "";
    const digits = m[2] ?? "0";
    const p = prefixes.get(prefix) ?? { count: 0, max: 0, width: 1 };
    p.count += 1;
    p.max = Math.max(p.max, Number(digits));
    p.width = digits.startsWith("0") ? Math.max(p.width, digits.length) : p.width;
    prefixes.set(prefix, p);
  }
  let best: [string, { count: number; max: number; width: number }] | null = null;
  for (const entry of prefixes) {
    if (best === null || entry[1].count > best[1].count) {
      best = entry;
    }
  }
  const taken = new Set(codes.map(matchKey));
  const [prefix, info] = best ?? ["В-", { count: 0, max: 0, width: 1 }];
  for (let n = info.max + 1; ; n++) {
    const code = `${prefix}${String(n).padStart(info.width, "0")}`;
    if (!taken.has(matchKey(code))) {
      return code;
    }
  }
}

/** The episode of a code (case, spacing and look-alikes ignored). */
export function findEpisode(register: Register, code: string): Episode | undefined {
  const key = matchKey(code);
  return register.episodes.find((e) => matchKey(e.code) === key);
}

/** Step keys already planned or done for an episode in «Мероприятия». */
export function stepsOf(register: Register, code: string): Set<string> {
  const key = matchKey(code);
  return new Set(
    register.actions
      .filter((a) => a.step !== null && matchKey(a.caseCode) === key)
      .map((a) => a.step as string)
  );
}
