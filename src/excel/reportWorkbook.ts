/**
 * The report as a separate .xlsx for `Excel.createWorkbook(base64)` (ExcelApi 1.8): sheet
 * «Отчёт» with the form I–VII laid out as the CLI's report workbook from the same core layout
 * (merged two-row headers, fonts, frames, fills, column widths, row heights, A4 landscape) and
 * the hidden sheet «Данные» with the counts as key–value pairs, so `vshu consolidate` reads it
 * too. A minimal SpreadsheetML package built with JSZip (inline strings), no Office.js involved;
 * its entries carry the report's day, not the clock.
 */
import type { IsoDate } from "../core/dates/isoDate";
import { FORM_COLUMNS, reportFormLayout } from "../core/report/form";
import { flattenReport, type ReportMeta } from "../core/report/flatten";
import {
  cellStyle,
  FORM_BORDER_COLOR,
  FORM_FILLS,
  FORM_FONT_NAME,
  type FormCellStyle,
} from "../core/report/formLayout";
import type { ReportJson } from "../core/report/types";
import { blockAddress, columnLetters } from "./address";
import { localToday } from "./reportSheet";

const REPORT_SHEET = "Отчёт";
const DATA_SHEET = "Данные";

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .split("")
    .filter((ch) => ch >= " " || ch === "\t" || ch === "\n" || ch === "\r")
    .join("");
}

/** The package's styles: each distinct cell style once, as `styles.xml` wants them. */
class Styles {
  private readonly fonts: string[] = [`<font><sz val="11"/><name val="Calibri"/></font>`];
  private readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders: string[] = ["<border/>"];
  private readonly xfs: string[] = ['<xf fontId="0" fillId="0" borderId="0"/>'];

