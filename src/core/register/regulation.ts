/**
 * The regulation profile (sheet «Регламент», workbook.md version 2): each regulated step's
 * period per level, counted from identification or registration. Empty = not tracked for that
 * level. Without the sheet (a version-1 register) the seed's defaults apply (domain.md «Time
 * limits»: 000 I.4, II.1, III.1, III.3–III.5, I.2, I.3; 001 annex 5).
 */
import { makeListMatcher } from "../text";
import { cellText } from "./cells";
import type { Cell, RawRow, Regulation, RegulationPeriod, RegulationStep } from "./model";
import { REGULATION_COLUMNS, STEP_BASE_VALUES, STEPS, type StepKey } from "./schema";
import type { BoundTable } from "./table";

/** Steps that repeat while the episode is on the register (their «От чего» is registration). */
export const RECURRING_STEPS: ReadonlySet<StepKey> = new Set([
  "observation",
  "successReview",
  "planReview",
]);

interface DefaultStep {
  readonly from: RegulationStep["from"];
  readonly period: RegulationPeriod;
  readonly responsible: string;
}

const DEFAULTS: Readonly<Record<StepKey, DefaultStep>> = {
  inform: { from: "identification", period: { days: 0 }, responsible: "социальный педагог" },
  order: {
    from: "identification",
    period: { days: 14 },
    responsible: "заместитель директора по ВР",
  },
  meeting: { from: "registration", period: { days: 7 }, responsible: "Совет профилактики" },
  visit: { from: "registration", period: { days: 7 }, responsible: "классный руководитель" },
  inspection: { from: "registration", period: { days: 7 }, responsible: "социальный педагог" },
  characteristic: {
    from: "registration",
    period: { days: 7 },
    responsible: "классный руководитель",
  },
  observation: { from: "registration", period: { days: 14 }, responsible: "классный руководитель" },
  successReview: {
    from: "registration",
    period: { months: 1 },
    responsible: "классный руководитель",
  },
  planReview: {
    from: "registration",
    period: { quarterEnd: true },
    responsible: "социальный педагог",
  },
};

/** The seed's default of one step (the same period for both levels). */
export function defaultRegulationStep(step: StepKey): RegulationStep {
  const d = DEFAULTS[step];
  return {
    step,
    from: d.from,
    level1: d.period,
    level2: d.period,
    responsible: d.responsible,
    row: 0,
  };
}

/** The seed's profile: every step, both levels, as domain.md gives them. */
export const DEFAULT_REGULATION: Regulation = {
  steps: STEPS.map((s) => defaultRegulationStep(s.key)),
  fromSheet: false,
};

/**
 * A period as «Регламент» shows it.
 * @example formatPeriod({ days: 7 }) //=> "7 дн."
 * @example formatPeriod({ months: 1 }) //=> "1 мес."
 * @example formatPeriod({ quarterEnd: true }) //=> "четверть"
 */
export function formatPeriod(period: RegulationPeriod | null): string {
  if (period === null) {
    return "";
  }
  if ("days" in period) {
    return `${period.days} дн.`;
  }
  if ("months" in period) {
    return `${period.months} мес.`;
  }
  return "четверть";
}

/**
 * Reads a period: `7 дн.`, `7 дней`, `2 нед.`, `1 мес.`, `четверть` (or «конец четверти»), a
 * bare whole number (days). Empty → null (not tracked). Anything else → an error message.
 */
export function parsePeriod(
  cell: Cell
): { readonly period: RegulationPeriod | null } | { readonly error: string } {
  if (typeof cell === "number") {
    return Number.isInteger(cell) && cell >= 0 && cell <= 366
      ? { period: { days: cell } }
      : { error: `«${cell}» — срок в днях должен быть целым числом от 0 до 366` };
  }
  const text = cellText(cell).toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
  if (text === "") {
    return { period: null };
  }
  if (/^(конец )?четверт[ьи]$/.test(text) || text === "в конце четверти") {
    return { period: { quarterEnd: true } };
  }
  const m = /^(\d{1,3}) ?([а-я]*)\.?$/.exec(text);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2] ?? "";
    if (unit === "" || /^(д|дн|день|дня|дней)$/.test(unit)) {
      return n <= 366 ? { period: { days: n } } : { error: `«${text}» — не больше 366 дней` };
    }
    if (/^(н|нед|неделя|недели|недель)$/.test(unit)) {
      return n <= 52 ? { period: { days: n * 7 } } : { error: `«${text}» — не больше 52 недель` };
    }
    if (/^(м|мес|месяц|месяца|месяцев)$/.test(unit)) {
      return n >= 1 && n <= 12
        ? { period: { months: n } }
        : { error: `«${text}» — от 1 до 12 месяцев` };
    }
  }
  return {
    error: `«${cellText(cell)}» — не срок; укажите, например, «0 дн.», «7 дн.», «14 дн.», «1 мес.» или «четверть»; пусто — шаг не отслеживается`,
  };
}

