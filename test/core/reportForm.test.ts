/**
 * The report form as the ministry reads it: the title's words (the period as people say it,
 * the district in the seed's words, never a guessed ending), the seed's two-row headers merged,
 * the seed's title words, the signature block, and a layout in which every word fits its cell
 * and every row is tall enough for its wrapped text.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { aggregateReport } from "../../src/core/report/aggregate";
import {
  buildReportForm,
  FORM_COLUMNS,
  reportFormLayout,
  type FormRow,
} from "../../src/core/report/form";
import {
  cellStyle,
  linesHeight,
  longestWordWidth,
  textWidth,
  wrappedLines,
  type FormMerge,
} from "../../src/core/report/formLayout";
import { districtWords, periodPhrase } from "../../src/core/report/formTitle";
import type { ReportJson } from "../../src/core/report/types";
import { aRegister, aSettings, anActivity, anEpisode } from "../support/builders";

const QUARTER_II = { from: "2026-11-05", to: "2026-12-28" };

function report(overrides: Partial<ReportJson> = {}, period = QUARTER_II): ReportJson {
  const register = aRegister({
    settings: aSettings({
      district: "Барун-Хемчикский кожуун",
      school: "МБОУ «СОШ № 7 с. Кызыл-Мажалык»",
      director: "Ламажап Сайлык Оскаловна",
      executor: { name: "Сагаан-оол Чечена Кимовна", phone: "8-923-000-21-21" },
    }),
    episodes: [
      anEpisode({ code: "A" }),
      anEpisode({ code: "B", childKey: "b", level: 2, indicators: ["С5"] }),
    ],
    activities: [
      anActivity({ caseCode: "A", kind: "other", name: "Юнармия" }),
      anActivity({ caseCode: "B", kind: "other", name: "Волонтёрский отряд «Доброе сердце»" }),
    ],
  });
  return { ...aggregateReport(register, period), ...overrides };
}

const texts = (rows: readonly FormRow[]): string[] =>
  rows.flatMap((r) => r.cells.filter((c): c is string => typeof c === "string"));

/** The index of the row whose cell `col` is `text`. */
function rowWith(rows: readonly FormRow[], col: number, text: string): number {
  const i = rows.findIndex((r) => r.cells[col] === text);
  assert.ok(i >= 0, `no row with «${text}» in column ${col}`);
  return i;
}

describe("the title: the period as people say it", () => {
  const cases: ReadonlyArray<[string, Parameters<typeof periodPhrase>[0], string]> = [
    [
      "a school quarter",
      { ...QUARTER_II, schoolTerm: "II", schoolYear: "2026/2027" },
      "за II четверть 2026/2027 учебного года",
    ],
    [
      "the school year",
      { from: "2026-09-01", to: "2027-05-26", schoolTerm: "year", schoolYear: "2026/2027" },
      "за 2026/2027 учебный год",
    ],
    [
      "a quarter with no school year in the settings",
      { from: "2027-01-12", to: "2027-03-20", schoolTerm: "III", schoolYear: "" },
      "за III четверть 2026/2027 учебного года",
    ],
    [
      "a whole calendar month",
      { from: "2026-11-01", to: "2026-11-30", schoolTerm: null, schoolYear: "2026/2027" },
      "за ноябрь 2026 г.",
    ],
    [
      "February of a leap year",
      { from: "2028-02-01", to: "2028-02-29", schoolTerm: null, schoolYear: "" },
      "за февраль 2028 г.",
    ],
    [
      "a month to date",
      { from: "2026-11-01", to: "2026-11-23", schoolTerm: null, schoolYear: "2026/2027" },
      "за период с 01.11.2026 по 23.11.2026",
    ],
    [
      "two whole months",
      { from: "2026-10-01", to: "2026-11-30", schoolTerm: null, schoolYear: "2026/2027" },
      "за период с 01.10.2026 по 30.11.2026",
    ],
    [
      "a month's dates in another year",
      { from: "2026-12-01", to: "2027-12-31", schoolTerm: null, schoolYear: "2026/2027" },
      "за период с 01.12.2026 по 31.12.2027",
    ],
  ];
  for (const [label, input, expected] of cases) {
    test(label, () => {
      assert.equal(periodPhrase(input), expected);
    });
  }
});

