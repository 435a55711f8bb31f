/**
 * A document as a Word file (.docx, the `docx` package), from the same model as the worksheet:
 * A4 portrait, margins 2 cm left and 1–1.5 cm elsewhere, Times New Roman 12 pt. A line of the
 * form is a borderless one-row table (labels, values on a ruled cell, the seed's captions in
 * small type in a row under them), so that captions stay under their lines in Word and
 * LibreOffice alike; the plan's table is a real table (its header is not repeated on the next
 * pages, as on the worksheet, where a repeated header would also stand above the signatures).
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
const CELL_MARGINS = { left: 20, right: 20, top: 0, bottom: 0 } as const;

interface RunStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

function run(text: string, s: RunStyle = {}, breakBefore = false): TextRun {
  return new TextRun({
    text,
    size: Math.round((s.size ?? FONT.body) * 2),
    ...(breakBefore ? { break: 1 } : {}),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.underline ? { underline: {} } : {}),
  });
}

/** Runs of a text whose line breaks («\n») are kept. */
function runs(text: string, s: RunStyle = {}): TextRun[] {
  return text.split("\n").map((t, i) => run(t, s, i > 0));
}

function para(
  text: string,
  s: RunStyle & { align?: "left" | "center" | "right"; after?: number; before?: number } = {}
): Paragraph {
  const alignment =
    s.align === "center"
      ? AlignmentType.CENTER
      : s.align === "right"
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return new Paragraph({
    alignment,
    spacing: { after: s.after ?? 0, ...(s.before ? { before: s.before } : {}) },
    // The paragraph mark in the same size, or it sets the line height of small type.
    run: { size: Math.round((s.size ?? FONT.body) * 2) },
    children: text === "" ? [] : runs(text, s),
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
    ...(opts.columnSpan !== undefined && opts.columnSpan > 1
      ? { columnSpan: opts.columnSpan }
      : {}),
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

/** A tab stop. */
function tab(
  type: "left" | "right" | "center",
  units: number
): { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number } {
  const t =
    type === "left" ? TabStopType.LEFT : type === "right" ? TabStopType.RIGHT : TabStopType.CENTER;
  return { type: t, position: Math.round(units * UNIT) };
}

/** Space above a line of the form: room to write by hand. */
const LINE_BEFORE = 100;

/** A no-break space: underlined, it draws a blank line of a given length in any font. */
const NBSP = "\u00a0";
/** Width of a no-break space in Times New Roman 12 pt (0.25 em). */
const NBSP_PT = 3;

/**
 * A line of the form as a paragraph whose text flows in any font (no tab stop a wide font could
 * overrun): a filled value is underlined text; a blank in the middle of a line is an underlined
 * stretch of no-break spaces as long as its place on the worksheet; the line's last value runs
 * on an underlined tab to the right margin. The captions go in small type in a paragraph under
 * it, centred where the worksheet puts their values.
 */
function lineParagraphs(line: Block<"line">, start: number, total: number): Paragraph[] {
  const widths = lineColumns(line, total);
  const runs: TextRun[] = [];
  const stops: ReturnType<typeof tab>[] = [];
  const captionStops: ReturnType<typeof tab>[] = [];
  const captions: TextRun[] = [];
  let pos = start;
  line.parts.forEach((p, i) => {
    const end = pos + (widths[i] ?? 0);
    if (p.type === "label") {
      if (i > 0) {
        runs.push(run(" "));
      }
      runs.push(run(p.text, p.marked ? { bold: true, underline: true } : {}));
      if (line.parts[i + 1]?.type === "value") {
        // A plain space between the label and its line, so the two never run together.
        runs.push(run(" "));
      }
    } else {
      const last = i === line.parts.length - 1;
      if (p.value !== null) {
        runs.push(run(p.value, { underline: true }));
      }
      if (last) {
        stops.push(tab("right", start + total));
        runs.push(run("\t", { underline: true }));
      } else {
        const blank = p.value === null ? ((end - pos) * GRID_UNIT) / NBSP_PT : 2;
        runs.push(run(NBSP.repeat(Math.max(2, Math.round(blank))), { underline: true }));
      }
      if (p.caption !== undefined) {
        captionStops.push(tab("center", (pos + end) / 2));
        captions.push(run(`\t${p.caption}`, { size: FONT.caption }));
      }
    }
    pos = end;
  });
  const indent = start > 0 ? { indent: { left: Math.round(start * UNIT) } } : {};
  const out = [
    new Paragraph({
      ...indent,
      spacing: { before: LINE_BEFORE, after: 0 },
      tabStops: stops,
      children: runs,
    }),
  ];
  if (captions.length > 0) {
    out.push(
      new Paragraph({
        ...indent,
        spacing: { after: 0 },
        tabStops: captionStops,
        children: captions,
      })
    );
  }
  return out;
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

function signatureParagraphs(s: Block<"signature">): Paragraph[] {
  // The role flows as text before the first stop: placed for a font a third wider than Times
  // New Roman (DejaVu Serif where Times is missing), so the role never runs past it.
  const cols = signatureColumns(s, 1.35);
  const out: Paragraph[] = [];
  if (!cols.inline) {
    out.push(
      new Paragraph({ spacing: { before: LINE_BEFORE, after: 0 }, children: [run(s.role)] })
    );
  }
  const signStart = cols.role;
  const signEnd = signStart + cols.sign;
  const nameStart = signEnd + cols.gap;
  const nameEnd = nameStart + cols.name;
  const stops = [
    tab("left", signStart),
    tab("left", signEnd),
    tab("left", nameStart),
    tab("left", nameEnd),
  ].filter((t) => t.position > 0);
  const runs: TextRun[] = [];
  if (cols.inline) {
    runs.push(run(s.role));
  }
  if (signStart > 0) {
    runs.push(run("\t"));
  }
  runs.push(run("\t", { underline: true }), run("\t"));
  // A name flows as underlined text (a long one never jumps a stop); a blank runs to the stop.
  runs.push(
    s.name !== null
      ? run(`${s.name}${NBSP}${NBSP}`, { underline: true })
      : run("\t", { underline: true })
  );
  if (s.date !== undefined) {
    stops.push(tab("right", GRID_COLUMNS));
    runs.push(run(`\t${s.date ?? BLANK_DATE}`));
  }
  out.push(new Paragraph({ spacing: { before: 200, after: 0 }, tabStops: stops, children: runs }));
  out.push(
    new Paragraph({
      spacing: { after: 0 },
      tabStops: [
        tab("center", (signStart + signEnd) / 2),
        tab("center", (nameStart + nameEnd) / 2),
      ],
      children: [run("\t(подпись)\t(расшифровка подписи)", { size: FONT.caption })],
    })
  );
  return out;
}

/**
 * The plan's table is nine columns on a portrait page: in Word 1.5 points smaller than on the
 * worksheet (whose columns widen with a wider font, where Word's stay put), so that a date and
 * «Ответственный» fit their columns whole.
 */
const TABLE_SIZE = FONT.table - 1.5;
const TABLE_HEADER_SIZE = FONT.tableHeader - 1;

function dataTable(t: Block<"table">): Table {
  const widths = t.columns.map((c) => c.units);
  const small = (text: string, s: RunStyle & { align?: "left" | "center" } = {}): Paragraph =>
    para(text, { size: TABLE_SIZE, ...s });
  const rows: TableRow[] = [
    new TableRow({
      cantSplit: true,
      children: t.columns.map((c) =>
        cell(c.units, [small(c.header, { size: TABLE_HEADER_SIZE, bold: true, align: "center" })], {
          frame: true,
          valign: "top",
        })
      ),
    }),
  ];
  t.rows.forEach((r) => {
    if (r.type === "cells") {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: r.cells.map((text, i) =>
            cell(widths[i] ?? 1, [small(text ?? "", { align: t.columns[i]?.align ?? "left" })], {
              frame: true,
              valign: "top",
            })
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
        [
          small(span.text, {
            bold: true,
            italic: r.style === "section",
            align: r.style === "subheader" ? "center" : "left",
          }),
        ],
        { frame: true, columnSpan: span.columns, valign: "top" }
      );
    });
    rows.push(new TableRow({ cantSplit: true, children }));
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
      return b.lines.flatMap((l) => lineParagraphs(l, CORNER_START, GRID_COLUMNS - CORNER_START));
    case "title":
      return b.lines.map((t) => para(t, { size: FONT.title, bold: true, align: "center" }));
    case "line":
      return lineParagraphs(b, 0, GRID_COLUMNS);
    case "text":
      if (b.style === "note") {
        return [para(b.text, { size: FONT.note, italic: true })];
      }
      return [
        para(b.text, {
          ...(b.style === "bold" ? { before: 80 } : {}),
          bold: b.style === "bold" || b.marked === true,
          underline: b.marked === true,
          align: b.style === "center" || b.style === "right" ? b.style : "left",
        }),
      ];
    case "list":
      return listParagraphs(b);
    case "table":
      return [dataTable(b)];
    case "signature":
      return signatureParagraphs(b);
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
    // Russian text, hyphenated by Word where a word does not fit (the plan's narrow columns).
    hyphenation: { autoHyphenation: true },
    styles: {
      default: {
        document: {
          run: { font: DOCUMENT_FONT, size: FONT.body * 2, language: { value: "ru-RU" } },
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
                        new TextRun({
                          children: ["Стр. ", PageNumber.CURRENT, " из ", PageNumber.TOTAL_PAGES],
                          size: 18,
                        }),
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
