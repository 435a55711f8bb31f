/**
 * The register workbook contract (shared/spec/workbook.md): sheet names, column headers and
 * list values. The add-in, the scripts, the CSV import and every test use these texts.
 */

export const SHEET = {
  settings: "Настройки",
  cases: "Учёт",
  families: "Семьи",
  actions: "Мероприятия",
  assistance: "Помощь",
  activities: "Занятость",
  service: "Служба",
  passport: "Соцпаспорт",
  signals: "Сигналы",
  regulation: "Регламент",
  journal: "Журнал",
} as const;

export type SheetKey = keyof typeof SHEET;

/**
 * The version of the contract this program writes (workbook.md «Contract version 2»). A register
 * without «Версия книги» is version 1; a newer version than this is refused.
 */
export const CONTRACT_VERSION = 2;

/** The sheets of version 1: every command that reads a register requires them. */
export const V1_SHEETS: readonly SheetKey[] = [
  "settings",
  "cases",
  "families",
  "actions",
  "assistance",
  "activities",
  "service",
  "passport",
  "signals",
];

/** Sheets version 2 adds: absent in a version-1 register, where defaults are used. */
export const V2_SHEETS: readonly SheetKey[] = ["regulation", "journal"];

/** Optional sheet with the user's additions to the production calendar. */
export const CALENDAR_SHEET = "Календарь";
export const CALENDAR_COLUMNS = ["Дата", "Вид дня", "Примечание"] as const;
export const CALENDAR_DAY_KINDS = ["нерабочий", "рабочий"] as const;

export const SETTINGS_COLUMNS = ["Параметр", "Значение"] as const;

export const CASE_COLUMNS = [
  "Код",
  "Фамилия",
  "Имя",
  "Отчество",
  "Дата рождения",
  "Класс",
  "Код семьи",
  "Дата выявления",
  "Источник",
  "Показатели",
  "Уровень",
  "Дата постановки",
  "Протокол",
  "Дата снятия",
  "Основание снятия",
  "Куратор",
  "Примечание",
  "Протокол снятия",
] as const;

export const FAMILY_COLUMNS = [
  "Код семьи",
  "Социальный статус",
  "Мать",
  "Отец",
  "Опекун (попечитель)",
  "Адрес проживания",
  "Адрес регистрации",
  "Телефон",
  "Дети семьи",
] as const;

export const ACTION_COLUMNS = [
  "Код",
  "Шаг",
  "Раздел",
  "Направление",
  "Мероприятие",
  "Срок",
  "Ответственный",
  "Выполнено",
  "Примечание",
  "Блок",
] as const;

export const ASSISTANCE_COLUMNS = ["Код", "Дата", "Вид помощи", "Содержание"] as const;

export const ACTIVITY_COLUMNS = [
  "Код",
  "Вид",
  "Объединение",
  "Дата начала",
  "Дата окончания",
] as const;

export const SERVICE_COLUMNS = [
  "Дата",
  "Вид работы",
  "Количество",
  "Охвачено",
  "Примечание",
] as const;

/** Social passport categories: the report JSON key and the column stem. */
export const PASSPORT_CATEGORIES = [
  { key: "total", title: "Всего" },
  { key: "completeProsperous", title: "Полные благополучные" },
  { key: "needSupport", title: "Нуждающиеся в поддержке" },
  { key: "lostBreadwinner", title: "Потеря кормильца" },
  { key: "divorced", title: "Разведённые родители" },
  { key: "singleParent", title: "Одинокие родители" },
  { key: "disabledChildren", title: "Дети-инвалиды" },
  { key: "disabledParents", title: "Родители-инвалиды" },
  { key: "guardianship", title: "Опекаемые" },
  { key: "unemployed", title: "Безработные" },
  { key: "largeFamilies", title: "Многодетные" },
] as const;

export type PassportCategory = (typeof PASSPORT_CATEGORIES)[number]["key"];

export const PASSPORT_COLUMNS: readonly string[] = [
  "Класс",
  ...PASSPORT_CATEGORIES.flatMap((c) => [`${c.title}: детей`, `${c.title}: семей`]),
];

export const SIGNAL_COLUMNS = [
  "Дата",
  "Код",
  "От кого",
  "Специалист",
  "Телефон специалиста",
  "ФИО родителя",
  "Статус",
  "Возраст родителя",
  "Место работы",
  "Адрес",
  "ФИО несовершеннолетнего",
  "Возраст",
  "Образовательная организация",
  "Причины",
  "Другое",
  "Неорганизован",
] as const;

