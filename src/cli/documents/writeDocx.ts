/**
 * A document as a Word file (.docx, the `docx` package), from the same model as the worksheet:
 * A4 portrait, margins 2 cm left and 1–1.5 cm elsewhere, Times New Roman 12 pt. A line of the
 * form is a borderless one-row table (labels, values on a ruled cell, the seed's captions in
 * small type in a row under them), so that captions stay under their lines in Word and
 * LibreOffice alike; the plan's table is a real table whose header repeats on each page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import {
  BLANK_DATE,
  DOCUMENT_FONT,
  FONT,
  GRID_COLUMNS,
  GRID_UNIT,
  lineColumns,
  signatureColumns,
  type DocumentBlock,
  type DocumentModel,
} from "../../core/documents";

/** Twips (1/20 pt) of one grid unit. */
const UNIT = GRID_UNIT * 20;
const CM = 567;
const CORNER_START = 32;

type Block<T extends DocumentBlock["type"]> = Extract<DocumentBlock, { type: T }>;
type Child = Paragraph | Table;

const RULE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE } as const;
const CELL_MARGINS = { left: 40, right: 40, top: 0, bottom: 0 } as const;

interface RunStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    size: Math.round((s.size ?? FONT.body) * 2),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.underline ? { underline: {} } : {}),
  });
}

function para(
  text: string,
  s: RunStyle & { align?: "left" | "center" | "right"; after?: number } = {}
): Paragraph {
  const alignment =
    s.align === "center"
      ? AlignmentType.CENTER
      : s.align === "right"
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return new Paragraph({
    alignment,
    spacing: { after: s.after ?? 0 },
    children: text === "" ? [] : [run(text, s)],
  });
}

function cell(
  units: number,
  children: Paragraph[],
  opts: { rule?: boolean; columnSpan?: number; frame?: boolean; valign?: "top" | "bottom" } = {}
): TableCell {
  return new TableCell({
    width: { size: units * UNIT, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: opts.valign === "top" ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    borders: opts.frame
      ? { top: RULE, bottom: RULE, left: RULE, right: RULE }
      : { ...NO_BORDERS, ...(opts.rule ? { bottom: RULE } : {}) },
    ...(opts.columnSpan !== undefined && opts.columnSpan > 1 ? { columnSpan: opts.columnSpan } : {}),
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

function borderless(rows: TableRow[], widths: number[], indent = 0): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0) * UNIT, type: WidthType.DXA },
    columnWidths: widths.map((w) => w * UNIT),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    ...(indent > 0 ? { indent: { size: indent * UNIT, type: WidthType.DXA } } : {}),
  });
}

/** A line of the form as a one-row table, with a caption row when a value has a caption. */
function lineTable(line: Block<"line">, start: number, total: number): Table {
  const widths = lineColumns(line, total);
  const cells = line.parts.map((p, i) => {
    const units = widths[i] ?? 0;
    if (p.type === "label") {
      return cell(units, [para(p.text, p.marked ? { bold: true, underline: true } : {})]);
    }
    const short = (p.weight ?? 1) < 1;
    return cell(units, [para(p.value ?? "", { align: short ? "center" : "left" })], { rule: true });
  });
  const rows = [new TableRow({ children: cells, cantSplit: true })];
  if (line.parts.some((p) => p.type === "value" && p.caption !== undefined)) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: line.parts.map((p, i) =>
          cell(
            widths[i] ?? 0,
            [para(p.type === "value" ? (p.caption ?? "") : "", { size: FONT.caption, align: "center" })],
            { valign: "top" }
          )
        ),
      })
    );
  }
  return borderless(rows, widths, start);
}

const MARKERS = { tick: "✓", dash: "–" } as const;
const TEXT_WIDTH = GRID_COLUMNS * UNIT;

function listParagraphs(block: Block<"list">): Paragraph[] {
  return block.items.map((item, i) => {
    const marker = block.marker === "number" ? `${i + 1}.` : MARKERS[block.marker];
    const style = item.marked ? { bold: true, underline: true } : {};
    return new Paragraph({
      spacing: { after: 0 },
      indent: { left: 4 * UNIT, hanging: 3 * UNIT },
      tabStops: [
        { type: TabStopType.LEFT, position: 4 * UNIT },
        ...(item.blank ? [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }] : []),
      ],
      children: [
        run(`${marker}\t`),
        run(item.text, style),
        ...(item.blank ? [run(" "), run("\t", { underline: true })] : []),
      ],
    });
  });
}

