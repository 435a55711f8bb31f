/**
 * Sections I–VII of the report form of order No. 223-д («Форма отчета»), with the seed's row and
 * column titles and its two-row headers merged as the seed draws them: II «Постановка на
 * внутришкольный учёт / Кол-во» over «детей / семей», III «Виды помощи: …» over the five kinds,
 * V «Из них:» over the two levels, VII «ФИО / Должность / Контактный телефон».
 *
 * Columns: A «№», B the row's title, C…I numbers. A table's rows are framed from A to the last
 * column it uses (`frame`).
 */
import { categoriesOf, INDICATORS, type Level } from "../indicators/catalog";
import { PARENT_COMMUNITY_PARAMS, QUARTERS } from "../register/schema";
import type { FormCell, FormRow, FormSpan, RowStyle } from "./form";
import type { ChildFamilyCount, ReportJson } from "./types";

/** A row; `spans` as [column, columns wide, rows tall]. */
export function row(
  style: RowStyle,
  cells: readonly FormCell[],
  frame = 0,
  spans: readonly (readonly [number, number, number])[] = []
): FormRow {
  const s: FormSpan[] = spans.map(([col, cols, rows]) => ({ col, cols, rows }));
  return { style, cells, frame, spans: s };
}

/** A text row across the whole form (A…I), or from B for the title lines. */
export function textRow(style: RowStyle, text: string, fromB = false): FormRow {
  return fromB ? row(style, [null, text], 0, [[1, 8, 1]]) : row(style, [text], 0, [[0, 9, 1]]);
}

function pair(c: ChildFamilyCount): [number, number] {
  return [c.children, c.families];
}

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

export function sectionI(r: ReportJson, ofDistrict: string | null): FormRow[] {
  const title = ofDistrict
    ? `I. Социальный паспорт семей образовательной организации ${ofDistrict}`
    : "I. Социальный паспорт семей образовательной организации";
  return [
    textRow("section", title),
    row("header", [null, "", "Дети", "Семьи"], 4),
    ...PASSPORT_ROWS.map(([label, key]) =>
      row(key === "total" ? "total" : "data", [null, label, ...pair(r.socialPassport[key])], 4)
    ),
  ];
}

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

export function sectionII(r: ReportJson): FormRow[] {
  const rows: FormRow[] = [
    textRow(
      "section",
      "II. Сведения о несовершеннолетних (семьях) группы риска, состоящих на внутришкольном учёте других групп: на ранней стадии семейного неблагополучия, в социально опасном положении по основным показателям неблагополучия"
    ),
    row(
      "header",
      ["№", "Показатель", "Постановка на внутришкольный учёт", null, "Кол-во", null],
      6,
      [
        [0, 1, 2],
        [1, 1, 2],
        [2, 2, 1],
        [4, 2, 1],
      ]
    ),
    row("header", [null, null, "детей", "семей", "детей", "семей"], 6),
  ];
  for (const level of [1, 2] as const) {
    const data = level === 1 ? r.register.level1 : r.register.level2;
    rows.push(
      row(
        "total",
        [
          level,
          LEVEL_TITLES[level],
          ...pair(data.total.registered),
          ...pair(data.total.onRegister),
        ],
        6
      )
    );
    for (const category of categoriesOf(level)) {
      rows.push(row("group", [null, CATEGORY_TITLES[category] ?? category], 6));
      for (const ind of INDICATORS.filter((i) => i.level === level && i.category === category)) {
        const v = data.indicators[ind.code];
        const counts = v ? [...pair(v.registered), ...pair(v.onRegister)] : [0, 0, 0, 0];
        rows.push(row("data", [ind.code, `• ${ind.reportTitle}`, ...counts], 6));
      }
    }
  }
  rows.push(
    row("header", [null, "Снятие с учёта", "детей", "семей"], 4),
    row(
      "data",
      [
        1,
        "Количество снятых несовершеннолетних (семей), состоящих на внутришкольном учёте на ранней стадии семейного неблагополучия",
        ...pair(r.register.removed.level1),
      ],
      4
    ),
    row(
      "data",
      [
        2,
        "Количество снятых несовершеннолетних (семей), состоящих на муниципальном учёте (ДЕСОП)",
        ...pair(r.register.removed.level2),
      ],
      4
    )
  );
  return rows;
}

type AssistanceRow = ReportJson["assistance"][number];

function helpCells(h: AssistanceRow["level1"]): number[] {
  const k = h.byKind;
  return [
    h.families,
    h.helped,
    k.psychological,
    k.financial,
    k.clothing,
    k.employment,
    k.treatment,
  ];
}

export function sectionIII(r: ReportJson): FormRow[] {
  const rows: FormRow[] = [
    textRow(
      "section",
      "III. Система работы (города) с несовершеннолетними (семьями) группы риска:"
    ),
  ];
  for (const level of [1, 2] as const) {
    rows.push(
      row(
        "group",
        [
          null,
          level === 1
            ? "• с семьёй на ранней стадии семейного неблагополучия"
            : "• с семьёй, находящейся в социально опасном положении (ДЕСОП)",
        ],
        0,
        [[1, 8, 1]]
      ),
      row(
        "header",
        [
          "№",
          "Наименование образовательной организации",
          "Количество семей",
          "Из них: оказана помощь за отчётный период (кол-во)",
          "Виды помощи: психологическая; материальная; вещевая (одежда, обувь, школьная форма, спортивная форма); социально-организационная (содействие в трудоустройстве, лечении)",
        ],
        9,
        [
          [0, 1, 2],
          [1, 1, 2],
          [2, 1, 2],
          [3, 1, 2],
          [4, 5, 1],
        ]
      ),
      row(
        "header",
        [
          null,
          null,
          null,
          null,
          "психологическая",
          "финансовая",
          "вещевая",
          "Содействие в трудоустройстве",
          "Содействие в лечении",
        ],
        9
      )
    );
    const pick = (a: AssistanceRow): AssistanceRow["level1"] => (level === 1 ? a.level1 : a.level2);
    r.assistance.forEach((a, i) => {
      rows.push(row("data", [i + 1, a.school, ...helpCells(pick(a))], 9));
    });
    if (r.assistance.length > 1) {
      const sums = r.assistance
        .map((a) => helpCells(pick(a)))
        .reduce((acc, cells) => acc.map((n, i) => n + (cells[i] ?? 0)));
      rows.push(row("total", [null, "Итого", ...sums], 9));
    }
  }
  return rows;
}