  private static index(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) {
      return at;
    }
    list.push(xml);
    return list.length - 1;
  }

  /** The style index of a cell of the form. */
  of(style: FormCellStyle): number {
    const f = style.font;
    const font = Styles.index(
      this.fonts,
      `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}<sz val="${f.size}"/><name val="${FORM_FONT_NAME}"/></font>`
    );
    const fill =
      style.fill === null
        ? 0
        : Styles.index(
            this.fills,
            `<fill><patternFill patternType="solid"><fgColor rgb="FF${FORM_FILLS[style.fill]}"/><bgColor indexed="64"/></patternFill></fill>`
          );
    const edge = `style="thin"><color rgb="FF${FORM_BORDER_COLOR}"/>`;
    const border = style.border
      ? Styles.index(
          this.borders,
          `<border><left ${edge}</left><right ${edge}</right><top ${edge}</top><bottom ${edge}</bottom><diagonal/></border>`
        )
      : 0;
    return Styles.index(
      this.xfs,
      `<xf fontId="${font}" fillId="${fill}" borderId="${border}" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="${style.align}" vertical="center" wrapText="1"/></xf>`
    );
  }

  /** A plain cell with the bold default font (the data sheet's header). */
  bold(): number {
    const font = Styles.index(this.fonts, `<font><b/><sz val="11"/><name val="Calibri"/></font>`);
    return Styles.index(this.xfs, `<xf fontId="${font}" fillId="0" borderId="0" applyFont="1"/>`);
  }

  xml(): string {
    const list = (tag: string, items: string[]): string =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${list("fonts", this.fonts)}${list("fills", this.fills)}${list("borders", this.borders)}<cellStyleXfs count="1"><xf/></cellStyleXfs>${list("cellXfs", this.xfs)}</styleSheet>`;
  }
}

function cellXml(ref: string, value: string | number | null, style: number): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (value === null) {
    return style > 0 ? `<c r="${ref}"${s}/>` : "";
  }
  if (typeof value === "number") {
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
}

interface SheetRow {
  readonly cells: readonly (string | number | null)[];
  readonly styles: readonly number[];
  readonly height?: number;
}

function sheetXml(
  rows: readonly SheetRow[],
  widths: readonly number[],
  extra: { merges?: readonly string[]; print?: boolean } = {}
): string {
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const body = rows
    .map((r, i) => {
      const cells = r.cells
        .map((v, j) => cellXml(`${columnLetters(j)}${i + 1}`, v, r.styles[j] ?? 0))
        .join("");
      const ht = r.height !== undefined ? ` ht="${r.height}" customHeight="1"` : "";
      return `<row r="${i + 1}"${ht}>${cells}</row>`;
    })
    .join("");
  const merges =
    extra.merges && extra.merges.length > 0
      ? `<mergeCells count="${extra.merges.length}">${extra.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
  const setup = extra.print
    ? '<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>Стр. &amp;P из &amp;N</oddFooter></headerFooter>'
    : "";
  const fit = extra.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${fit}<cols>${cols}</cols><sheetData>${body}</sheetData>${merges}${setup}</worksheet>`;
}

/**
 * The report workbook as a base64 .xlsx. JSZip is loaded here, when a report workbook is made,
 * not with the task pane (its own chunk, ~27 KB gzip, off the pane's start-up). `meta` adds
 * the pairs about sending it to «Данные» (the ministry's address, as `vshu report` does).
 */
export async function buildReportXlsxBase64(
  report: ReportJson,
  made: IsoDate = localToday(),
  meta: Omit<ReportMeta, "made"> = {}
): Promise<string> {
  return buildReportXlsx(report, made, meta, "base64");
}

/** The same workbook as bytes (for the check before it leaves, and for a download). */
export function buildReportXlsxBytes(
  report: ReportJson,
  made: IsoDate = localToday(),
  meta: Omit<ReportMeta, "made"> = {}
): Promise<Uint8Array> {
  return buildReportXlsx(report, made, meta, "uint8array");
}

async function buildReportXlsx<T extends "base64" | "uint8array">(
  report: ReportJson,
  made: IsoDate,
  meta: Omit<ReportMeta, "made">,
  type: T
): Promise<T extends "base64" ? string : Uint8Array> {
  const layout = reportFormLayout(report, { made });
  const form = layout.rows;
  const styles = new Styles();
  const formRows: SheetRow[] = form.map((r, i) => {
    const cells: (string | number | null)[] = [];
    const cellStyles: number[] = [];
    for (let c = 0; c < FORM_COLUMNS; c++) {
      const style = cellStyle(r, c);
      const value = r.cells[c] ?? null;
      cells.push(value);
      cellStyles.push(value !== null || style.border ? styles.of(style) : 0);
    }
    return { cells, styles: cellStyles, height: layout.heights[i] ?? 15 };
  });
  const bold = styles.bold();
  const dataRows: SheetRow[] = [
    { cells: ["Ключ", "Значение"], styles: [bold, bold] },
    ...flattenReport(report, { ...meta, made }).map(([k, v]) => ({ cells: [k, v], styles: [] })),
  ];
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = new JSZip();
  const date = new Date(`${made}T00:00:00Z`);
  const add = (name: string, text: string): void => {
    zip.file(name, text, { date, createFolders: false });
  };
  add(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
  );
  add(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  );
  add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${REPORT_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${DATA_SHEET}" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'${REPORT_SHEET}'!$A$1:$${columnLetters(FORM_COLUMNS - 1)}$${form.length}</definedName></definedNames></workbook>`
  );
  add(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
  );
  add(
    "xl/worksheets/sheet1.xml",
    sheetXml(formRows, layout.widths, {
      merges: layout.merges.map((m) => blockAddress(m)),
      print: true,
    })
  );
  add("xl/worksheets/sheet2.xml", sheetXml(dataRows, [50, 16]));
  add("xl/styles.xml", styles.xml());
  return zip.generateAsync({ type }) as Promise<T extends "base64" ? string : Uint8Array>;
}