function signatureTable(s: Block<"signature">): Child[] {
  const cols = signatureColumns(s);
  const out: Child[] = [];
  if (!cols.inline) {
    out.push(para(s.role));
  }
  const filler = GRID_COLUMNS - cols.role - cols.sign - cols.gap - cols.name - cols.date;
  const widths = [cols.role, cols.sign, cols.gap, cols.name, filler, cols.date].filter((w) => w > 0);
  const main: TableCell[] = [];
  const captions: TableCell[] = [];
  const add = (units: number, text: string, caption: string, opts: { rule?: boolean; align?: "center" | "right" } = {}): void => {
    if (units <= 0) {
      return;
    }
    main.push(cell(units, [para(text, { ...(opts.align ? { align: opts.align } : {}) })], { ...(opts.rule ? { rule: true } : {}) }));
    captions.push(cell(units, [para(caption, { size: FONT.caption, align: "center" })], { valign: "top" }));
  };
  add(cols.role, cols.inline ? s.role : "", "");
  add(cols.sign, "", "(подпись)", { rule: true });
  add(cols.gap, "", "");
  add(cols.name, s.name ?? "", "(расшифровка подписи)", { rule: true, align: "center" });
  add(filler, "", "");
  add(cols.date, s.date === undefined ? "" : (s.date ?? BLANK_DATE), "", { align: "right" });
  out.push(
    borderless(
      [new TableRow({ children: main, cantSplit: true }), new TableRow({ children: captions, cantSplit: true })],
      widths
    )
  );
  return out;
}

function dataTable(t: Block<"table">): Table {
  const widths = t.columns.map((c) => c.units);
  const small = (text: string, s: RunStyle & { align?: "left" | "center" } = {}): Paragraph =>
    para(text, { size: FONT.table, ...s });
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: t.columns.map((c) =>
        cell(c.units, [small(c.header, { size: FONT.tableHeader, bold: true, align: "center" })], { frame: true, valign: "top" })
      ),
    }),
  ];
  t.rows.forEach((r, index) => {
    if (r.type === "cells") {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: r.cells.map((text, i) =>
            cell(widths[i] ?? 1, [small(text ?? "", { align: t.columns[i]?.align ?? "left" })], { frame: true, valign: "top" })
          ),
        })
      );
      return;
    }
    let i = 0;
    const children = r.spans.map((span) => {
      const units = widths.slice(i, i + span.columns).reduce((a, b) => a + b, 0);
      i += span.columns;
      return cell(
        units,
        [small(span.text, { bold: true, italic: r.style === "section", align: r.style === "subheader" ? "center" : "left" })],
        { frame: true, columnSpan: span.columns, valign: "top" }
      );
    });
    rows.push(new TableRow({ cantSplit: true, tableHeader: index === 0, children }));
  });
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0) * UNIT, type: WidthType.DXA },
    columnWidths: widths.map((w) => w * UNIT),
    layout: TableLayoutType.FIXED,
  });
}

function blockChildren(b: DocumentBlock): Child[] {
  switch (b.type) {
    case "corner":
      return b.lines.map((l) => lineTable(l, CORNER_START, GRID_COLUMNS - CORNER_START));
    case "title":
      return b.lines.map((t) => para(t, { size: FONT.title, bold: true, align: "center" }));
    case "line":
      return [lineTable(b, 0, GRID_COLUMNS)];
    case "text":
      if (b.style === "note") {
        return [para(b.text, { size: FONT.note, italic: true })];
      }
      return [
        para(b.text, {
          bold: b.style === "bold" || b.marked === true,
          underline: b.marked === true,
          align: b.style === "center" ? "center" : "left",
        }),
      ];
    case "list":
      return listParagraphs(b);
    case "table":
      return [dataTable(b)];
    case "signature":
      return signatureTable(b);
    case "space":
      return [para("", { size: 6 })];
  }
}

/** The Word document of a model. */
export function buildDocx(model: DocumentModel): Document {
  const children: Child[] = [];
  for (const b of model.blocks) {
    for (const c of blockChildren(b)) {
      // Word joins two tables that touch into one: a tiny paragraph keeps them apart.
      if (c instanceof Table && children[children.length - 1] instanceof Table) {
        children.push(para("", { size: 1 }));
      }
      children.push(c);
    }
  }
  return new Document({
    creator: "ВШУ",
    title: `${model.name}: ${model.subject}`,
    styles: {
      default: {
        document: {
          run: { font: DOCUMENT_FONT, size: FONT.body * 2 },
          paragraph: { spacing: { after: 0, line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              left: 2 * CM,
              right: 1 * CM,
              top: Math.round(1.5 * CM),
              bottom: Math.round(1.5 * CM),
              header: Math.round(0.6 * CM),
              footer: Math.round(0.6 * CM),
            },
          },
        },
        ...(model.onePage
          ? {}
          : {
              footers: {
                default: new Footer({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [
                        new TextRun({ children: ["Стр. ", PageNumber.CURRENT, " из ", PageNumber.TOTAL_PAGES], size: 18 }),
                      ],
                    }),
                  ],
                }),
              },
            }),
        children,
      },
    ],
  });
}

/** The .docx bytes of a model. */
export async function docxBuffer(model: DocumentModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(model));
}
