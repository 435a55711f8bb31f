/**
 * The report form of order No. 223-д (annex «Форма отчета»), sections I–VII, as rows of
 * cells with their roles: a pure layout the adapters write into a workbook (the CLI with
 * its xlsx writer, the add-in through the Office API). Counts only: nothing personal can reach this layout,
 * because it is built from ReportJson alone.
 */
import { formatDateRu } from "../dates/isoDate";
import { categoriesOf, INDICATORS, type Level } from "../indicators/catalog";
import { PARENT_COMMUNITY_PARAMS, QUARTERS } from "../register/schema";
import type { ChildFamilyCount, ReportJson } from "./types";

export type FormCell = string | number | null;

export type RowStyle =
  "title" | "subtitle" | "section" | "header" | "group" | "data" | "total" | "note" | "blank";

export interface FormRow {
  readonly style: RowStyle;
  /** Cells from column A; at most FORM_COLUMNS. */
  readonly cells: readonly FormCell[];
}

/** Columns of the form: № | title | up to seven numbers. */
export const FORM_COLUMNS = 9;
export const FORM_WIDTHS = [5, 58, 12, 12, 12, 12, 12, 14, 12] as const;

const row = (style: RowStyle, ...cells: FormCell[]): FormRow => ({ style, cells });

/** Row titles of section I in the form's order, with the JSON key of each. */
const PASSPORT_ROWS: readonly [string, keyof ReportJson["socialPassport"]][] = [
  ["Количество полных социально-благополучных семей (детей)", "completeProsperous"],
  [
    "Количество семей (детей), нуждающихся в государственной поддержке, в том числе:",
    "needSupport",
  ],
  ["- с потерей кормильца", "lostBreadwinner"],
  ["- разведённых родителей", "divorced"],
  ["- матерей (отцов) - одиночек", "singleParent"],
  ["- семей с детьми-инвалидами", "disabledChildren"],
  ["- семей с родителями-инвалидами", "disabledParents"],
  ["- опекаемых семей", "guardianship"],
  ["- семей безработных, стоящих на учёте в центре занятости", "unemployed"],
  ["- многодетных семей", "largeFamilies"],
  ["Всего:", "total"],
];

const CATEGORY_TITLES: Readonly<Record<string, string>> = {
  "социально-экономические": "Социально-экономические:",
  "медико-санитарные": "Медико-санитарные:",
  "социально-демографические": "Социально-демографические:",
  "психолого-педагогические": "Психолого-педагогические:",
  "криминально-аморальные": "Криминально-аморальные:",
};

const LEVEL_TITLES: Readonly<Record<Level, string>> = {
  1: "Дети (семьи) на ранней стадии семейного неблагополучия",
  2: "Дети (семьи) в социально опасном положении (далее - ДЕСОП)",
};

function pair(c: ChildFamilyCount): [number, number] {
  return [c.children, c.families];
}

function sectionII(r: ReportJson): FormRow[] {
  const rows: FormRow[] = [
    row(
      "section",
      "II. Сведения о несовершеннолетних (семьях) группы риска, состоящих на внутришкольном учёте: на ранней стадии семейного неблагополучия, в социально опасном положении по основным показателям неблагополучия"
    ),
    row(
      "header",
      "№",
      "Показатель",
      "Постановка на внутришкольный учёт: детей",
      "Постановка на внутришкольный учёт: семей",
      "Кол-во: детей",
      "Кол-во: семей"
    ),
  ];
  for (const level of [1, 2] as const) {
    const data = level === 1 ? r.register.level1 : r.register.level2;
    rows.push(
      row(
        "total",
        level,
        LEVEL_TITLES[level],
        ...pair(data.total.registered),
        ...pair(data.total.onRegister)
      )
    );
    for (const category of categoriesOf(level)) {
      rows.push(row("group", null, CATEGORY_TITLES[category] ?? category));
      for (const ind of INDICATORS.filter((i) => i.level === level && i.category === category)) {
        const v = data.indicators[ind.code];
        const counts = v ? [...pair(v.registered), ...pair(v.onRegister)] : [0, 0, 0, 0];
        rows.push(row("data", ind.code, `• ${ind.reportTitle}`, ...counts));
      }
    }
  }
  rows.push(row("group", null, "Снятие с учёта", null, null, "детей", "семей"));
  rows.push(
    row(
      "data",
      1,
      "Количество снятых несовершеннолетних (семей), состоящих на внутришкольном учёте на ранней стадии семейного неблагополучия",
      null,
      null,
      ...pair(r.register.removed.level1)
    ),
    row(
      "data",
      2,
      "Количество снятых несовершеннолетних (семей), состоящих на муниципальном учёте (ДЕСОП)",
      null,
      null,
      ...pair(r.register.removed.level2)
    )
  );
  return rows;
}

