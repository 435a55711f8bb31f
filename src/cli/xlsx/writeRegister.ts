/**
 * Builds a register workbook (contract version 2): every sheet of the contract as one Excel
 * table with its header row, list validation on coded columns, dates shown ДД.ММ.ГГГГ (also in
 * «Значение» of «Настройки», a text column), text columns formatted as text (so «=…» typed
 * later stays text), long text wrapped, frozen header row, readable widths; printed A4
 * landscape, one page wide, the header row repeated on every page. The same content gives the
 * same bytes: no clock in the workbook's properties or in its zip entries.
 */
import type ExcelJS from "exceljs";
import { workbookClass } from "./exceljsParts";
import { isoParts, type IsoDate } from "../../core/dates/isoDate";
import { columnLayout, type ColumnLayout } from "../../core/register/layout";
import { defaultRegulationRows } from "../../core/register/regulation";
import {
  CALENDAR_COLUMNS,
  CALENDAR_SHEET,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  TABLE_NAME,
  type SheetKey,
} from "../../core/register/schema";

import { heightOfLines, rowHeightFor } from "./patch/rowHeight";
import { keepCarriageReturns } from "./carriageReturns";
import { ZipPackage } from "./patch/zip";
import { columnLetters } from "./patch/refs";

export type WriteCell = string | number | boolean | { readonly date: IsoDate } | null;
export type SheetRows = readonly Readonly<Record<string, WriteCell>>[];

export interface RegisterContent {
  /** Rows of each sheet by header; «Настройки» rows are `{ Параметр, Значение }`. */
  readonly sheets: Partial<Record<SheetKey, SheetRows>>;
  /** Rows of the optional «Календарь» sheet; the sheet is always created. */
  readonly calendar?: SheetRows;
}

/** Rows below the data that still get list validation and formats, for typing by hand. */
const SPARE_ROWS = 500;

export const DATE_FORMAT = "dd.mm.yyyy";
export const DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm";

/** A calendar date as the JS Date exceljs turns into an Excel serial (UTC midnight). */
export function toExcelDate(date: IsoDate): Date {
  const { y, m, d } = isoParts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

function toValue(cell: WriteCell | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined) {
    return null;
  }
  if (typeof cell === "object") {
    return toExcelDate(cell.date);
  }
  return cell;
}

