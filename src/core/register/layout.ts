/**
 * How each column of the register is laid out in a new workbook: its kind (text, date,
 * number), its width in characters, and its list of values for list validation. `vshu init`
 * and the add-in's «Создать книгу учёта» build the same workbook from this table.
 */
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  BLOCK_VALUES,
  CALENDAR_DAY_KINDS,
  FAMILY_STATUS_VALUES,
  LEVEL_VALUES,
  SECTION_VALUES,
  SERVICE_KINDS,
  SHEET_COLUMNS,
  SOURCE_VALUES,
  STEPS,
  STEP_BASE_VALUES,
  YES_NO_VALUES,
  type SheetKey,
} from "./schema";

export type ColumnKind = "text" | "date" | "number";

export interface ColumnLayout {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly width: number;
  /** Values offered in the cell's drop-down list. */
  readonly list?: readonly string[];
  /** Whether a value outside the list is refused (true) or only warned about (false). */
  readonly strictList?: boolean;
  /** A hint shown when the cell is selected. */
  readonly hint?: string;
  /** Text wraps in its cells (every text column), so nothing is cut on screen or on paper. */
  readonly wrap?: boolean;
  /** A date column that also shows the time of day («Когда» of «Журнал»). */
  readonly withTime?: boolean;
}

const DATE_COLUMNS = new Set([
  "Дата рождения",
  "Дата выявления",
  "Дата постановки",
  "Дата снятия",
  "Срок",
  "Выполнено",
  "Дата",
  "Дата начала",
  "Дата окончания",
  "Когда",
]);

/** Date columns that also show the time of day. */
const DATE_TIME_COLUMNS = new Set(["Когда"]);

const NUMBER_COLUMNS = new Set(["Количество", "Охвачено", "Возраст", "Возраст родителя"]);

const LISTS: Readonly<Record<string, { list: readonly string[]; strict: boolean }>> = {
  Уровень: { list: LEVEL_VALUES, strict: false },
  Источник: { list: SOURCE_VALUES, strict: false },
  Шаг: { list: STEPS.map((s) => s.title), strict: true },
  Раздел: { list: SECTION_VALUES, strict: true },
  "Вид помощи": { list: ASSISTANCE_KINDS.map((k) => k.title), strict: true },
  Вид: { list: ACTIVITY_KINDS.map((k) => k.title), strict: true },
  "Вид работы": { list: SERVICE_KINDS.map((k) => k.title), strict: true },
  "Социальный статус": { list: FAMILY_STATUS_VALUES, strict: false },
  "Вид дня": { list: CALENDAR_DAY_KINDS, strict: true },
  Блок: { list: BLOCK_VALUES, strict: true },
  Неорганизован: { list: YES_NO_VALUES, strict: true },
  "От чего": { list: STEP_BASE_VALUES.map((b) => b.title), strict: true },
};

const HINTS: Readonly<Record<string, string>> = {
  Показатели: "Коды показателей через запятую: Р1–Р11, С1–С15 (например: Р2, Р5, С14)",
  Уровень:
    "1 — ранняя стадия семейного неблагополучия, 2 — СОП. Пусто, пока ребёнок не поставлен на учёт",
  "Дата постановки": "Заполняется вместе с уровнем по решению Совета профилактики или КДН и ЗП",
  Причины: "Номера причин сигнальной карты от 1 до 13 через запятую",
};

const WIDTHS: Readonly<Record<string, number>> = {
  Код: 10,
  "Код семьи": 11,
  Фамилия: 16,
  Имя: 14,
  Отчество: 16,
  Класс: 7,
  Показатели: 16,
  Уровень: 9,
  Протокол: 16,
  Примечание: 26,
  Мероприятие: 36,
  Содержание: 32,
  Параметр: 34,
  Значение: 36,
  Направление: 24,
  "Адрес проживания": 30,
  "Адрес регистрации": 30,
  "Основание снятия": 20,
  Источник: 16,
  Куратор: 16,
  "Вид работы": 28,
  "Вид помощи": 26,
  Объединение: 24,
  "Дети семьи": 32,
  "Протокол снятия": 14,
  Блок: 22,
  Неорганизован: 15,
  "От кого": 18,
  Специалист: 18,
  "Телефон специалиста": 14,
  "ФИО родителя": 18,
  Статус: 10,
  "Возраст родителя": 9,
  "Место работы": 18,
  Адрес: 22,
  "ФИО несовершеннолетнего": 22,
  Возраст: 8,
  "Образовательная организация": 22,
  Причины: 10,
  Другое: 24,
  Шаг: 18,
  "От чего": 12,
  "Уровень 1": 11,
  "Уровень 2": 11,
  Ответственный: 28,
  Когда: 17,
  Кто: 16,
  Действие: 36,
  Лист: 18,
  Строки: 14,
};

/** The layout of one column. */
export function columnLayout(header: string): ColumnLayout {
  const isNumber = NUMBER_COLUMNS.has(header) || /: (детей|семей)$/.test(header);
  const kind: ColumnKind = DATE_COLUMNS.has(header) ? "date" : isNumber ? "number" : "text";
  const list = LISTS[header];
  // A social passport's count columns are narrow: their long headers wrap.
  const width =
    WIDTHS[header] ??
    (kind === "date"
      ? 12
      : /: (детей|семей)$/.test(header)
        ? 10
        : Math.min(Math.max(header.length + 2, 10), 24));
  const hint = HINTS[header];
  return {
    header,
    kind,
    width,
    ...(list ? { list: list.list, strictList: list.strict } : {}),
    ...(hint ? { hint } : {}),
    ...(kind === "text" ? { wrap: true } : {}),
    ...(DATE_TIME_COLUMNS.has(header) ? { withTime: true } : {}),
  };
}

/** The layout of every column of a sheet, in contract order. */
export function sheetLayout(sheet: SheetKey): ColumnLayout[] {
  return SHEET_COLUMNS[sheet].map(columnLayout);
}