describe("the title: the district in the seed's words, never a guessed ending", () => {
  const cases: ReadonlyArray<[string, string | null, string | null]> = [
    ["Барун-Хемчикский кожуун", "в Барун-Хемчикском кожууне", "Барун-Хемчикского кожууна"],
    ["Кызылский район", "в Кызылском районе", "Кызылского района"],
    [
      "  Каа-Хемский   кожуун Республики Тыва ",
      "в Каа-Хемском кожууне Республики Тыва",
      "Каа-Хемского кожууна Республики Тыва",
    ],
    [
      "муниципальный район «Барун-Хемчикский кожуун»",
      "в муниципальном районе «Барун-Хемчикский кожуун»",
      "муниципального района «Барун-Хемчикский кожуун»",
    ],
    ["Великий район", "в Великом районе", "Великого района"],
    ["Лесной район", "в Лесном районе", "Лесного района"],
    ["г. Ак-Довурак", "в г. Ак-Довурак", "г. Ак-Довурак"],
    ["город Ак-Довурак", "в городе Ак-Довурак", "города Ак-Довурак"],
    ["Барун-Хемчикском кожууне", "в Барун-Хемчикском кожууне", null],
    ["в Барун-Хемчикском кожууне", "в Барун-Хемчикском кожууне", null],
    // Nothing the rules are sure of: a neutral line instead.
    ["Кызыл", null, null],
    ["Верхний район", null, null],
    ["Барун-Хемчик", null, null],
    ["кожуун Барун-Хемчик", null, null],
    ["", null, null],
  ];
  for (const [district, locative, genitive] of cases) {
    test(`«${district}»`, () => {
      assert.deepEqual(districtWords(district ?? ""), { locative, genitive });
    });
  }

  test("the title lines of a quarter in a kozhuun", () => {
    const rows = buildReportForm(report(), { made: "2026-12-29" });
    assert.match(
      String(rows[0]?.cells[1]),
      /^Форма отчёта деятельности образовательной организации/
    );
    assert.deepEqual(
      rows.slice(1, 4).map((r) => r.cells[1]),
      [
        "за II четверть 2026/2027 учебного года в Барун-Хемчикском кожууне",
        "по состоянию на 28.12.2026",
        "Образовательная организация: МБОУ «СОШ № 7 с. Кызыл-Мажалык»",
      ]
    );
    assert.ok(
      texts(rows).includes(
        "I. Социальный паспорт семей образовательной организации Барун-Хемчикского кожууна"
      )
    );
  });

  test("a district the rules cannot decline: a neutral line, the name as typed", () => {
    const rows = buildReportForm(report({ district: "Кызыл" }, OCTOBER_PERIOD), { made: null });
    assert.deepEqual(
      rows.slice(1, 4).map((r) => r.cells[1]),
      ["за октябрь 2026 г.", "по состоянию на 31.10.2026", "Муниципальное образование: Кызыл"]
    );
    assert.ok(texts(rows).includes("I. Социальный паспорт семей образовательной организации"));
    assert.ok(!texts(rows).some((t) => /Кызыле|Кызыла/.test(t)));
  });

  test("no district: a blank to fill, as on the seed's form", () => {
    const rows = buildReportForm(report({ district: "" }), { made: null });
    assert.match(String(rows[1]?.cells[1]), /учебного года в _+ районе \(кожууне\)$/);
  });
});

const OCTOBER_PERIOD = { from: "2026-10-01", to: "2026-10-31" };

/** The merged blocks that start in a row, as [column, columns, rows]. */
const spansOf = (r: FormRow | undefined): number[][] =>
  (r?.spans ?? []).map((s) => [s.col, s.cols, s.rows]);

