/**
 * Nothing read wrong without a word — through the real binary. A file that is not a readable
 * .xlsx says what it is in plain Russian (never «FILE_ENDED» or «undefined entity»); a formula
 * saved without its value is an error naming the cell; rows typed under a table are read, with a
 * warning naming them; a missing sheet is one error; a removal before registration is refused.
 * Every refusal: exit 1, the file named, no output written, the file byte-identical.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import iconv from "iconv-lite";
import { Document, Packer, Paragraph } from "docx";
import { defaultSettings } from "../../src/core/register/defaults";
import {
  SHEET,
  SHEET_COLUMNS,
  TABLE_NAME,
  V1_SHEETS,
  type SheetKey,
} from "../../src/core/register/schema";
import { compoundFile } from "../support/compoundFile";
import { convertWithLibreOffice } from "../support/libreOffice";
import { RAW_ERROR_WORDS, sha, vshu, type Run } from "../support/vshuBin";

const dir = mkdtempSync(join(tmpdir(), "vshu-read-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PERIOD = ["--from", "2026-09-01", "--to", "2026-11-30"] as const;
const USER_COLUMN = "Заметки учителя";

type Value = ExcelJS.CellValue;
type Row = Record<string, Value>;

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const CASES: Row[] = [
  {
    Код: "В-1",
    Фамилия: "Монгуш",
    Имя: "Айдыс",
    "Дата рождения": date("2014-03-02"),
    "Дата выявления": date("2026-10-01"),
    Показатели: "Р2, Р5",
    Уровень: 1,
    "Дата постановки": date("2026-10-05"),
  },
  {
    Код: "В-2",
    Фамилия: "Ооржак",
    Имя: "Чечек",
    "Дата рождения": date("2012-07-12"),
    "Дата выявления": date("2026-10-10"),
    Показатели: "С14",
    Уровень: 2,
    "Дата постановки": date("2026-10-20"),
  },
];

interface BookOptions {
  readonly cases?: readonly Row[];
  readonly assistance?: readonly Row[];
  /** Rows typed under the table of «Учёт», each at the given sheet row. */
  readonly below?: readonly { row: number; values: Row }[];
  readonly leaveOut?: readonly SheetKey[];
}

/**
 * A version-1 register written with exceljs directly, the way another program writes one: each
 * sheet one table with the contract's columns and a user's column, formulas as given.
 */
async function writeBook(name: string, opts: BookOptions = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const settings: Row[] = defaultSettings({
    school: "Школа",
    district: "Кызыл",
    startYear: 2026,
  }).map(([p, v]) => ({
    Параметр: p,
    Значение: v !== null && typeof v === "object" ? date(v.date) : v,
  }));
  const rows: Partial<Record<SheetKey, readonly Row[]>> = {
    settings,
    cases: opts.cases ?? CASES,
    assistance: opts.assistance ?? [],
  };
  for (const key of V1_SHEETS) {
    if (opts.leaveOut?.includes(key)) {
      continue;
    }
    const ws = wb.addWorksheet(SHEET[key]);
    const headers = [...SHEET_COLUMNS[key], USER_COLUMN];
    const data = rows[key] ?? [];
    ws.addTable({
      name: TABLE_NAME[key],
      ref: "A1",
      headerRow: true,
      columns: headers.map((h) => ({ name: h })),
      rows: (data.length > 0 ? data : [{}]).map((r) => headers.map((h) => r[h] ?? null)),
    });
    if (key === "cases") {
      for (const b of opts.below ?? []) {
        ws.getRow(b.row).values = headers.map((h) => b.values[h] ?? null);
      }
    }
  }
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Exit 1 on `report --out` and `deadlines`, the file named, fragments present, nothing raw, nothing written. */
function refusedBoth(file: string, ...fragments: string[]): void {
  const before = statSync(file).isFile() ? sha(file) : null;
  const out = join(dir, `out-${randomBytes(4).toString("hex")}.xlsx`);
  const runs: Run[] = [
    vshu(["report", file, ...PERIOD, "--out", out]),
    vshu(["deadlines", file, "--on", "2026-11-23"]),
  ];
  for (const r of runs) {
    assert.equal(r.status, 1, `exit code (stderr: ${r.stderr})`);
    assert.equal(r.stdout, "");
    assert.ok(r.stderr.startsWith(file), `the message names the file: ${r.stderr}`);
    for (const f of fragments) {
      assert.ok(r.stderr.includes(f), `«${f}» missing from: ${r.stderr}`);
    }
    for (const raw of RAW_ERROR_WORDS) {
      assert.doesNotMatch(r.stderr, raw);
    }
  }
  assert.equal(existsSync(out), false, "no report written");
  if (before !== null) {
    assert.equal(sha(file), before, "the file is untouched");
  }
}

/** Rewrites one part of a package. */
async function withPart(
  source: string,
  name: string,
  part: string,
  change: (xml: string) => string
): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const file = zip.file(part);
  assert.ok(file, `part ${part}`);
  zip.file(part, change(await file.async("string")));
  const out = join(dir, name);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return out;
}