function sectionIII(r: ReportJson): FormRow[] {
  const rows: FormRow[] = [
    row("section", "III. Система работы (города) с несовершеннолетними (семьями) группы риска"),
  ];
  const header = row(
    "header",
    "№",
    "Наименование образовательной организации",
    "Количество семей",
    "Из них: оказана помощь за отчётный период (кол-во)",
    "психологическая",
    "финансовая",
    "вещевая",
    "Содействие в трудоустройстве",
    "Содействие в лечении"
  );
  for (const level of [1, 2] as const) {
    rows.push(
      row(
        "group",
        null,
        level === 1
          ? "• с семьёй на ранней стадии семейного неблагополучия"
          : "• с семьёй, находящейся в социально опасном положении (ДЕСОП)"
      ),
      header
    );
    r.assistance.forEach((a, i) => {
      const h = level === 1 ? a.level1 : a.level2;
      const k = h.byKind;
      rows.push(
        row(
          "data",
          i + 1,
          a.school,
          h.families,
          h.helped,
          k.psychological,
          k.financial,
          k.clothing,
          k.employment,
          k.treatment
        )
      );
    });
    if (r.assistance.length > 1) {
      const sum = (f: (a: ReportJson["assistance"][number]) => number): number =>
        r.assistance.reduce((s, a) => s + f(a), 0);
      const pick = (a: ReportJson["assistance"][number]) => (level === 1 ? a.level1 : a.level2);
      rows.push(
        row(
          "total",
          null,
          "Итого",
          sum((a) => pick(a).families),
          sum((a) => pick(a).helped),
          sum((a) => pick(a).byKind.psychological),
          sum((a) => pick(a).byKind.financial),
          sum((a) => pick(a).byKind.clothing),
          sum((a) => pick(a).byKind.employment),
          sum((a) => pick(a).byKind.treatment)
        )
      );
    }
  }
  return rows;
}

function sectionIV(r: ReportJson): FormRow[] {
  const q = (f: (x: ReportJson["service"]["I"]) => number | string): FormCell[] =>
    QUARTERS.map((k) => f(r.service[k]));
  return [
    row(
      "section",
      "IV. Динамика изменений работы социально-психолого-педагогической службы (далее Служба) системы образования района (города)"
    ),
    row("header", null, "", "I четверть", "II четверть", "III четверть", "IV четверть"),
    row("data", null, "Всего охвачено услугами Службы", ...q((x) => x.covered)),
    row("group", null, "Из них:"),
    row(
      "data",
      null,
      "Проведено индивидуальных/групповых консультаций детей",
      ...q((x) => `${x.consultationsIndividual}/${x.consultationsGroup}`)
    ),
    row(
      "data",
      null,
      "Проведено социально-психолого-педагогических тренингов",
      ...q((x) => x.trainings)
    ),
    row(
      "data",
      null,
      "Реализовано индивидуальных планов сопровождения несовершеннолетних (семей)",
      ...q((x) => x.plansCarriedOut)
    ),
    row(
      "data",
      null,
      "Принято участие психологов в заседаниях КДН и ЗП",
      ...q((x) => x.commissionMeetings)
    ),
    row(
      "data",
      null,
      "Проведено педагогических советов, заседаний методических объединений классных руководителей по темам психолого-педагогического сопровождения образовательного процесса",
      ...q((x) => x.pedagogicalCouncils)
    ),
  ];
}

