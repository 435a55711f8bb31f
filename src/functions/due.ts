/**
 * DUE / СРОК: the due date of a regulated step counted from a date (src/core/deadlines):
 * ГК РФ ст. 191 (days start the day after), ст. 192 (months), ст. 193 (a non-working last day
 * moves to the next working day of the production calendar shipped with the product and of the
 * region: «Республика Тыва» unless another «Регион» is given). The period is the school's
 * regulation profile when the «Регламент» table is given (with the level), else the seed's
 * default. The user's days of the sheet «Календарь» are not read: a custom function sees only
 * its arguments (the task pane and `vshu deadlines` do apply them).
 */
import {
  createProductionCalendar,
  type ProductionCalendar,
} from "../core/calendar/productionCalendar";
import { findRegion, unknownRegionMessage, type RegionKey } from "../core/calendar/regions";
import { formatDateRu } from "../core/dates/isoDate";
import { computeDueDate, settleDueDate } from "../core/deadlines/computeDueDate";
import { nextQuarterEnd } from "../core/deadlines/nextQuarterEnd";
import { STEP_DEFINITIONS, stepRule, type StepDefinition } from "../core/deadlines/steps";
import type { Level } from "../core/indicators/catalog";
import type { Cell, RawTable, RegisterIssue, RegulationStep } from "../core/register/model";
import { defaultRegulationStep, parseRegulation } from "../core/register/regulation";
import { DEFAULT_REGION, REGULATION_COLUMNS, SHEET } from "../core/register/schema";
import { BoundTable } from "../core/register/table";
import { compactKey, matchKey } from "../core/text";
import { invalidInput, noAnswer } from "./errors";
import { quartersFor } from "./quarters";
import { dateArg, isMissing, textArg, toSerial } from "./values";

const STEP_BY_KEY = new Map<string, StepDefinition>();
for (const step of STEP_DEFINITIONS) {
  for (const name of [step.title, step.key, step.name]) {
    STEP_BY_KEY.set(compactKey(name), step);
  }
}

const calendars = new Map<RegionKey, ProductionCalendar>();
function productionCalendar(region: RegionKey): ProductionCalendar {
  let calendar = calendars.get(region);
  if (!calendar) {
    calendar = createProductionCalendar([], { region });
    calendars.set(region, calendar);
  }
  return calendar;
}

/**
 * A regulated step by its «Шаг» value («информирование», «приказ», «заседание», «выход в
 * семью», «обследование», «характеристика», «наблюдение», «успешность», «пересмотр ИПС»), its
 * key («order» …) or its full name; case, spaces, «ё» and Latin look-alikes are ignored.
 * @throws FunctionInputError listing the steps when none matches
 */
export function findStep(step: unknown): StepDefinition {
  if (isMissing(step)) {
    throw invalidInput(`Шаг не указан. Шаги: ${stepTitles()}.`);
  }
  const found = STEP_BY_KEY.get(compactKey(textArg(step)));
  if (found === undefined) {
    throw invalidInput(`Неизвестный шаг «${textArg(step).trim()}». Шаги: ${stepTitles()}.`);
  }
  return found;
}

function stepTitles(): string {
  return STEP_DEFINITIONS.map((s) => s.title).join(", ");
}

/**
 * The level argument: 1 or 2 (a number, or text that starts with the digit, as in «Уровень»);
 * omitted → level 1.
 * @throws FunctionInputError for anything else
 */
export function levelArg(level: unknown): Level {
  if (isMissing(level)) {
    return 1;
  }
  const text = textArg(level).trim();
  if (/^1(\D|$)/.test(text)) {
    return 1;
  }
  if (/^2(\D|$)/.test(text)) {
    return 2;
  }
  throw invalidInput(`Уровень: «${text}» — укажите 1 или 2.`);
}

/**
 * The region argument (a value of «Регион»); omitted → «Республика Тыва», the default of the
 * setting.
 * @throws FunctionInputError naming the known regions for a region the program does not know
 */
export function regionArg(region: unknown): RegionKey {
  if (isMissing(region)) {
    return findRegion(DEFAULT_REGION)?.key ?? "federal";
  }
  const text = textArg(region).trim();
  const found = findRegion(text);
  if (found === null) {
    throw invalidInput(`Регион: ${unknownRegionMessage(text)}.`);
  }
  return found.key;
}

