/**
 * The report as a separate .xlsx for `Excel.createWorkbook(base64)` (ExcelApi 1.8): sheet
 * «Отчёт» with the form I–VII (values, column widths, A4 landscape) and the hidden sheet
 * «Данные» with the counts as key–value pairs, as the CLI's report workbook, so
 * `vshu consolidate` reads it too. A minimal SpreadsheetML package built with JSZip
 * (inline strings, one bold style), no Office.js involved.
 */
import { buildReportForm, FORM_COLUMNS, FORM_WIDTHS } from "../core/report/form";
import { flattenReport } from "../core/report/flatten";
import type { ReportJson } from "../core/report/types";
import { columnLetters } from "./address";

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

function cellXml(ref: string, value: string | number | null, bold: boolean): string {
  if (value === null) {
    return "";
  }
  const s = bold ? ' s="1"' : "";
  if (typeof value === "number") {
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
}

function sheetXml(
  rows: { cells: readonly (string | number | null)[]; bold: boolean }[],
  widths: readonly number[],
  print: boolean
): string {
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const body = rows
    .map((r, i) => {
      const cells = r.cells
        .map((v, j) => cellXml(`${columnLetters(j)}${i + 1}`, v, r.bold))
        .join("");
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join("");
  const setup = print
    ? '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    : "";
  const fit = print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${fit}<cols>${cols}</cols><sheetData>${body}</sheetData>${setup}</worksheet>`;
}

/**
 * The report workbook as a base64 .xlsx. JSZip is loaded here, when a report workbook is made,
 * not with the task pane (its own chunk, ~27 KB gzip, off the pane's start-up).
 */
export async function buildReportXlsxBase64(report: ReportJson): Promise<string> {
  const form = buildReportForm(report);
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${REPORT_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${DATA_SHEET}" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'${REPORT_SHEET}'!$A$1:$${columnLetters(FORM_COLUMNS - 1)}$${form.length}</definedName></definedNames></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
  );
  zip.file(
    "xl/styles.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf><xf fontId="1" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf></cellXfs></styleSheet>'
  );
  const bold = new Set(["title", "section", "header", "total"]);
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheetXml(
      form.map((r) => ({ cells: r.cells, bold: bold.has(r.style) })),
      FORM_WIDTHS,
      true
    )
  );
  const data = [
    { cells: ["Ключ", "Значение"], bold: true },
    ...flattenReport(report).map(([k, v]) => ({ cells: [k, v], bold: false })),
  ];
  zip.file("xl/worksheets/sheet2.xml", sheetXml(data, [50, 16], false));
  return zip.generateAsync({ type: "base64" });
}
