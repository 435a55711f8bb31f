/**
 * «Документы» in the add-in against the fake Excel: each kind of document of the demo register
 * written to a new sheet in ONE `context.sync` after the register's read — its texts in the top
 * left cells of the layout's areas, merges, row heights, the column grid, fonts, lines, no
 * gridlines, A4 portrait with the margins and fit to one page width, the sheet activated; unique
 * names within 31 characters; text that looks like a formula stays text; ExcelApi 1.1 gets the
 * same single sync without what it lacks, and says so.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  buildDocument,
  documentSheet,
  documentSheetName,
  DOCUMENT_KINDS,
  prepareDocument,
  type DocumentKind,
  type DocumentModel,
} from "../../src/core/documents";
import { buildDemoRegister } from "../../src/core/demo/demoRegister";
import type { Register } from "../../src/core/register/model";
import { columnLetters } from "../../src/excel/address";
import {
  DOC_LIMIT_FORMATTING,
  DOC_LIMIT_PAGE,
  heightRuns,
  layoutValues,
  plainLines,
  wrapWords,
} from "../../src/excel/documentSheet";
import type { RegisterGateway } from "../../src/excel/gateway";
import { registerDeadlines } from "../../src/taskpane/logic/deadlineView";
import type { FakeExcel } from "../support/fakeExcel";
import { seedRegister, type SeedRows } from "../support/fakeRegister";
import { setup } from "./gatewaySetup";

const ON = "2026-11-23";

/** The demo register in the fake Excel, read once by the gateway (as the pane does). */
async function demoBook(apiVersion = 21): Promise<{
  fake: FakeExcel;
  gateway: RegisterGateway;
  register: Register;
}> {
  const { fake, gateway } = setup({ apiVersion });
  seedRegister(fake, buildDemoRegister(ON).sheets as unknown as SeedRows);
  const read = await gateway.readRegister();
  return { fake, gateway, register: read.register };
}

/** A case with a signal card, so that every kind can be made for it. */
function caseWithCard(register: Register): string {
  const code = register.signals.find((s) => s.caseCode !== "")?.caseCode;
  assert.ok(code, "the demo register has a signal card with a case code");
  return code;
}

function modelOf(register: Register, code: string, kind: DocumentKind): DocumentModel {
  const prepared = prepareDocument(
    register,
    { kind, caseCode: code, made: ON },
    registerDeadlines(register, ON)
  );
  assert.ok(prepared.ok, prepared.ok ? "" : prepared.message);
  return buildDocument(kind, prepared.context, prepared.quarter);
}

/** The page set-up the fake recorded for a sheet. */
function pageOf(fake: FakeExcel, sheet: string): Record<string, unknown> {
  const s = fake.model.findSheet(sheet);
  assert.ok(s, `no sheet ${sheet}`);
  return s.pageLayout;
}