describe("the seed's two-row headers, merged", () => {
  const rows = buildReportForm(report(), { made: "2026-12-29" });

  test("II: «Постановка на внутришкольный учёт» and «Кол-во» over «детей / семей»", () => {
    const i = rowWith(rows, 2, "Постановка на внутришкольный учёт");
    assert.deepEqual(rows[i]?.cells.slice(0, 6), [
      "№",
      "Показатель",
      "Постановка на внутришкольный учёт",
      null,
      "Кол-во",
      null,
    ]);
    assert.deepEqual(spansOf(rows[i]), [
      [0, 1, 2],
      [1, 1, 2],
      [2, 2, 1],
      [4, 2, 1],
    ]);
    assert.deepEqual(rows[i + 1]?.cells.slice(2, 6), ["детей", "семей", "детей", "семей"]);
    assert.equal(rows[i + 1]?.style, "header");
  });

  test("II is about the groups «других групп», as the seed's title says", () => {
    assert.ok(
      texts(rows).some(
        (t) => t.startsWith("II. ") && t.includes("на внутришкольном учёте других групп:")
      )
    );
  });

  test("III: «Виды помощи …» over the five kinds, the first four titles over two rows", () => {
    const at = rows.flatMap((r, i) =>
      r.cells[4]?.toString().startsWith("Виды помощи:") ? [i] : []
    );
    assert.equal(at.length, 2, "one header for each level");
    for (const i of at) {
      assert.deepEqual(spansOf(rows[i]), [
        [0, 1, 2],
        [1, 1, 2],
        [2, 1, 2],
        [3, 1, 2],
        [4, 5, 1],
      ]);
      assert.equal(rows[i]?.cells[3], "Из них: оказана помощь за отчётный период (кол-во)");
      assert.deepEqual(rows[i + 1]?.cells.slice(4), [
        "психологическая",
        "финансовая",
        "вещевая",
        "Содействие в трудоустройстве",
        "Содействие в лечении",
      ]);
    }
  });

  test("V: «Из них:» over the two levels; each level's cells two columns wide", () => {
    const i = rowWith(rows, 3, "Из них:");
    assert.deepEqual(spansOf(rows[i]), [
      [0, 1, 2],
      [1, 1, 2],
      [2, 1, 2],
      [3, 4, 1],
    ]);
    assert.match(
      String(rows[i + 1]?.cells[3]),
      /^Несовершеннолетние, воспитывающиеся в семье на ранней стадии/
    );
    assert.match(String(rows[i + 1]?.cells[5]), /в социально опасном положении$/);
    for (const r of rows.slice(i + 1, i + 6)) {
      assert.deepEqual(spansOf(r), [
        [3, 2, 1],
        [5, 2, 1],
      ]);
    }
  });

  test("V: «Другие объединения (указать)» names the clubs of kind «другое»", () => {
    assert.ok(
      texts(rows).includes(
        "Другие объединения (указать): Волонтёрский отряд «Доброе сердце», Юнармия"
      )
    );
    const none = buildReportForm(report({ otherActivityNames: [] }), { made: null });
    assert.ok(texts(none).includes("Другие объединения (указать)"));
  });

  test("VII: the title of the row beside «ФИО / Должность / Контактный телефон» and their values", () => {
    const i = rowWith(rows, 2, "ФИО");
    assert.equal(
      rows[i]?.cells[0],
      "Ответственный за организацию работы от управления образованием"
    );
    assert.deepEqual(spansOf(rows[i]), [
      [0, 2, 2],
      [2, 2, 1],
      [4, 2, 1],
      [6, 3, 1],
    ]);
    assert.deepEqual(rows[i + 1]?.cells.slice(2), [
      "Координатор К. К.",
      null,
      "методист",
      null,
      "+7 000 000-00-00",
    ]);
  });
});

