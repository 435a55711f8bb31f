/**
 * The pure parts of the pane's «Отправка» and «Свод района»: the key figures of a report
 * (sections I–VII), and the district report from checked school reports (the set's rules,
 * the district, section VII).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { districtReport, sameCoordinator } from "../../src/core/report/district";
import { reportFigures } from "../../src/core/report/reportFigures";
import { aSchoolReport, NOVEMBER } from "../support/schoolReports";

const named = (n: number, overrides = {}) => ({
  name: `школа${n}.xlsx`,
  report: aSchoolReport(n, overrides),
});

describe("reportFigures", () => {
  test("one section per part of the form I–VII, counts as «дети / семьи»", () => {
    const figures = reportFigures(aSchoolReport(3));
    assert.deepEqual(
      figures.map((f) => f.section),
      ["I", "II", "III", "IV", "V", "VI", "VII"]
    );
    const value = (section: string, label: string) =>
      figures.find((f) => f.section === section)?.rows.find((r) => r.label === label)?.value;
    assert.equal(value("I", "Всего"), "103 / 83");
    assert.equal(value("II", "Уровень 1: состоит на учёте"), "3 / 3");
    assert.equal(value("II", "Уровень 2 (СОП): поставлено за период"), "1 / 1");
    assert.equal(value("III", "Семей на учёте / получили помощь, уровень 1"), "3 / 2");
    assert.equal(value("VII", "Координатор"), "Ооржак А. А., методист, 8-394-00-00-00");
  });

  test("section III sums the schools of a district report; no coordinator says so", () => {
    const result = districtReport([named(1), named(4)], {
      coordinator: { name: "", position: "", phone: "" },
    });
    assert.ok(result.ok);
    const report = { ...result.report, coordinator: { name: "", position: "", phone: "" } };
    const iii = reportFigures(report).find((f) => f.section === "III");
    assert.equal(iii?.rows[0]?.value, "5 / 3");
    assert.equal(reportFigures(report).at(-1)?.rows[0]?.value, "не указан");
  });
});

describe("districtReport", () => {
  test("sums the schools, III one row per school sorted by name, the common district", () => {
    const result = districtReport([named(12), named(2), named(7)]);
    assert.ok(result.ok);
    const r = result.report;
    assert.equal(r.school, "");
    assert.equal(r.district, "Барун-Хемчикский кожуун");
    assert.deepEqual([r.from, r.to], [NOVEMBER.from, NOVEMBER.to]);
    assert.deepEqual(r.register.level1.total.onRegister, { children: 21, families: 21 });
    assert.deepEqual(
      r.assistance.map((a) => a.school),
      ["МБОУ СОШ № 2", "МБОУ СОШ № 7", "МБОУ СОШ № 12"]
    );
    // VII: the schools all name the same coordinator.
    assert.equal(r.coordinator.name, "Ооржак А. А.");
    assert.equal(result.noCoordinator, false);
  });

  test("VII typed in the pane wins; a district typed wins over the reports'", () => {
    const result = districtReport([named(1), named(2)], {
      district: "  Кызылский кожуун ",
      coordinator: { name: "Монгуш Б. Б.", phone: "8-394-11-11-11" },
    });
    assert.ok(result.ok);
    assert.equal(result.report.district, "Кызылский кожуун");
    assert.deepEqual(result.report.coordinator, {
      name: "Монгуш Б. Б.",
      position: "",
      phone: "8-394-11-11-11",
    });
  });

  const refusals: readonly {
    name: string;
    set: () => ReturnType<typeof named>[];
    expected: RegExp;
  }[] = [
    {
      name: "another period, named by file",
      set: () => [named(1), named(2), named(3, { from: "2026-10-01", to: "2026-10-31" })],
      expected: /^школа3\.xlsx: отчёт за октябрь 2026, а остальные — за ноябрь 2026/,
    },
    {
      name: "the same school twice (case and spacing ignored)",
      set: () => [named(1), named(2, { school: "мбоу  сош № 1" })],
      expected: /^школа2\.xlsx: отчёт школы «мбоу {2}сош № 1» уже есть в школа1\.xlsx/,
    },
    {
      name: "a district report among the schools'",
      set: () => [named(1), { name: "свод.xlsx", report: districtOf() }],
      expected: /^свод\.xlsx: это сводный отчёт района/,
    },
    {
      name: "a report naming no school",
      set: () => [named(1), named(2, { school: " " })],
      expected: /^школа2\.xlsx: в отчёте не указана образовательная организация/,
    },
  ];
  for (const c of refusals) {
    test(`refuses: ${c.name}`, () => {
      const result = districtReport(c.set());
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.match(result.problems.join("\n"), c.expected);
    });
  }

  test("schools naming different districts: the coordinator is asked for the district", () => {
    const result = districtReport([named(1), named(2, { district: "Кызылский кожуун" })]);
    assert.ok(!result.ok);
    assert.match(result.problems[0] ?? "", /называют разные районы .*укажите район/);
    assert.ok(
      districtReport([named(1), named(2, { district: "Кызылский кожуун" })], {
        district: "Кызылский кожуун",
      }).ok
    );
  });

  test("no file at all is refused; the schools' coordinators differing leave VII empty", () => {
    assert.equal(districtReport([]).ok, false);
    const other = { name: "Иванов И. И.", position: "методист", phone: "" };
    const result = districtReport([named(1), named(2, { coordinator: other })]);
    assert.ok(result.ok);
    assert.equal(result.noCoordinator, true);
    assert.equal(result.report.coordinator.name, "");
    assert.equal(sameCoordinator([aSchoolReport(1), aSchoolReport(2)])?.position, "методист");
  });
});

function districtOf() {
  const result = districtReport([named(5), named(6)]);
  assert.ok(result.ok);
  return result.report;
}