describe("document sheet (Office.js adapter)", () => {
  test("every kind: one sync after the read, the texts where the layout puts them, print set-up", async () => {
    const { fake, gateway, register } = await demoBook();
    const code = caseWithCard(register);
    const figures: string[] = [];
    for (const kind of DOCUMENT_KINDS) {
      const model = modelOf(register, code, kind);
      const layout = documentSheet(model);
      const before = fake.syncCount;
      const requestsBefore = fake.requests.length;
      const result = await gateway.writeDocumentSheet(model);
      assert.equal(fake.syncCount - before, 1, `${kind}: one context.sync for the whole sheet`);
      const request = fake.requests[requestsBefore];
      assert.ok(request);
      assert.ok(request.bytes < 1024 * 1024, `${kind}: request ${request.bytes} bytes`);
      figures.push(
        `${kind}: ${layout.rowHeights.length} rows, ${request.operations} operations, ${request.bytes} bytes`
      );

      assert.equal(result.rows, layout.rowHeights.length);
      assert.deepEqual(result.limits, []);
      assert.ok(result.sheet.length <= 31);
      assert.equal(fake.model.activeSheet?.name, result.sheet, "the document's sheet is shown");
      // Every text in the top-left cell of its area, stored as text.
      for (const a of layout.areas.filter((x) => x.text !== "")) {
        const cell = fake.cell(result.sheet, `${columnLetters(a.col)}${a.row + 1}`);
        assert.equal(cell.value, a.text, `${kind} ${columnLetters(a.col)}${a.row + 1}`);
        assert.equal(cell.format, "@");
      }
      const sheet = fake.model.findSheet(result.sheet);
      assert.ok(sheet);
      assert.equal(
        sheet.merges.length,
        layout.areas.filter((a) => a.rows > 1 || a.cols > 1).length
      );
      layout.rowHeights.forEach((h, i) => assert.equal(sheet.rowHeights.get(i), h, `row ${i + 1}`));
      assert.equal(sheet.columnWidths.get(0), 7.5);
      assert.equal(sheet.columnWidths.get(layout.columnWidths.length - 1), 7.5);
      assert.equal(sheet.showGridlines, false);
      const fonts = sheet.styles.filter((s) => s.property === "font.name");
      assert.deepEqual(
        fonts.map((s) => s.value),
        ["Times New Roman"]
      );
      const bottoms = sheet.styles.filter(
        (s) => s.property === "borders.EdgeBottom.style" && s.value === "Continuous"
      );
      assert.ok(bottoms.length > 0, `${kind}: lines to write on`);
      const page = pageOf(fake, result.sheet);
      assert.equal(page["orientation"], "Portrait");
      assert.equal(page["paperSize"], "A4");
      assert.deepEqual(page["zoom"], {
        horizontalFitToPages: 1,
        verticalFitToPages: model.onePage ? 1 : 0,
      });
      assert.deepEqual(page["margins"], {
        unit: "Points",
        margins: {
          left: 56.69,
          right: 28.35,
          top: 42.52,
          bottom: 42.52,
          header: 17.01,
          footer: 17.01,
        },
      });
      assert.equal(page["printGridlines"], false);
      assert.equal(
        page["printArea"],
        `A1:${columnLetters(layout.columnWidths.length - 1)}${layout.rowHeights.length}`
      );
      assert.equal(page["centerFooter"], model.onePage ? undefined : "Стр. &P из &N");
    }
    console.log(`document sheets: ${figures.join("; ")}`);
    // The register's tables are untouched: no «Журнал» row for a sheet beside them.
    assert.equal(
      fake.table("tblJournal").rows.length,
      (buildDemoRegister(ON).sheets.journal ?? []).length
    );
  });

  test("the same document twice: a unique name, still one sync; names within 31 characters", async () => {
    const { fake, gateway, register } = await demoBook();
    const model = modelOf(register, caseWithCard(register), "vshu-child");
    const first = await gateway.writeDocumentSheet(model);
    const before = fake.syncCount;
    const second = await gateway.writeDocumentSheet(model);
    assert.equal(fake.syncCount - before, 1);
    assert.equal(first.sheet, documentSheetName(model));
    assert.notEqual(second.sheet, first.sheet);
    assert.match(second.sheet, / \(2\)$/);
    assert.ok(second.sheet.length <= 31);
  });

  test("a sheet of that name made by hand meanwhile: nothing written by the failed batch, the names read again", async () => {
    const { fake, gateway, register } = await demoBook();
    const model = modelOf(register, caseWithCard(register), "why");
    fake.seed(documentSheetName(model), [["моя заметка"]]);
    const before = fake.syncCount;
    const result = await gateway.writeDocumentSheet(model);
    assert.equal(fake.syncCount - before, 3, "failed write, names, write");
    assert.equal(fake.cell(documentSheetName(model), "A1").value, "моя заметка");
    assert.match(result.sheet, / \(2\)$/);
  });

  test("text that looks like a formula stays text", async () => {
    const { fake, gateway, register } = await demoBook();
    const code = caseWithCard(register);
    const episode = register.episodes.find((e) => e.code === code);
    assert.ok(episode);
    const tricky: Register = {
      ...register,
      episodes: register.episodes.map((e) =>
        e === episode ? { ...e, lastName: "=HYPERLINK(1)", firstName: "+7", patronymic: "@x" } : e
      ),
    };
    const model = modelOf(tricky, code, "vshu-child");
    const result = await gateway.writeDocumentSheet(model);
    const layout = documentSheet(model);
    const area = layout.areas.find((a) => a.text.startsWith("=HYPERLINK(1)"));
    assert.ok(area, "the child's name is on the form");
    const cell = fake.cell(result.sheet, `${columnLetters(area.col)}${area.row + 1}`);
    assert.equal(cell.formula, null);
    assert.equal(cell.value, area.text);
    assert.equal(cell.format, "@");
  });

  test("ExcelApi 1.1 (Office 2016): one sync, the document as lines of text in column A; said in Russian", async () => {
    const { fake, gateway, register } = await demoBook(1);
    const model = modelOf(register, caseWithCard(register), "vshu-child");
    const before = fake.syncCount;
    const result = await gateway.writeDocumentSheet(model);
    assert.equal(fake.syncCount - before, 1);
    const sheet = fake.model.findSheet(result.sheet);
    assert.ok(sheet);
    assert.equal(sheet.merges.length, 0);
    assert.equal(sheet.rowHeights.size, 0);
    assert.equal(sheet.showGridlines, true);
    assert.deepEqual(sheet.pageLayout, {});
    assert.ok(result.limits.includes(DOC_LIMIT_PAGE));
    assert.ok(result.limits.includes(DOC_LIMIT_FORMATTING));
    assert.equal(result.limits.length, 3);
    const lines = plainLines(documentSheet(model));
    assert.equal(result.rows, lines.length);
    lines.forEach((l, i) => {
      assert.equal(fake.cell(result.sheet, `A${i + 1}`).value, l.text, `A${i + 1}`);
      assert.equal(fake.cell(result.sheet, `B${i + 1}`).value, "", "nothing beside it");
    });
    // Every filled value of the form is there (lines of at most 60 characters), blanks as a
    // line to write on.
    const text = lines.map((l) => l.text).join("\n");
    const flat = lines.map((l) => l.text).join(" ");
    for (const a of documentSheet(model).areas.filter((x) => x.text !== "")) {
      assert.ok(flat.includes(a.text.replace(/\s+/g, " ")), a.text);
    }
    assert.ok(
      lines.every((l) => l.text.length <= (80 * 12) / l.size),
      "lines fit a page"
    );
    assert.match(text, /^Фамилия .+ имя .+ отчество .+$/m);
    assert.match(text, /_{4,}/);
    const title = lines.find((l) => l.text === "Представление");
    assert.deepEqual(title, { text: "Представление", size: 14, bold: true });
  });

  test("without a read before: the sheet names first, 2 syncs", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, buildDemoRegister(ON).sheets as unknown as SeedRows);
    const other = await demoBook();
    const model = modelOf(other.register, caseWithCard(other.register), "order");
    const result = await gateway.writeDocumentSheet(model);
    assert.equal(fake.syncCount, 2);
    assert.equal(fake.model.activeSheet?.name, result.sheet);
  });
});