/** The part of a sheet by its name (exceljs writes sheetN.xml in order). */
function sheetPart(key: SheetKey): string {
  return `xl/worksheets/sheet${V1_SHEETS.indexOf(key) + 1}.xml`;
}

describe("a file that is not a readable .xlsx says what it is", () => {
  let good = "";
  const make: { name: string; build: () => Promise<string>; expect: string[] }[] = [
    {
      name: "an empty file",
      build: async () => {
        const f = join(dir, "пустой.xlsx");
        writeFileSync(f, "");
        return f;
      },
      expect: ["файл пуст"],
    },
    {
      name: "a folder",
      build: async () => {
        const f = join(dir, "папка.xlsx");
        mkdirSync(f);
        return f;
      },
      expect: ["это папка"],
    },
    {
      name: "a zip cut short (copied halfway)",
      build: async () => {
        const f = join(dir, "обрезан.xlsx");
        const bytes = readFileSync(good);
        writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return f;
      },
      expect: ["файл повреждён", "восстановить"],
    },
    {
      name: "a zip whose last bytes are lost",
      build: async () => {
        const f = join(dir, "без-хвоста.xlsx");
        const bytes = readFileSync(good);
        writeFileSync(f, bytes.subarray(0, bytes.length - 30));
        return f;
      },
      expect: ["файл повреждён"],
    },
    {
      name: "a sheet's compressed data garbled",
      build: async () => {
        const zip = await JSZip.loadAsync(readFileSync(good));
        const xml = (await zip.file(sheetPart("cases"))?.async("string")) ?? "";
        // Large, varied content so the sheet's deflate stream is long enough to garble.
        zip.file(
          sheetPart("cases"),
          xml.replace("</worksheet>", `<!--${randomBytes(6000).toString("base64")}--></worksheet>`)
        );
        const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
        const at = bytes.indexOf(Buffer.from(sheetPart("cases"))) + 200;
        for (let i = at; i < at + 400; i++) {
          bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
        }
        const f = join(dir, "испорчен.xlsx");
        writeFileSync(f, bytes);
        return f;
      },
      expect: ["файл повреждён"],
    },
    {
      name: "a CSV renamed .xlsx (UTF-8)",
      build: async () => {
        const f = join(dir, "из-csv.xlsx");
        writeFileSync(f, "Код;Фамилия;Имя\nВ-1;Монгуш;Айдыс\n");
        return f;
      },
      expect: ["текстовый файл", "CSV", "Книга Excel (*.xlsx)"],
    },
    {
      name: "a CSV renamed .xlsx (windows-1251)",
      build: async () => {
        const f = join(dir, "из-csv-1251.xlsx");
        writeFileSync(f, iconv.encode("Код;Фамилия;Имя\r\nВ-1;Монгуш;Айдыс\r\n", "win1251"));
        return f;
      },
      expect: ["текстовый файл"],
    },
    {
      name: "an old .xls (Excel 97–2003, written by LibreOffice)",
      build: async () => {
        const xls = convertWithLibreOffice(good, "xls:MS Excel 97", join(dir, "xls"));
        return xls;
      },
      expect: ["Excel 97–2003", "Книга Excel (*.xlsx)"],
    },
    {
      name: "a workbook encrypted with a password (a compound file with EncryptedPackage)",
      build: async () => {
        const f = join(dir, "с-паролем.xlsx");
        writeFileSync(
          f,
          compoundFile([
            { name: "EncryptionInfo", data: randomBytes(4096) },
            { name: "EncryptedPackage", data: randomBytes(12000) },
          ])
        );
        return f;
      },
      expect: ["защищена паролем", "снимите пароль"],
    },
    {
      name: "a Word document (.docx)",
      build: async () => {
        const doc = new Document({ sections: [{ children: [new Paragraph("Характеристика")] }] });
        const f = join(dir, "документ.xlsx");
        writeFileSync(f, await Packer.toBuffer(doc));
        return f;
      },
      expect: ["документ Word"],
    },
    {
      name: "an image",
      build: async () => {
        const f = join(dir, "картинка.xlsx");
        writeFileSync(
          f,
          Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            randomBytes(500),
          ])
        );
        return f;
      },
      expect: ["не книга Excel"],
    },
    {
      name: "broken XML in «Учёт» (an undefined entity)",
      build: () =>
        withPart(good, "сущность.xlsx", sheetPart("cases"), (x) =>
          x.replace("<sheetData>", "<sheetData>&nbsp;")
        ),
      expect: ["файл повреждён", "лист «Учёт»"],
    },
    {
      name: "the XML of «Учёт» cut short (rows would silently be lost)",
      build: () =>
        withPart(good, "лист-обрезан.xlsx", sheetPart("cases"), (x) =>
          x.slice(0, x.indexOf("</sheetData>") - 40)
        ),
      expect: ["файл повреждён", "лист «Учёт»"],
    },
    {
      name: "broken shared strings",
      build: () =>
        withPart(good, "строки.xlsx", "xl/sharedStrings.xml", (x) =>
          x.replace("<si>", "<si><t>&bogus;</t>")
        ),
      expect: ["файл повреждён", "общих строк"],
    },
    {
      name: "broken workbook part",
      build: () =>
        withPart(good, "книга-xml.xlsx", "xl/workbook.xml", (x) =>
          x.replace("<sheets>", "<sheets><<")
        ),
      expect: ["файл повреждён"],
    },
  ];

  before(async () => {
    good = await writeBook("целая.xlsx");
  });

  test("the intact book these are made from is read", () => {
    const r = vshu(["report", good, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
  });

  for (const c of make) {
    test(`${c.name}: exit 1, plain Russian, nothing written`, async () => {
      assert.ok(good !== "", "the intact book is written first");
      const file = await c.build();
      refusedBoth(file, ...c.expect);
    });
  }
});

