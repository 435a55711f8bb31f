/**
 * Reading the record sheets of the register: «Мероприятия», «Помощь», «Занятость», «Служба»,
 * «Соцпаспорт», «Сигналы», and the optional «Календарь».
 */
import { matchKey, makeListMatcher } from "../text";
import type { RawRow } from "./model";
import type {
  Action,
  Activity,
  Assistance,
  CalendarOverride,
  PassportRow,
  ServiceEntry,
  Signal,
} from "./model";
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  ASSISTANCE_COLUMNS,
  ASSISTANCE_KINDS,
  CALENDAR_COLUMNS,
  CALENDAR_DAY_KINDS,
  PASSPORT_CATEGORIES,
  PASSPORT_COLUMNS,
  SECTION_VALUES,
  SERVICE_COLUMNS,
  SERVICE_KINDS,
  BLOCK_VALUES,
  SIGNAL_COLUMNS,
  STEPS,
  YES_NO_VALUES,
  requiredColumns,
  type PassportCategory,
} from "./schema";
import type { BoundTable } from "./table";

/** Looks up a list column by its title and returns the key, reporting unknown values. */
function listReader<K extends string>(kinds: readonly { key: K; title: string }[]) {
  const match = makeListMatcher(kinds.map((k) => k.title));
  const byTitle = new Map(kinds.map((k) => [k.title, k.key]));
  const allowed = kinds.map((k) => `«${k.title}»`).join(", ");
  return (t: BoundTable, r: RawRow, column: string, required: boolean): K | null => {
    const text = t.text(r, column);
    if (text === "") {
      if (required) {
        t.report(r, column, `не заполнено; допустимы: ${allowed}`);
      }
      return null;
    }
    const title = match(text);
    if (title === null) {
      t.report(r, column, `неизвестное значение «${text}»; допустимы: ${allowed}`);
      return null;
    }
    return byTitle.get(title) ?? null;
  };
}

const readStep = listReader(STEPS);
const readAssistanceKind = listReader(ASSISTANCE_KINDS);
const readActivityKind = listReader(ACTIVITY_KINDS);
const readServiceKind = listReader(SERVICE_KINDS);
const matchSection = makeListMatcher(SECTION_VALUES);
const matchBlock = makeListMatcher(BLOCK_VALUES);
const matchYesNo = makeListMatcher(YES_NO_VALUES);

/** Checks that «Код» names an episode of «Учёт»; returns the code as written there. */
export type CaseLookup = (code: string) => string | undefined;

function caseCode(t: BoundTable, r: RawRow, cases: CaseLookup, required: boolean): string | null {
  const text = t.text(r, "Код");
  if (text === "") {
    if (required) {
      t.report(r, "Код", "не заполнен код случая (столбец «Код» листа «Учёт»)");
    }
    return required ? null : "";
  }
  const found = cases(text);
  if (found === undefined) {
    t.report(r, "Код", `нет случая с кодом «${text}» на листе «Учёт»`);
    return null;
  }
  return found;
}

export function parseActions(t: BoundTable, cases: CaseLookup): Action[] {
  if (!t.requireColumns(requiredColumns("actions"))) {
    return [];
  }
  const out: Action[] = [];
  for (const r of t.rows()) {
    const code = caseCode(t, r, cases, true);
    const step = readStep(t, r, "Шаг", false);
    const sectionText = t.text(r, "Раздел");
    const section = sectionText === "" ? null : matchSection(sectionText);
    if (sectionText !== "" && section === null) {
      t.report(r, "Раздел", `неизвестный раздел «${sectionText}»; допустимы «ребёнок», «родители»`);
    }
    const blockText = t.text(r, "Блок");
    const block = blockText === "" ? null : matchBlock(blockText);
    if (blockText !== "" && block === null) {
      t.report(
        r,
        "Блок",
        `неизвестный блок «${blockText}»; допустимы: ${BLOCK_VALUES.map((b) => `«${b}»`).join(", ")}`
      );
    }
    const due = t.date(r, "Срок");
    const done = t.date(r, "Выполнено");
    if (code === null) {
      continue;
    }
    out.push({
      row: r.row,
      caseCode: code,
      step,
      section,
      direction: t.text(r, "Направление"),
      title: t.text(r, "Мероприятие"),
      due,
      responsible: t.text(r, "Ответственный"),
      done,
      note: t.text(r, "Примечание"),
      block,
    });
  }
  return out;
}

export function parseAssistance(t: BoundTable, cases: CaseLookup): Assistance[] {
  if (!t.requireColumns(ASSISTANCE_COLUMNS)) {
    return [];
  }
  const out: Assistance[] = [];
  for (const r of t.rows()) {
    const code = caseCode(t, r, cases, true);
    const date = t.date(r, "Дата");
    if (date === null && t.text(r, "Дата") === "") {
      t.report(r, "Дата", "не заполнена дата оказания помощи");
    }
    const kind = readAssistanceKind(t, r, "Вид помощи", true);
    if (code !== null && date !== null && kind !== null) {
      out.push({ row: r.row, caseCode: code, date, kind, content: t.text(r, "Содержание") });
    }
  }
  return out;
}