function isBlankCell(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

function toCell(value: unknown): Cell {
  if (isBlankCell(value)) {
    return null;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  return textArg(value);
}

/**
 * The row of a step in a «Регламент» range: the table with its header row (`tblRegulation[#All]`,
 * columns in any order) or its data rows only (`tblRegulation`, columns in the contract's order:
 * Шаг, От чего, Уровень 1, Уровень 2, Ответственный). A step the range does not list keeps the
 * seed's default.
 * @throws FunctionInputError for another shape, or naming the row and column of a bad cell
 */
export function regulationStepArg(range: unknown, step: StepDefinition): RegulationStep {
  if (!Array.isArray(range) || !range.every((row) => Array.isArray(row))) {
    throw invalidInput("Регламент: ожидается диапазон таблицы «Регламент» (tblRegulation[#Все]).");
  }
  const rows = (range as unknown[][]).filter((row) => !row.every(isBlankCell));
  const first = rows[0] ?? [];
  const hasHeader = first.some((c) => typeof c === "string" && matchKey(c) === matchKey("Шаг"));
  const headers = hasHeader ? first.map((c) => textArg(toCell(c) ?? "")) : [...REGULATION_COLUMNS];
  if (!hasHeader && first.length < REGULATION_COLUMNS.length - 1) {
    throw invalidInput(
      `Регламент: ожидается таблица со столбцами ${REGULATION_COLUMNS.map((c) => `«${c}»`).join(", ")}.`
    );
  }
  const body = hasHeader ? rows.slice(1) : rows;
  const table: RawTable = {
    headers,
    rows: body.map((cells, i) => ({ row: i + (hasHeader ? 2 : 1), cells: cells.map(toCell) })),
  };
  const issues: RegisterIssue[] = [];
  const regulation = parseRegulation(new BoundTable(SHEET.regulation, table, issues));
  const issue = issues[0];
  if (issue !== undefined) {
    const where = [
      issue.row > 0 ? `строка ${issue.row} диапазона` : "",
      issue.column !== "" ? `столбец «${issue.column}»` : "",
    ]
      .filter((w) => w !== "")
      .join(", ");
    throw invalidInput(`Регламент${where ? `, ${where}` : ""}: ${issue.message}.`);
  }
  return regulation.steps.find((s) => s.step === step.key) ?? defaultRegulationStep(step.key);
}

/**
 * The due date (Excel serial number) of a step counted from a date: identification for
 * «информирование» and «приказ», registration for the other one-time steps, the last
 * completion (or registration) for the recurring ones. A step whose period is «четверть» is
 * due at the first quarter end after the date (quarters from `quarters`, or the typical ones
 * of the date's school year).
 * @param regulation optional «Регламент» range: its period for `level` replaces the default
 * @param level optional 1 or 2 (default 1)
 * @param region optional value of «Регион» (default «Республика Тыва»)
 * @throws FunctionInputError #VALUE! for bad input; #N/A when no quarter end follows the date
 *   or the step is not tracked for that level (empty period in «Регламент»)
 * @example dueDate("приказ", 46340, null) // 14.11.2026 + 14 days = 28.11.2026 (сб) → 30.11.2026
 */
export function dueDate(
  step: unknown,
  from: unknown,
  quarters: unknown,
  regulation: unknown = null,
  level: unknown = null,
  region: unknown = null
): number {
  const definition = findStep(step);
  const base = dateArg(from, "Дата начала отсчёта");
  const lvl = levelArg(level);
  const calendar = productionCalendar(regionArg(region));
  const profile = isMissing(regulation)
    ? defaultRegulationStep(definition.key)
    : regulationStepArg(regulation, definition);
  const rule = stepRule(profile, lvl);
  if (rule === null) {
    throw noAnswer(
      `Шаг «${definition.title}» для уровня ${lvl} не отслеживается: в «Регламенте» срок пуст.`
    );
  }
  if (rule.kind !== "quarterEnd") {
    return toSerial(computeDueDate(base, rule.period, calendar).due);
  }
  const end = nextQuarterEnd(quartersFor(base, quarters), base);
  if (end === null) {
    throw noAnswer(
      `После ${formatDateRu(base)} в учебном году нет конца четверти: укажите четверти следующего года.`
    );
  }
  return toSerial(settleDueDate(end, calendar).due);
}