describe("formula cells saved without their value", () => {
  test("in a contract column: an error naming the cell, saying to recalculate", async () => {
    const [first, second] = CASES;
    const file = await writeBook("формула.xlsx", {
      cases: [first ?? {}, { ...second, Показатели: { formula: '"С"&"14"' } as Value }],
    });
    refusedBoth(file, "лист «Учёт»", "строка 3", "столбец «Показатели»", "формула", "сохраните");
  });

  test("an error result (#N/A) in a contract column: an error naming the cell", async () => {
    const [first, second] = CASES;
    const file = await writeBook("формула-ошибка.xlsx", {
      cases: [
        first ?? {},
        { ...second, "Дата постановки": { formula: "NA()", result: { error: "#N/A" } } as Value },
      ],
    });
    refusedBoth(file, "строка 3", "столбец «Дата постановки»", "ошибкой");
  });

  test("in the user's own column: ignored, the register is read", async () => {
    const file = await writeBook("своя-формула.xlsx", {
      cases: CASES.map((c, i) => ({ ...c, [USER_COLUMN]: { formula: `A${i + 2}&"!"` } as Value })),
    });
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
  });

  test("a calculated empty or zero result is a value, not a missing one", async () => {
    const file = await writeBook("формула-пусто.xlsx", {
      cases: CASES.map((c) => ({
        ...c,
        Примечание: { formula: '""', result: "" } as Value,
        Класс: { formula: "0", result: 0 } as Value,
      })),
    });
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
  });

  test("with calculated values (the same book after Excel or LibreOffice): read", async () => {
    const [first, second] = CASES;
    const file = await writeBook("формула-вычислена.xlsx", {
      cases: [
        first ?? {},
        { ...second, Показатели: { formula: '"С"&"14"', result: "С14" } as Value },
      ],
    });
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      register: { level2: { indicators: Record<string, { onRegister: { children: number } }> } };
    };
    assert.equal(json.register.level2.indicators["С14"]?.onRegister.children, 1);
  });
});