export function sectionIV(r: ReportJson): FormRow[] {
  const q = (f: (x: ReportJson["service"]["I"]) => number | string): FormCell[] =>
    QUARTERS.map((k) => f(r.service[k]));
  const data = (label: string, cells: FormCell[]): FormRow =>
    row("data", [null, label, ...cells], 6);
  return [
    textRow(
      "section",
      "IV. Динамика изменений работы социально-психолого-педагогической службы (далее Служба) системы образования района (города)"
    ),
    row("header", [null, "", "I четверть", "II четверть", "III четверть", "IV четверть"], 6),
    data(
      "Всего охвачено услугами Службы",
      q((x) => x.covered)
    ),
    row("group", [null, "Из них:"], 6),
    data(
      "Проведено индивидуальных/групповых консультаций детей",
      q((x) => `${x.consultationsIndividual}/${x.consultationsGroup}`)
    ),
    data(
      "Проведено социально-психолого-педагогических тренингов",
      q((x) => x.trainings)
    ),
    data(
      "Реализовано индивидуальных планов сопровождения несовершеннолетних (семей)",
      q((x) => x.plansCarriedOut)
    ),
    data(
      "Принято участие психологов в заседаниях КДН и ЗП",
      q((x) => x.commissionMeetings)
    ),
    data(
      "Проведено педагогических советов, заседаний методических объединений классных руководителей по темам психолого-педагогического сопровождения образовательного процесса",
      q((x) => x.pedagogicalCouncils)
    ),
  ];
}

export function sectionV(r: ReportJson): FormRow[] {
  const a = r.activities;
  // «Из них» spans D:G: each level's column is two sheet columns wide (D:E, F:G).
  const spans: (readonly [number, number, number])[] = [
    [3, 2, 1],
    [5, 2, 1],
  ];
  const data = (n: number, label: string, c: ReportJson["activities"]["other"]): FormRow =>
    row("data", [n, label, c.total, c.level1, null, c.level2, null], 7, spans);
  const others =
    r.otherActivityNames.length > 0
      ? `Другие объединения (указать): ${r.otherActivityNames.join(", ")}`
      : "Другие объединения (указать)";
  return [
    textRow(
      "section",
      "V. Организованная занятость детей группы риска на ранней стадии семейного неблагополучия и находящихся в социально опасном положении, состоящих на внутришкольном учёте"
    ),
    row("header", ["№", "Занятость детей", "Количество", "Из них:"], 7, [
      [0, 1, 2],
      [1, 1, 2],
      [2, 1, 2],
      [3, 4, 1],
    ]),
    row(
      "header",
      [
        null,
        null,
        null,
        "Несовершеннолетние, воспитывающиеся в семье на ранней стадии семейного неблагополучия",
        null,
        "Несовершеннолетние, воспитывающиеся в семье, находящейся в социально опасном положении",
        null,
      ],
      7,
      spans
    ),
    data(1, "Кружки, объединения дополнительного образования школы", a.schoolClubs),
    data(2, "Спортивные секции", a.sports),
    data(3, "Туристические объединения", a.tourism),
    data(4, others, a.other),
  ];
}

const COMMUNITY_TITLES: Readonly<Record<string, string>> = {
  "Совет профилактики": "«Совет профилактики»",
  "Детское движение": "Детское движение образовательной организации (организация, объединение)",
  "Уполномоченные по защите прав":
    "Уполномоченные по защите прав участников образовательного процесса",
  "Другие объединения родителей": "Другие",
};

export function sectionVI(r: ReportJson): FormRow[] {
  return [
    textRow("section", "VI. Развитие родительской общественности в районе (городе)"),
    row("header", [null, "Наименование", "Количество"], 3),
    ...PARENT_COMMUNITY_PARAMS.map((p) =>
      row("data", [null, COMMUNITY_TITLES[p] ?? p, r.parentCommunity[p] ?? 0], 3)
    ),
  ];
}

export function sectionVII(r: ReportJson): FormRow[] {
  const spans: (readonly [number, number, number])[] = [
    [2, 2, 1],
    [4, 2, 1],
    [6, 3, 1],
  ];
  return [
    textRow(
      "section",
      "VII. Сведения о координаторе работы по профилактике муниципального органа управления образованием"
    ),
    row(
      "header",
      [
        "Ответственный за организацию работы от управления образованием",
        null,
        "ФИО",
        null,
        "Должность",
        null,
        "Контактный телефон",
      ],
      9,
      [[0, 2, 2], ...spans]
    ),
    row(
      "data",
      [null, null, r.coordinator.name, null, r.coordinator.position, null, r.coordinator.phone],
      9,
      spans
    ),
  ];
}
