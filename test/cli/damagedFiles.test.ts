/**
 * A file that is not a readable .xlsx says what it is, in plain Russian, through the real
 * binary: never a parser's code («FILE_ENDED», «undefined entity», «end of central directory»).
 * Every case: exit 1 on `report --out` and `deadlines`, the file named, nothing written, the
 * file byte-identical.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import iconv from "iconv-lite";
import { Document, Packer, Paragraph } from "docx";
import { PERIOD, refusedBoth, sheetPart, withPart, writeBook } from "../support/bookWriter";
import { compoundFile } from "../support/compoundFile";
import { convertWithLibreOffice } from "../support/libreOffice";
import { vshu } from "../support/vshuBin";

const dir = mkdtempSync(join(tmpdir(), "vshu-damaged-"));
after(() => rmSync(dir, { recursive: true, force: true }));

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
        withPart(dir, good, "сущность.xlsx", sheetPart("cases"), (x) =>
          x.replace("<sheetData>", "<sheetData>&nbsp;")
        ),
      expect: ["файл повреждён", "лист «Учёт»"],
    },
    {
      name: "the XML of «Учёт» cut short (rows would silently be lost)",
      build: () =>
        withPart(dir, good, "лист-обрезан.xlsx", sheetPart("cases"), (x) =>
          x.slice(0, x.indexOf("</sheetData>") - 40)
        ),
      expect: ["файл повреждён", "лист «Учёт»"],
    },
    {
      name: "broken shared strings",
      build: () =>
        withPart(dir, good, "строки.xlsx", "xl/sharedStrings.xml", (x) =>
          x.replace("<si>", "<si><t>&bogus;</t>")
        ),
      expect: ["файл повреждён", "общих строк"],
    },
    {
      name: "broken workbook part",
      build: () =>
        withPart(dir, good, "книга-xml.xlsx", "xl/workbook.xml", (x) =>
          x.replace("<sheets>", "<sheets><<")
        ),
      expect: ["файл повреждён"],
    },
  ];

  before(async () => {
    good = await writeBook(dir, "целая.xlsx");
  });

  test("the intact book these are made from is read", () => {
    const r = vshu(["report", good, ...PERIOD, "--json"]);
    assert.equal(r.status, 0, r.stderr);
  });

  for (const c of make) {
    test(`${c.name}: exit 1, plain Russian, nothing written`, async () => {
      assert.ok(good !== "", "the intact book is written first");
      const file = await c.build();
      refusedBoth(dir, file, ...c.expect);
    });
  }
});