const matchStep = makeListMatcher(STEPS.map((s) => s.title));
const stepByTitle = new Map(STEPS.map((s) => [s.title, s.key]));
const matchBase = makeListMatcher(STEP_BASE_VALUES.map((b) => b.title));
const baseByTitle = new Map(STEP_BASE_VALUES.map((b) => [b.title, b.key]));

/**
 * The profile from the sheet «Регламент». A step missing from the sheet keeps its default; a
 * step listed twice, an unknown step, an unreadable period or base is reported at its cell.
 */
export function parseRegulation(t: BoundTable): Regulation {
  if (!t.requireColumns(REGULATION_COLUMNS)) {
    return DEFAULT_REGULATION;
  }
  const found = new Map<StepKey, RegulationStep>();
  for (const r of t.rows()) {
    const step = readStepKey(t, r);
    if (step === null) {
      continue;
    }
    const prior = found.get(step);
    if (prior) {
      t.report(r, "Шаг", `шаг «${t.text(r, "Шаг")}» уже есть в строке ${prior.row}`);
      continue;
    }
    const d = DEFAULTS[step];
    let from = d.from;
    const baseText = t.text(r, "От чего");
    if (baseText !== "") {
      const title = matchBase(baseText);
      const base = title === null ? undefined : baseByTitle.get(title);
      if (base === undefined) {
        t.report(r, "От чего", `«${baseText}» — укажите «выявление» или «постановка»`);
      } else if (RECURRING_STEPS.has(step) && base !== "registration") {
        t.report(r, "От чего", `повторяющийся шаг считается только от постановки на учёт`);
      } else {
        from = base;
      }
    }
    const level = (column: "Уровень 1" | "Уровень 2"): RegulationPeriod | null => {
      const read = parsePeriod(t.cell(r, column));
      if ("error" in read) {
        t.report(r, column, read.error);
        return null;
      }
      if (read.period !== null && step === "planReview" && !("quarterEnd" in read.period)) {
        t.report(r, column, "пересмотр ИПС проводится в конце четверти: укажите «четверть»");
        return null;
      }
      if (read.period !== null && step !== "planReview" && "quarterEnd" in read.period) {
        if (!RECURRING_STEPS.has(step)) {
          t.report(r, column, "«четверть» допустима только для повторяющихся шагов");
          return null;
        }
      }
      return read.period;
    };
    found.set(step, {
      step,
      from,
      level1: level("Уровень 1"),
      level2: level("Уровень 2"),
      responsible: t.text(r, "Ответственный"),
      row: r.row,
    });
  }
  return {
    steps: STEPS.map((s) => found.get(s.key) ?? defaultRegulationStep(s.key)),
    fromSheet: true,
  };
}

function readStepKey(t: BoundTable, r: RawRow): StepKey | null {
  const text = t.text(r, "Шаг");
  if (text === "") {
    t.report(r, "Шаг", "не заполнен шаг");
    return null;
  }
  const title = matchStep(text);
  const key = title === null ? undefined : stepByTitle.get(title);
  if (key === undefined) {
    t.report(
      r,
      "Шаг",
      `неизвестный шаг «${text}»; допустимы: ${STEPS.map((s) => `«${s.title}»`).join(", ")}`
    );
    return null;
  }
  return key;
}

/** The rows of a new «Регламент» sheet: the seed's defaults, labelled as such in the README. */
export function defaultRegulationRows(): Record<(typeof REGULATION_COLUMNS)[number], string>[] {
  return DEFAULT_REGULATION.steps.map((s) => ({
    Шаг: STEPS.find((x) => x.key === s.step)?.title ?? s.step,
    "От чего": STEP_BASE_VALUES.find((b) => b.key === s.from)?.title ?? "",
    "Уровень 1": formatPeriod(s.level1),
    "Уровень 2": formatPeriod(s.level2),
    Ответственный: s.responsible,
  }));
}