function sectionV(r: ReportJson): FormRow[] {
  const a = r.activities;
  return [
    row(
      "section",
      "V. Организованная занятость детей группы риска на ранней стадии семейного неблагополучия и находящихся в социально опасном положении, состоящих на внутришкольном учёте"
    ),
    row(
      "header",
      "№",
      "Занятость детей",
      "Количество",
      "Из них: на ранней стадии семейного неблагополучия",
      "Из них: в семье, находящейся в социально опасном положении"
    ),
    row(
      "data",
      1,
      "Кружки, объединения дополнительного образования школы",
      a.schoolClubs.total,
      a.schoolClubs.level1,
      a.schoolClubs.level2
    ),
    row("data", 2, "Спортивные секции", a.sports.total, a.sports.level1, a.sports.level2),
    row(
      "data",
      3,
      "Туристические объединения",
      a.tourism.total,
      a.tourism.level1,
      a.tourism.level2
    ),
    row("data", 4, "Другие объединения", a.other.total, a.other.level1, a.other.level2),
  ];
}

const COMMUNITY_TITLES: Readonly<Record<string, string>> = {
  "Совет профилактики": "«Совет профилактики»",
  "Детское движение": "Детское движение образовательной организации (организация, объединение)",
  "Уполномоченные по защите прав":
    "Уполномоченные по защите прав участников образовательного процесса",
  "Другие объединения родителей": "Другие",
};

/** The whole form as rows, from the report's counts. */
export function buildReportForm(r: ReportJson): FormRow[] {
  const period = `с ${formatDateRu(r.from)} по ${formatDateRu(r.to)}`;
  const rows: FormRow[] = [
    row(
      "title",
      null,
      "Форма отчёта деятельности образовательной организации с несовершеннолетними (семьёй) группы риска"
    ),
    row(
      "subtitle",
      null,
      `за период ${period} ${r.schoolYear ? `${r.schoolYear} учебного года` : ""}`.trim()
    ),
    row(
      "subtitle",
      null,
      `Образовательная организация: ${r.school || "—"}; район (город): ${r.district || "—"}`
    ),
    row("blank"),
    row(
      "section",
      `I. Социальный паспорт семей образовательной организации ${r.district ? `(${r.district})` : ""}`.trim()
    ),
    row("header", null, "", "Дети", "Семьи"),
    ...PASSPORT_ROWS.map(([title, key]) =>
      row(
        key === "total" ? "total" : "data",
        null,
        title,
        r.socialPassport[key].children,
        r.socialPassport[key].families
      )
    ),
    row("blank"),
    ...sectionII(r),
    row("blank"),
    ...sectionIII(r),
    row("blank"),
    ...sectionIV(r),
    row("blank"),
    ...sectionV(r),
    row("blank"),
    row("section", "VI. Развитие родительской общественности в районе (городе)"),
    row("header", null, "Наименование", "Количество"),
    ...PARENT_COMMUNITY_PARAMS.map((p) =>
      row("data", null, COMMUNITY_TITLES[p] ?? p, r.parentCommunity[p] ?? 0)
    ),
    row("blank"),
    row(
      "section",
      "VII. Сведения о координаторе работы по профилактике муниципального органа управления образованием"
    ),
    row(
      "header",
      null,
      "Ответственный за организацию работы от управления образованием",
      "ФИО",
      null,
      "Должность",
      null,
      "Контактный телефон"
    ),
    row(
      "data",
      null,
      "",
      r.coordinator.name,
      null,
      r.coordinator.position,
      null,
      r.coordinator.phone
    ),
  ];
  return rows;
}