describe("the signature block under VII", () => {
  test("the director, the executor with the phone, the day the report was made", () => {
    const rows = buildReportForm(report(), { made: "2026-12-29" });
    const last = rows.slice(-3).map((r) => r.cells[0]);
    assert.deepEqual(last, [
      "Директор  ______________________  (Ламажап Сайлык Оскаловна)",
      "Исполнитель: Сагаан-оол Чечена Кимовна, тел. 8-923-000-21-21",
      "Дата составления отчёта: 29.12.2026",
    ]);
    const vii = rows.findIndex((r) => String(r.cells[0]).startsWith("VII."));
    assert.ok(vii > 0 && vii < rows.length - 3, "under section VII");
  });

  test("settings without the names and no date: lines to fill by hand", () => {
    const blank = report({ signature: { director: "", executorName: " ", executorPhone: "" } });
    const last = buildReportForm(blank, { made: null })
      .slice(-3)
      .map((r) => r.cells[0]);
    assert.deepEqual(last, [
      "Директор  ______________________  (______________________)",
      "Исполнитель: ______________________, тел. ______________",
      "Дата составления отчёта: «___» ____________ 20___ г.",
    ]);
  });
});

/** The width of a merged block (or a cell) in units. */
function blockWidth(widths: readonly number[], m: FormMerge): number {
  return widths.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0);
}

describe("the layout: every word fits, every row is tall enough", () => {
  const long = report({
    school:
      "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7 с. Кызыл-Мажалык»",
    coordinator: {
      name: "Намчак Долгар Григорьевна",
      position: "главный специалист Управления образования администрации Барун-Хемчикского кожууна",
      phone: "8 (39432) 2-15-47, доб. 105",
    },
    otherActivityNames: [
      "Военно-патриотический клуб «Сыын»",
      "Клуб «Самбо-и-дзюдо-Тыва-Барун-Хемчик»",
    ],
  });
  for (const [label, r] of [
    ["the usual report", report()],
    ["long names", long],
  ] as const) {
    test(label, () => {
      const layout = reportFormLayout(r, { made: "2026-12-29" });
      const { rows, merges, widths, heights } = layout;
      assert.equal(widths.length, FORM_COLUMNS);
      assert.equal(heights.length, rows.length);
      rows.forEach((fr, top) => {
        fr.cells.forEach((cell, left) => {
          if (cell === null || cell === "") {
            return;
          }
          const block = merges.find((m) => m.top === top && m.left === left) ?? {
            top,
            left,
            bottom: top,
            right: left,
          };
          const font = cellStyle(fr, left).font;
          const text = String(cell);
          const width = blockWidth(widths, block);
          assert.ok(
            longestWordWidth(text, font) + 1 <= width + 1e-9,
            `a word of «${text}» is wider than its cell`
          );
          const tall = heights.slice(block.top, block.bottom + 1).reduce((a, b) => a + b, 0);
          assert.ok(tall >= linesHeight(wrappedLines(text, width, font), font), `«${text}» is cut`);
        });
      });
    });
  }

  test("merged blocks do not overlap and hide only empty cells", () => {
    const { rows, merges } = reportFormLayout(report(), { made: null });
    const seen = new Set<string>();
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const key = `${r}:${c}`;
          assert.ok(!seen.has(key), `cell ${key} in two blocks`);
          seen.add(key);
          if (r !== m.top || c !== m.left) {
            assert.equal(rows[r]?.cells[c] ?? null, null, `a value hidden under a merge at ${key}`);
          }
        }
      }
    }
  });

  test("the longest word sets a narrow column's width; a longer word widens it", () => {
    const { widths } = reportFormLayout(report(), { made: null });
    const headerFont = { size: 10, bold: true, italic: false };
    // Column E holds «психологическая», the longest word of the numbers' columns.
    assert.ok(widths[4]! >= textWidth("психологическая", headerFont) + 1);
    assert.ok(
      widths[4]! < textWidth("психологическая", headerFont) + 2.5,
      "not wider than it needs"
    );
  });

  test("text measured wider for wide letters, bold and larger sizes", () => {
    const regular = { size: 11, bold: false, italic: false };
    assert.ok(textWidth("шшш", regular) > textWidth("ггг", regular));
    assert.ok(textWidth("отчёт", { ...regular, bold: true }) > textWidth("отчёт", regular));
    assert.ok(textWidth("отчёт", { ...regular, size: 13 }) > textWidth("отчёт", regular));
    assert.equal(wrappedLines("один два три", 100, regular), 1);
    assert.equal(wrappedLines("один\nдва", 100, regular), 2);
    assert.ok(wrappedLines("слово ".repeat(40), 20, regular) > 5);
  });
});