describe("document sheet helpers", () => {
  test("words wrapped at spaces", () => {
    assert.deepEqual(wrapWords("раз два три четыре", 8), ["раз два", "три", "четыре"]);
    assert.deepEqual(wrapWords("длинноеслово x", 5), ["длинноеслово", "x"]);
    assert.deepEqual(wrapWords("", 5), [""]);
  });

  test("runs of equal row heights", () => {
    assert.deepEqual(heightRuns([21, 21, 8, 21, 21, 21]), [
      [0, 1, 21],
      [2, 2, 8],
      [3, 5, 21],
    ]);
    assert.deepEqual(heightRuns([]), []);
  });

  test("values: each text at its area's top-left, empty elsewhere", () => {
    const values = layoutValues({
      fontName: "Times New Roman",
      columnWidths: [7.5, 7.5, 7.5],
      rowHeights: [15, 15],
      areas: [
        {
          row: 0,
          col: 1,
          rows: 1,
          cols: 2,
          text: "x",
          style: { size: 12, horizontal: "left", vertical: "bottom", wrap: true },
        },
        {
          row: 1,
          col: 0,
          rows: 1,
          cols: 3,
          text: "",
          style: { size: 12, horizontal: "left", vertical: "bottom", wrap: true },
        },
      ],
      page: documentSheet({
        kind: "why",
        name: "",
        subject: "",
        caseCode: "",
        onePage: true,
        blocks: [],
      }).page,
    });
    assert.deepEqual(values, [
      ["", "x", ""],
      ["", "", ""],
    ]);
  });
});
