/**
 * The pure parts behind sending and consolidation, table by table: the report's data sheet
 * check, the small XML reader, the letter and file names, the set of reports, the mail
 * settings from a URL, and the zip reader against deflated and stored packages.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSmtpSettings } from "../../src/cli/mail/smtpConfig";
import { isTemporary } from "../../src/cli/mail/sendMail";
import { readReportFile } from "../../src/cli/xlsx/readReport";
import { buildReportWorkbook } from "../../src/cli/xlsx/writeReport";
import { buildReportXlsxBase64 } from "../../src/excel/reportWorkbook";
import { emptyReport } from "../../src/core/report/consolidate";
import {
  flattenReport,
  reportMeta,
  unflattenReport,
  type FlatValue,
} from "../../src/core/report/flatten";
import {
  isDistrictReport,
  reportFileName,
  reportMail,
  safeFileName,
} from "../../src/core/report/mailText";
import { readReportData, type DataRow } from "../../src/core/report/reportData";
import { checkReportSet } from "../../src/core/report/reportSet";
import {
  isDateFormatCode,
  parseDateStyles,
  parseSharedStrings,
  parseSheetCells,
  parseWorkbookSheets,
} from "../../src/core/report/sheetXml";
import { schoolReport, tempDir } from "../support/smtpFixtures";

const REPORT = schoolReport(21, "МБОУ «СОШ № 4»");

function rowsOf(pairs: readonly (readonly [string, FlatValue | null])[]): DataRow[] {
  return pairs.map(([key, value], i) => ({ row: i + 2, key, value }));
}

describe("«Данные»: the report's keys checked", () => {
  const pairs = flattenReport(REPORT, { ministryAddress: "minobr@example.ru" });

  test("the pairs of a report give the report and its meta back", () => {
    const result = readReportData(rowsOf(pairs));
    assert.ok(result.ok);
    assert.deepEqual(result.report, REPORT);
    assert.deepEqual(result.meta, { ministryAddress: "minobr@example.ru" });
    assert.deepEqual(reportMeta(pairs), { ministryAddress: "minobr@example.ru" });
    assert.deepEqual(unflattenReport(pairs), REPORT, "meta is not part of the report");
  });

  const change = (
    key: string,
    value: FlatValue | null | "DROP"
  ): (readonly [string, FlatValue | null])[] =>
    pairs.flatMap(([k, v]): [string, FlatValue | null][] =>
      k === key ? (value === "DROP" ? [] : [[k, value]]) : [[k, v]]
    );

  const cases: readonly [string, (readonly [string, FlatValue | null])[], RegExp][] = [
    [
      "a count as text",
      change("register.level2.total.onRegister.families", "Ооржак"),
      /текст, а должно быть число/,
    ],
    ["a negative count", change("activities.sports.total", -1), /неотрицательное число/],
    ["an empty count", change("socialPassport.total.children", null), /пусто, а должно быть число/],
    [
      "a date that is not one",
      change("to", "30.11.2026"),
      /«to» = «30\.11\.2026»: должна быть дата ГГГГ-ММ-ДД/,
    ],
    [
      "a missing count",
      change("service.II.trainings", "DROP"),
      /нет показателя: «service\.II\.trainings»/,
    ],
    [
      "an extra key",
      [...pairs, ["children.0.name", "Монгуш Айдыс"]],
      /лишний ключ «children\.0\.name»/,
    ],
    ["a prototype key", [...pairs, ["__proto__.polluted", 1]], /лишний ключ «__proto__\.polluted»/],
    ["an unknown meta key", [...pairs, ["meta.note", "x"]], /лишний ключ «meta\.note»/],
    ["a repeated key", [...pairs, ["school", "Другая"]], /ключ «school» повторяется/],
    [
      "another format",
      change("format", "vshu-report/0"),
      /в формате «vshu-report\/0», а эта версия ВШУ читает «vshu-report\/1»/,
    ],
  ];
  for (const [name, rows, expected] of cases) {
    test(`${name} is refused`, () => {
      const result = readReportData(rowsOf(rows));
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.match(result.problems.map((p) => p.message).join("\n"), expected);
      }
    });
  }

  test("no format mark: not a report at all", () => {
    const result = readReportData(
      rowsOf([
        ["Ключ", "Значение"],
        ["a", 1],
      ])
    );
    assert.ok(!result.ok && result.notReport);
  });

  test("numbers stored as text are read as numbers", () => {
    const result = readReportData(rowsOf(change("activities.sports.total", "12")));
    assert.ok(result.ok);
    assert.equal(result.ok && result.report.activities.sports.total, 12);
  });
});

describe("the small XML reader", () => {
  test("prefixed elements, inline and shared strings, rich text, entities, cells without references", () => {
    const strings = parseSharedStrings(
      '<sst><si><t>Ключ</t></si><si><r><t>Зна</t></r><r><t xml:space="preserve">чение</t></r><rPh><t>x</t></rPh></si><si/></sst>'
    );
    assert.deepEqual(strings, ["Ключ", "Значение", ""]);
    const withRefs = parseSheetCells(
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>a &amp; b &#1071;</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="3"><x:v>42</x:v></x:c><x:c r="C2"><x:f>A2*2</x:f><x:v>84</x:v></x:c><x:c r="D2"/></x:row></x:sheetData></x:worksheet>',
      strings
    );
    assert.deepEqual(
      withRefs.map((c) => [c.ref, c.value, c.style, c.formula]),
      [
        ["A1", "Ключ", 0, false],
        ["B1", "a & b Я", 0, false],
        ["A2", 42, 3, false],
        ["C2", 84, 0, true],
      ]
    );
    const noRefs = parseSheetCells(
      '<worksheet><sheetData><row r="5"><c t="s"><v>1</v></c><c><v>7</v></c></row><row><c><v>8</v></c></row></sheetData></worksheet>',
      strings
    );
    assert.deepEqual(
      noRefs.map((c) => [c.ref, c.value]),
      [
        ["A5", "Значение"],
        ["B5", 7],
        ["A6", 8],
      ]
    );
  });

  test("sheets with their state; date formats built in and custom", () => {
    assert.deepEqual(
      parseWorkbookSheets(
        '<workbook><sheets><sheet name="Отчёт" sheetId="1" r:id="rId4"/><sheet name="Д&amp;анные" state="hidden" sheetId="2" r:id="rId5"/></sheets></workbook>'
      ),
      [
        { name: "Отчёт", state: "visible", rid: "rId4" },
        { name: "Д&анные", state: "hidden", rid: "rId5" },
      ]
    );
    const styles = parseDateStyles(
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="0&quot;шт&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>'
    );
    assert.deepEqual([...styles], [1, 2]);
    for (const [code, isDate] of [
      ["dd.mm.yyyy", true],
      ["[$-419]d mmmm yyyy", true],
      ["h:mm", true],
      ["0", false],
      ['#,##0 "дн."', false],
      ["[Red]0.00", false],
      ["General", false],
      ["@", false],
    ] as const) {
      assert.equal(isDateFormatCode(code), isDate, code);
    }
  });
});

describe("the letter and the file names", () => {
  const cases: readonly [string, string][] = [
    ['МБОУ "СОШ № 1"', "МБОУ 'СОШ № 1'"],
    ["Школа: филиал / корпус 2", "Школа - филиал - корпус 2"],
    ["Лицей <№ 3>?*", "Лицей № 3"],
    ["Школа.  ", "Школа"],
    ["а".repeat(200), "а".repeat(120)],
  ];
  for (const [name, safe] of cases) {
    test(`«${name.slice(0, 30)}» → «${safe.slice(0, 30)}»`, () => {
      assert.equal(safeFileName(name), safe);
    });
  }

  test("a school's letter names the school, the district and the period; a district's names the district", () => {
    const mail = reportMail(REPORT);
    assert.equal(mail.subject, "Отчёт ВШУ за ноябрь 2026 г.: МБОУ «СОШ № 4», Кызылский кожуун");
    assert.equal(mail.attachmentName, "Отчёт ВШУ МБОУ «СОШ № 4» ноябрь 2026.xlsx");
    assert.match(
      mail.text,
      /приказ Министерства образования Республики Тыва от 14\.03\.2023 № 223-д/
    );
    assert.match(mail.text, /только количественные показатели, без персональных данных/);
    const district = {
      ...emptyReport({
        district: "Кызылский кожуун",
        schoolYear: "2026/2027",
        from: "2026-09-01",
        to: "2026-10-24",
      }),
      assistance: [REPORT.assistance[0]!, { ...REPORT.assistance[0]!, school: "Другая" }],
    };
    assert.ok(isDistrictReport(district));
    assert.ok(!isDistrictReport(REPORT));
    assert.ok(
      !isDistrictReport({
        ...REPORT,
        school: "",
        assistance: [{ ...REPORT.assistance[0]!, school: "" }],
      }),
      "a school's report without its name"
    );
    assert.equal(reportFileName(district), "Отчёт ВШУ Кызылский кожуун 01.09.2026–24.10.2026.xlsx");
    assert.match(
      reportMail(district).subject,
      /^Сводный отчёт ВШУ за период 01\.09\.2026–24\.10\.2026: Кызылский кожуун$/
    );
    assert.match(reportMail(district).text, /Образовательных организаций в отчёте: 2/);
  });
});

describe("the set of reports", () => {
  test("the period most reports share is the district's; the odd one and the duplicate are named", () => {
    const nov = (seed: number, school: string) => ({
      name: `${school}.xlsx`,
      report: schoolReport(seed, school),
    });
    const oct = {
      name: "октябрь.xlsx",
      report: schoolReport(3, "Школа 3", { from: "2026-10-01", to: "2026-10-31" }),
    };
    const check = checkReportSet([oct, nov(1, "Школа 1"), nov(2, "Школа 2"), nov(4, "школа  1")]);
    assert.equal(check.from, "2026-11-01");
    assert.equal(check.district, "Кызылский кожуун");
    assert.deepEqual(check.problems, [
      "октябрь.xlsx: отчёт за октябрь 2026, а остальные — за ноябрь 2026: попросите школу прислать отчёт за ноябрь 2026",
      "школа  1.xlsx: отчёт школы «школа  1» уже есть в Школа 1.xlsx — одна школа сводится один раз; уберите лишний файл",
    ]);
  });
});

describe("mail settings from VSHU_SMTP_URL", () => {
  const cases: readonly [string, Partial<Record<string, unknown>>][] = [
    [
      "smtps://school%40yandex.ru@smtp.yandex.ru",
      {
        host: "smtp.yandex.ru",
        port: 465,
        security: "tls",
        user: "school@yandex.ru",
        password: null,
      },
    ],
    ["smtp://school%40yandex.ru@smtp.yandex.ru", { port: 587, security: "starttls" }],
    [
      "smtps://u%40mail.ru:p%40ss@smtp.mail.ru:465?retry=1,2&from=a%40b.ru",
      { password: "p@ss", retryDelaysMs: [1000, 2000], from: "a@b.ru" },
    ],
  ];
  for (const [url, expected] of cases) {
    test(url, async () => {
      const s = await loadSmtpSettings({ env: { VSHU_SMTP_URL: url } });
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual((s as unknown as Record<string, unknown>)[key], value, key);
      }
    });
  }

  test("another scheme, a bad port are refused; the password of the environment wins", async () => {
    await assert.rejects(
      loadSmtpSettings({ env: { VSHU_SMTP_URL: "http://x" } }),
      /укажите smtps:\/\/ .* или smtp:\/\//
    );
    await assert.rejects(loadSmtpSettings({ env: { VSHU_SMTP_URL: "smtp://h:0" } }), /порт/);
    const s = await loadSmtpSettings({
      env: { VSHU_SMTP_URL: "smtps://u%40x.ru:a@h.ru", VSHU_SMTP_PASSWORD: "b" },
    });
    assert.equal(s.password, "b");
  });

  test("what is retried", () => {
    const table: readonly [Record<string, unknown>, boolean][] = [
      [{ code: "ECONNECTION" }, true],
      [{ code: "ETIMEDOUT" }, true],
      [{ code: "ESOCKET", errno: "ECONNREFUSED" }, true],
      [{ code: "EDNS" }, true],
      [{ code: "EENVELOPE", responseCode: 451 }, true],
      [{ code: "EMESSAGE", responseCode: 421 }, true],
      [{ code: "EMESSAGE", responseCode: 550 }, false],
      [{ code: "EAUTH", responseCode: 535 }, false],
      [{ code: "EAUTH", responseCode: 454 }, true],
      [{ code: "ETLS" }, false],
      [{ code: "ESOCKET", message: "self-signed certificate" }, false],
      [{ code: "ECONFIG" }, false],
    ];
    for (const [fields, temporary] of table) {
      const error = Object.assign(new Error(String(fields["message"] ?? "x")), fields);
      assert.equal(isTemporary(error), temporary, JSON.stringify(fields));
    }
  });
});

describe("the zip reader", () => {
  test("the add-in's report workbook (JSZip, inline strings) is a report too", async () => {
    const dir = tempDir("zip-addin");
    const path = join(dir, "из надстройки.xlsx");
    writeFileSync(path, Buffer.from(await buildReportXlsxBase64(REPORT), "base64"));
    const read = await readReportFile(path, { printed: true });
    assert.deepEqual(read.report, REPORT);
    assert.equal(read.meta.ministryAddress, undefined, "no recipient: sending it needs --to");
  });

  test("a deflated report (exceljs's default) reads like a stored one", async () => {
    const dir = tempDir("zip");
    const deflated = join(dir, "deflated.xlsx");
    await buildReportWorkbook(REPORT, { made: REPORT.to }).xlsx.writeFile(deflated);
    const read = await readReportFile(deflated, { printed: true });
    assert.deepEqual(read.report, REPORT);
  });
});
