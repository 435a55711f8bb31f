import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  INDICATORS,
  indicatorCodes,
  categoriesOf,
  SIGNAL_REASONS,
} from "../../src/core/indicators/catalog";
import { parseIndicatorCodes, formatIndicatorCodes } from "../../src/core/indicators/parseCodes";
import { suggestTargetGroup, checkDecidedLevel } from "../../src/core/indicators/targetGroup";
import { matchKey, makeListMatcher, pluralRu } from "../../src/core/text";

describe("the catalog", () => {
  test("has 11 level-1 and 15 level-2 indicators with Cyrillic codes and full wording", () => {
    assert.equal(INDICATORS.length, 26);
    assert.deepEqual(indicatorCodes(1), [
      "Р1",
      "Р2",
      "Р3",
      "Р4",
      "Р5",
      "Р6",
      "Р7",
      "Р8",
      "Р9",
      "Р10",
      "Р11",
    ]);
    assert.equal(indicatorCodes(2).length, 15);
    for (const i of INDICATORS) {
      assert.match(i.code, /^[РС]\d{1,2}$/);
      assert.ok(i.full.length >= i.short.length * 0.6, i.code);
      assert.ok(i.reportTitle.length > 5, i.code);
    }
  });

  test("categories follow the report form; С11 is психолого-педагогические", () => {
    assert.deepEqual(categoriesOf(1), [
      "социально-экономические",
      "медико-санитарные",
      "психолого-педагогические",
    ]);
    assert.deepEqual(categoriesOf(2), [
      "социально-экономические",
      "медико-санитарные",
      "социально-демографические",
      "психолого-педагогические",
      "криминально-аморальные",
    ]);
    assert.equal(INDICATORS.find((i) => i.code === "С11")?.category, "психолого-педагогические");
  });

  test("the signal card has 13 reasons", () => {
    assert.equal(SIGNAL_REASONS.length, 13);
  });
});

describe("parseIndicatorCodes", () => {
  const cases: { name: string; text: string; codes: string[]; unknown: string[] }[] = [
    { name: "comma list", text: "Р2, Р5, С14", codes: ["Р2", "Р5", "С14"], unknown: [] },
    { name: "Latin look-alikes, lower case", text: "p2;c14", codes: ["Р2", "С14"], unknown: [] },
    { name: "Latin capitals", text: "P11 C1", codes: ["Р11", "С1"], unknown: [] },
    { name: "spacing inside a code", text: "Р 2 / С 14", codes: ["Р2", "С14"], unknown: [] },
    { name: "no separator between codes", text: "Р2С14", codes: ["Р2", "С14"], unknown: [] },
    { name: "line breaks and repeats", text: "Р7\nР7\r\nс8", codes: ["Р7", "С8"], unknown: [] },
    {
      name: "catalog order, not typing order",
      text: "С3, Р9, Р1",
      codes: ["Р1", "Р9", "С3"],
      unknown: [],
    },
    { name: "empty", text: "   ", codes: [], unknown: [] },
    { name: "a number out of range", text: "Р2, Р12", codes: ["Р2"], unknown: ["Р12"] },
    { name: "С16 does not exist", text: "С16", codes: [], unknown: ["С16"] },
    { name: "a wrong letter, reported as typed", text: "Х9, Р1", codes: ["Р1"], unknown: ["Х9"] },
    { name: "a word", text: "нет, Р3", codes: ["Р3"], unknown: ["нет"] },
    { name: "a code with a trailing digit run", text: "Р1234", codes: [], unknown: ["Р1234"] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(parseIndicatorCodes(c.text), { codes: c.codes, unknown: c.unknown });
    });
  }

  test("formats codes in catalog order", () => {
    assert.equal(formatIndicatorCodes(["С14", "Р2", "Р10"]), "Р2, Р10, С14");
  });
});

describe("suggestTargetGroup", () => {
  const cases: { codes: string[]; group: 0 | 1 | 2 }[] = [
    { codes: [], group: 0 },
    { codes: ["Р1"], group: 1 },
    { codes: ["Р1", "Р11"], group: 1 },
    { codes: ["С15"], group: 2 },
    { codes: ["Р2", "С14"], group: 2 },
  ];
  for (const c of cases) {
    test(`${c.codes.join(", ") || "no codes"} → ${c.group}`, () => {
      assert.equal(suggestTargetGroup(c.codes).group, c.group);
    });
  }

  test("the reasons name the deciding indicators", () => {
    const s = suggestTargetGroup(["Р2", "С14"]);
    assert.equal(s.reasons.length, 1);
    assert.match(s.reasons[0] ?? "", /^С14: жестокое обращение/);
    assert.match(suggestTargetGroup([]).reasons[0] ?? "", /не отмечены/);
  });

  test("a decided level that differs from the suggestion is flagged for a reason", () => {
    assert.deepEqual(checkDecidedLevel(2, ["С1"]), { matches: true, message: null });
    const check = checkDecidedLevel(1, ["С1"]);
    assert.equal(check.matches, false);
    assert.match(check.message ?? "", /уровень 2 \(СОП\).*Укажите причину/);
  });
});

describe("list matching", () => {
  test("ignores case, spacing, ё and Latin look-alikes", () => {
    assert.equal(matchKey("  ПСИХОЛОГИЧЕСКАЯ "), "психологическая");
    assert.equal(matchKey("Код  семьи"), "код семьи");
    const match = makeListMatcher(["педсовет / МО", "вещевая", "ребёнок"]);
    assert.equal(match("ПЕДСОВЕТ/МО"), "педсовет / МО");
    assert.equal(match("ВEЩЕВАЯ"), "вещевая");
    assert.equal(match("ребенок"), "ребёнок");
    assert.equal(match("денежная"), null);
  });
});

describe("pluralRu", () => {
  const forms = ["шаг", "шага", "шагов"] as const;
  const cases: [number, string][] = [
    [0, "шагов"],
    [1, "шаг"],
    [2, "шага"],
    [4, "шага"],
    [5, "шагов"],
    [11, "шагов"],
    [14, "шагов"],
    [21, "шаг"],
    [101, "шаг"],
    [111, "шагов"],
    [252, "шага"],
  ];
  for (const [n, word] of cases) {
    test(`${n} ${word}`, () => {
      assert.equal(pluralRu(n, forms), word);
    });
  }
});