/** exceljs has range validations (`A2:A500`) at run time but not in its typings. */
function validations(ws: ExcelJS.Worksheet): {
  add(address: string, v: ExcelJS.DataValidation): void;
} {
  return (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
}

/** Quotes a list for a validation formula: `"a,b,c"`. */
function listFormula(list: readonly string[]): string {
  return `"${list.join(",")}"`;
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  tableName: string,
  layouts: readonly ColumnLayout[],
  rows: SheetRows
): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1, activeCell: "A2" }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${name} — стр. &P из &N` },
  });
  ws.pageSetup.printTitlesRow = "1:1";
  const data = rows.length > 0 ? rows : [{}];
  ws.addTable({
    name: tableName,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: layouts.map((l) => ({ name: l.header, filterButton: true })),
    rows: data.map((r) => layouts.map((l) => toValue(r[l.header]))),
  });
  const lastRow = data.length + 1 + SPARE_ROWS;
  layouts.forEach((l, i) => {
    const col = ws.getColumn(i + 1);
    col.width = l.width;
    const letter = columnLetters(i + 1);
    const numFmt = formatOf(l);
    if (numFmt) {
      col.numFmt = numFmt;
    }
    const alignment: Partial<ExcelJS.Alignment> = l.wrap
      ? { vertical: "top", wrapText: true }
      : l.kind === "date"
        ? { vertical: "top", horizontal: "center" }
        : { vertical: "top" };
    col.alignment = alignment;
    // Cells exceljs created for the table's rows keep the style they were made with: each gets
    // its column's format, and a date in a text column (the quarters in «Значение») a date format.
    data.forEach((row, k) => {
      const cell = ws.getCell(k + 2, i + 1);
      const v = row[l.header];
      cell.alignment = alignment;
      cell.numFmt =
        v !== null && typeof v === "object"
          ? l.withTime
            ? DATE_TIME_FORMAT
            : DATE_FORMAT
          : (numFmt ?? "General");
    });
    if (l.list) {
      validations(ws).add(`${letter}2:${letter}${lastRow}`, {
        type: "list",
        allowBlank: true,
        formulae: [listFormula(l.list)],
        showErrorMessage: true,
        errorStyle: l.strictList ? "stop" : "warning",
        errorTitle: "ВШУ",
        error: `Выберите значение из списка: ${l.list.join(", ")}`,
        ...(l.hint ? { showInputMessage: true, promptTitle: l.header, prompt: l.hint } : {}),
      });
    } else if (l.kind === "date") {
      validations(ws).add(`${letter}2:${letter}${lastRow}`, {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "ВШУ",
        error: "Введите дату в виде ДД.ММ.ГГГГ, например 05.09.2026",
      });
    } else if (l.hint) {
      validations(ws).add(`${letter}2:${letter}${lastRow}`, {
        type: "custom",
        allowBlank: true,
        formulae: ["TRUE"],
        showInputMessage: true,
        promptTitle: l.header,
        prompt: l.hint,
      });
    }
  });
  const header = ws.getRow(1);
  header.font = { bold: true, name: "Calibri", size: 11 };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = Math.max(
    heightOfLines(2),
    rowHeight(
      layouts.map((l) => l.header),
      layouts.map((l) => ({ ...l, width: l.width - 1, wrap: true }))
    ) ?? 0
  );
  data.forEach((r, i) => {
    const height = rowHeight(
      layouts.map((l) => {
        const v = r[l.header];
        return typeof v === "string" ? v : null;
      }),
      layouts
    );
    if (height !== undefined) {
      ws.getRow(i + 2).height = height;
    }
  });
}

/** The number format of a column's cells (none: General). */
function formatOf(l: ColumnLayout): string | undefined {
  if (l.kind === "date") {
    return l.withTime ? DATE_TIME_FORMAT : DATE_FORMAT;
  }
  return l.kind === "text" ? "@" : undefined;
}

/**
 * A row's height: enough lines for its longest wrapped text (neither Excel nor LibreOffice
 * grows the rows of a file on opening, and a row too low cuts its text off).
 */
function rowHeight(
  texts: readonly (string | null)[],
  layouts: readonly ColumnLayout[]
): number | undefined {
  return rowHeightFor(
    texts,
    layouts.map((l) => (l.wrap ? l.width : null))
  );
}

/** The register workbook with every sheet of the contract, filled with `content`. */
export function buildRegisterWorkbook(content: RegisterContent): ExcelJS.Workbook {
  const wb = new (workbookClass())();
  wb.creator = "ВШУ";
  wb.title = "Книга учёта ВШУ";
  for (const key of SHEET_ORDER) {
    const layouts = SHEET_COLUMNS[key]
      .map(columnLayout)
      .map((l) => (key === "journal" && l.header === "Код" ? { ...l, width: 30, wrap: true } : l));
    const rows = content.sheets[key] ?? (key === "regulation" ? defaultRegulationRows() : []);
    addSheet(wb, SHEET[key], TABLE_NAME[key], layouts, rows);
  }
  addSheet(
    wb,
    CALENDAR_SHEET,
    "tblCalendar",
    CALENDAR_COLUMNS.map(columnLayout),
    content.calendar ?? []
  );
  return wb;
}

/**
 * The register as .xlsx bytes. exceljs stamps the workbook's properties and every zip entry
 * with the clock; the package is repacked with those left out, so the same content gives the
 * same bytes.
 */
export async function registerBytes(
  content: RegisterContent,
  properties: { readonly keywords?: string; readonly subject?: string } = {}
): Promise<Buffer> {
  const wb = buildRegisterWorkbook(content);
  if (properties.keywords !== undefined) {
    wb.keywords = properties.keywords;
  }
  if (properties.subject !== undefined) {
    wb.subject = properties.subject;
  }
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  const zip = ZipPackage.open(written);
  keepCarriageReturns(zip);
  const core = zip.text("docProps/core.xml");
  if (core !== null) {
    zip.write(
      "docProps/core.xml",
      core
        .replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, "")
        .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, "")
    );
  }
  return zip.toBuffer({ fixedTimes: true });
}