/** «Регламент» (version 2): the regulation profile, one row per regulated step. */
export const REGULATION_COLUMNS = [
  "Шаг",
  "От чего",
  "Уровень 1",
  "Уровень 2",
  "Ответственный",
] as const;

/** «Журнал» (version 2): append-only log of what the add-in and the scripts wrote. */
export const JOURNAL_COLUMNS = ["Когда", "Кто", "Действие", "Лист", "Строки", "Код"] as const;

/**
 * Columns version 2 adds to the sheets of version 1. A version-1 register lacks them: they read
 * as empty there and are appended to their tables on upgrade.
 */
export const V2_COLUMNS: Readonly<Partial<Record<SheetKey, readonly string[]>>> = {
  cases: ["Протокол снятия"],
  families: ["Дети семьи"],
  actions: ["Блок"],
  signals: ["Неорганизован"],
};

/** The columns of a sheet a register of any version must have (version 2's own are optional). */
export function requiredColumns(sheet: SheetKey): readonly string[] {
  if (V2_SHEETS.includes(sheet)) {
    return SHEET_COLUMNS[sheet];
  }
  const added = V2_COLUMNS[sheet] ?? [];
  return SHEET_COLUMNS[sheet].filter((c) => !added.includes(c));
}

/** Every sheet of the register with its columns, in the order `vshu init` lays them out. */
export const SHEET_COLUMNS: Readonly<Record<SheetKey, readonly string[]>> = {
  settings: SETTINGS_COLUMNS,
  cases: CASE_COLUMNS,
  families: FAMILY_COLUMNS,
  actions: ACTION_COLUMNS,
  assistance: ASSISTANCE_COLUMNS,
  activities: ACTIVITY_COLUMNS,
  service: SERVICE_COLUMNS,
  passport: PASSPORT_COLUMNS,
  signals: SIGNAL_COLUMNS,
  regulation: REGULATION_COLUMNS,
  journal: JOURNAL_COLUMNS,
};

/** Every sheet in the order `vshu init` lays them out. */
export const SHEET_ORDER: readonly SheetKey[] = [
  "settings",
  "cases",
  "families",
  "actions",
  "assistance",
  "activities",
  "service",
  "passport",
  "signals",
  "regulation",
  "journal",
];

/** Excel table names (ASCII, stable) of each sheet. */
export const TABLE_NAME: Readonly<Record<SheetKey, string>> = {
  settings: "tblSettings",
  cases: "tblCases",
  families: "tblFamilies",
  actions: "tblActions",
  assistance: "tblAssistance",
  activities: "tblActivities",
  service: "tblService",
  passport: "tblPassport",
  signals: "tblSignals",
  regulation: "tblRegulation",
  journal: "tblJournal",
};

// ---- list values -------------------------------------------------------------------------

export const LEVEL_VALUES = ["1", "2"] as const;

export const SOURCE_VALUES = [
  "классный руководитель",
  "социальный педагог",
  "педагог-психолог",
  "ПДН ОВД",
  "КДН и ЗП",
  "соцзащита",
  "опека",
  "здравоохранение",
  "другое",
] as const;

export const FAMILY_STATUS_VALUES = [
  "полная",
  "многодетная",
  "одинокая мать",
  "одинокий отец",
  "малообеспеченная",
  "опекаемая",
] as const;

/**
 * Regulated steps: the value of «Шаг» and the key used in `deadlines --json`. «информирование»
 * (version 2) is listed in «Регламент» and may be written in «Мероприятия».
 */
export const STEPS = [
  { key: "inform", title: "информирование" },
  { key: "order", title: "приказ" },
  { key: "meeting", title: "заседание" },
  { key: "visit", title: "выход в семью" },
  { key: "inspection", title: "обследование" },
  { key: "characteristic", title: "характеристика" },
  { key: "observation", title: "наблюдение" },
  { key: "successReview", title: "успешность" },
  { key: "planReview", title: "пересмотр ИПС" },
] as const;

export type StepKey = (typeof STEPS)[number]["key"];

/** Whether a step counts from identification or registration («От чего» of «Регламент»). */
export const STEP_BASE_VALUES = [
  { key: "identification", title: "выявление" },
  { key: "registration", title: "постановка" },
] as const;

/** School-wide deadlines listed beside the cases' steps, with `"case": null`. */
export const SCHOOL_STEPS = [
  { key: "monthlyReport", title: "отчёт в министерство" },
  { key: "quarterRegister", title: "электронный реестр" },
] as const;