export function parseActivities(t: BoundTable, cases: CaseLookup): Activity[] {
  if (!t.requireColumns(ACTIVITY_COLUMNS)) {
    return [];
  }
  const out: Activity[] = [];
  for (const r of t.rows()) {
    const code = caseCode(t, r, cases, true);
    const kind = readActivityKind(t, r, "Вид", true);
    const start = t.date(r, "Дата начала");
    const end = t.date(r, "Дата окончания");
    if (code !== null && kind !== null) {
      out.push({ row: r.row, caseCode: code, kind, name: t.text(r, "Объединение"), start, end });
    }
  }
  return out;
}

export function parseService(t: BoundTable): ServiceEntry[] {
  if (!t.requireColumns(SERVICE_COLUMNS)) {
    return [];
  }
  const out: ServiceEntry[] = [];
  for (const r of t.rows()) {
    const date = t.date(r, "Дата");
    if (date === null && t.text(r, "Дата") === "") {
      t.report(r, "Дата", "не заполнена дата записи журнала службы");
    }
    const kind = readServiceKind(t, r, "Вид работы", true);
    const count = t.count(r, "Количество", 1);
    const covered = t.count(r, "Охвачено", 0);
    if (date !== null && kind !== null) {
      out.push({ row: r.row, date, kind, count, covered, note: t.text(r, "Примечание") });
    }
  }
  return out;
}

/** Rows titled «Итого» or «Всего» in «Класс» are totals typed by people and are not added again. */
const TOTAL_ROW = /^(итого|всего)/;

export function parsePassport(t: BoundTable): PassportRow[] {
  if (!t.requireColumns(PASSPORT_COLUMNS)) {
    return [];
  }
  const out: PassportRow[] = [];
  for (const r of t.rows()) {
    const className = t.text(r, "Класс");
    if (TOTAL_ROW.test(matchKey(className))) {
      continue;
    }
    const values = {} as Record<PassportCategory, { children: number; families: number }>;
    for (const c of PASSPORT_CATEGORIES) {
      values[c.key] = {
        children: t.count(r, `${c.title}: детей`, 0),
        families: t.count(r, `${c.title}: семей`, 0),
      };
    }
    out.push({ row: r.row, className, values });
  }
  return out;
}

export function parseSignals(t: BoundTable, cases: CaseLookup): Signal[] {
  if (!t.requireColumns(requiredColumns("signals"))) {
    return [];
  }
  const out: Signal[] = [];
  for (const r of t.rows()) {
    const code = caseCode(t, r, cases, false);
    const reasons: number[] = [];
    for (const token of t.text(r, "Причины").split(/[\s,;/]+/)) {
      if (token === "") {
        continue;
      }
      const n = Number(token.replace(/\.$/, ""));
      if (Number.isInteger(n) && n >= 1 && n <= 13) {
        if (!reasons.includes(n)) {
          reasons.push(n);
        }
      } else {
        t.report(
          r,
          "Причины",
          `«${token}» — причина указывается номером от 1 до 13 по сигнальной карте`
        );
      }
    }
    const unorganizedText = t.text(r, "Неорганизован");
    const unorganized = unorganizedText === "" ? "нет" : matchYesNo(unorganizedText);
    if (unorganized === null) {
      t.report(r, "Неорганизован", `«${unorganizedText}» — укажите «да» или «нет»`);
    }
    const fields: Record<string, string> = {};
    for (const c of SIGNAL_COLUMNS) {
      fields[c] = t.text(r, c);
    }
    out.push({
      row: r.row,
      date: t.date(r, "Дата"),
      caseCode: code ?? "",
      fields,
      reasons: reasons.sort((a, b) => a - b),
      unorganized: unorganized === "да",
    });
  }
  return out;
}

const matchDayKind = makeListMatcher(CALENDAR_DAY_KINDS);

export function parseCalendar(t: BoundTable): CalendarOverride[] {
  if (!t.requireColumns(CALENDAR_COLUMNS)) {
    return [];
  }
  const out: CalendarOverride[] = [];
  for (const r of t.rows()) {
    const date = t.date(r, "Дата");
    const kind = matchDayKind(t.text(r, "Вид дня"));
    if (kind === null) {
      t.report(r, "Вид дня", "укажите «нерабочий» или «рабочий»");
    }
    if (date === null) {
      if (t.text(r, "Дата") === "") {
        t.report(r, "Дата", "не заполнена дата");
      }
      continue;
    }
    if (kind !== null) {
      out.push({ date, working: kind === "рабочий", note: t.text(r, "Примечание") });
    }
  }
  return out;
}