describe("rows typed just under a table", () => {
  const third: Row = {
    Код: "В-3",
    Фамилия: "Куулар",
    Имя: "Саян",
    "Дата рождения": date("2013-01-15"),
    "Дата выявления": date("2026-10-12"),
    Показатели: "С14",
    Уровень: 2,
    "Дата постановки": date("2026-10-22"),
  };
  const fourth: Row = { ...third, Код: "В-4", Имя: "Белек", "Дата рождения": date("2011-05-05") };

  test("are read as part of the table, with a warning naming them; the run succeeds", async () => {
    // The table covers rows 1–3; rows 4 and 5 were typed under it, row 7 after a gap.
    const file = await writeBook("под-таблицей.xlsx", {
      below: [
        { row: 4, values: third },
        { row: 5, values: fourth },
        { row: 7, values: { ...third, Код: "В-7", Имя: "После пропуска" } },
      ],
    });
    const before = sha(file);
    const r = vshu(["report", file, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /Предупреждение: .*лист «Учёт»: строки 4–5 под таблицей/);
    assert.match(r.stderr, /расширьте таблицу/);
    assert.doesNotMatch(r.stderr, /строк[аи] 7/);
    const json = JSON.parse(r.stdout) as {
      register: { level2: { indicators: Record<string, { onRegister: { children: number } }> } };
    };
    // В-2, В-3, В-4 (С14); the row after the gap is not the table's.
    assert.equal(json.register.level2.indicators["С14"]?.onRegister.children, 3);
    assert.equal(sha(file), before);
    const d = vshu(["deadlines", file, "--on", "2026-11-23", "--json"]);
    assert.equal(d.status, 0, d.stderr);
    assert.match(d.stdout, /"В-4"/);
    assert.doesNotMatch(d.stdout, /"В-7"/);
  });

  test("an empty row under the table ends it: nothing below is read, no warning", async () => {
    const file = await writeBook("после-пустой.xlsx", { below: [{ row: 5, values: third }] });
    const r = vshu(["deadlines", file, "--on", "2026-11-23", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.doesNotMatch(r.stdout, /"В-3"/);
  });
});

describe("one error per cause", () => {
  test("a missing «Учёт» is one error, not one per row of «Помощь»", async () => {
    const help = Array.from({ length: 25 }, (_, i) => ({
      Код: `В-${i + 1}`,
      Дата: date("2026-10-15"),
      "Вид помощи": "вещевая",
    }));
    const file = await writeBook("без-учёта.xlsx", { leaveOut: ["cases"], assistance: help });
    refusedBoth(file, "лист «Учёт»", "нет листа", "Ошибок в книге учёта: 1.");
  });

  test("a removal date before the registration date is refused, naming the cell", async () => {
    const [first, second] = CASES;
    const file = await writeBook("снятие-раньше.xlsx", {
      cases: [
        first ?? {},
        { ...second, "Дата снятия": date("2026-10-15"), "Основание снятия": "выбыл" },
      ],
    });
    refusedBoth(
      file,
      "лист «Учёт»",
      "строка 3",
      "столбец «Дата снятия»",
      "15.10.2026",
      "20.10.2026"
    );
  });
});