export type SchoolStepKey = (typeof SCHOOL_STEPS)[number]["key"];

export const SECTION_VALUES = ["ребёнок", "родители"] as const;

/** «Блок» of «Мероприятия» (version 2): the row block of the plan's table (annex 5). */
export const BLOCK_VALUES = ["специалисты", "учебно-воспитательная", "профилактическая"] as const;

export type Block = (typeof BLOCK_VALUES)[number];

export const YES_NO_VALUES = ["да", "нет"] as const;

/** Who wrote a «Журнал» row: the add-in, or `vshu <command>`. */
export const JOURNAL_ADDIN = "надстройка";

export const ASSISTANCE_KINDS = [
  { key: "psychological", title: "психологическая" },
  { key: "financial", title: "финансовая" },
  { key: "clothing", title: "вещевая" },
  { key: "employment", title: "содействие в трудоустройстве" },
  { key: "treatment", title: "содействие в лечении" },
] as const;

export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number]["key"];

export const ACTIVITY_KINDS = [
  { key: "schoolClubs", title: "кружок" },
  { key: "sports", title: "спортивная секция" },
  { key: "tourism", title: "туристическое объединение" },
  { key: "other", title: "другое" },
] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number]["key"];

export const SERVICE_KINDS = [
  { key: "consultationsIndividual", title: "индивидуальная консультация" },
  { key: "consultationsGroup", title: "групповая консультация" },
  { key: "trainings", title: "тренинг" },
  { key: "plansCarriedOut", title: "реализован ИПС" },
  { key: "commissionMeetings", title: "участие в заседании КДН и ЗП" },
  { key: "pedagogicalCouncils", title: "педсовет / МО" },
] as const;

export type ServiceKind = (typeof SERVICE_KINDS)[number]["key"];

// ---- settings ------------------------------------------------------------------------------

export const QUARTERS = ["I", "II", "III", "IV"] as const;
export type Quarter = (typeof QUARTERS)[number];

/** Parameters of report section VI (parent community), in the form's order. */
export const PARENT_COMMUNITY_PARAMS = [
  "Общественные приемные",
  "Советы бабушек и дедушек",
  "Совет отцов",
  "Совет профилактики",
  "Детское движение",
  "Семейные клубы",
  "Уполномоченные по защите прав",
  "Другие объединения родителей",
] as const;

export const SETTING = {
  school: "Образовательная организация",
  district: "Район",
  schoolYear: "Учебный год",
  ministryAddress: "Адрес министерства",
  reportDay: "День отчёта",
  coordinatorName: "Координатор ФИО",
  coordinatorPosition: "Координатор должность",
  coordinatorPhone: "Координатор телефон",
  version: "Версия книги",
  region: "Регион",
  director: "Директор ФИО",
  deputy: "Заместитель директора по ВР ФИО",
  executorName: "Исполнитель ФИО",
  executorPhone: "Исполнитель телефон",
} as const;

/** The default of «Регион» (version 2): it picks the regional non-working days. */
export const DEFAULT_REGION = "Республика Тыва";

export const DEFAULT_MINISTRY_ADDRESS = "yospitanie17@yandex.ru";
export const DEFAULT_REPORT_DAY = 5;

/** `I четверть с`, `I четверть по`, … */
export function quarterParam(q: Quarter, edge: "from" | "to"): string {
  return `${q} четверть ${edge === "from" ? "с" : "по"}`;
}

/** Every settings parameter in the order `vshu init` writes them. */
export const SETTINGS_PARAMS: readonly string[] = [
  SETTING.version,
  SETTING.school,
  SETTING.district,
  SETTING.schoolYear,
  ...QUARTERS.flatMap((q) => [quarterParam(q, "from"), quarterParam(q, "to")]),
  SETTING.ministryAddress,
  SETTING.reportDay,
  SETTING.coordinatorName,
  SETTING.coordinatorPosition,
  SETTING.coordinatorPhone,
  ...PARENT_COMMUNITY_PARAMS,
  SETTING.region,
  SETTING.director,
  SETTING.deputy,
  SETTING.executorName,
  SETTING.executorPhone,
];

/** Settings parameters version 2 adds (appended to «Настройки» on upgrade). */
export const V2_SETTINGS_PARAMS: readonly string[] = [
  SETTING.version,
  SETTING.region,
  SETTING.director,
  SETTING.deputy,
  SETTING.executorName,
  SETTING.executorPhone,
];
