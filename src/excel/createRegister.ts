/**
 * «Создать книгу учёта»: lays out every sheet of the contract as `vshu init` does
 * (src/cli/xlsx/writeRegister.ts, from src/core/register/layout.ts and defaults.ts): one table
 * per sheet with its header row, dates shown ДД.ММ.ГГГГ, text columns formatted as text,
 * list validation, widths, frozen header, A4 landscape — each as far as the host allows.
 *
 * It never overwrites what the user typed: a sheet whose table exists is kept; an existing
 * sheet with other content is skipped and reported; only missing or empty sheets are laid out.
 * Syncs: names (1), contents of the existing sheets (1), the layout (1).
 */
import { isoToExcelSerial } from "../core/dates/isoDate";
import { defaultSettings, parseSchoolYear, schoolYearOf } from "../core/register/defaults";
import { columnLayout, type ColumnLayout } from "../core/register/layout";
import { SHEET, SHEET_ORDER } from "../core/register/schema";
import type { IsoDate } from "../core/dates/isoDate";
import {
  LIMIT_DATA_VALIDATION,
  LIMIT_FORMATTING,
  LIMIT_FREEZE,
  LIMIT_PAGE_LAYOUT,
} from "./capabilities";
import { blockAddress, columnLetters, parseRangeAddress, quoteSheet } from "./address";
import type { CreateRegisterResult, HostCapabilities, LayoutKey } from "./gateway";
import { columnsOf, findName, loadNames, sheetNameOf, tableNameOf } from "./tables";
import { DATE_FORMAT, GENERAL_FORMAT, TEXT_FORMAT } from "./textSafe";

/** Rows below the data that get formats and validation for typing by hand (as `vshu init`). */
export const SPARE_ROWS = 500;

const KEYS: readonly LayoutKey[] = [...SHEET_ORDER, "calendar"];

/** Excel column width in points for a width in characters (7 px a character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

type Value = string | number;

/** The settings rows of a new register: values and their formats. */
function settingsRows(opts: {
  school: string;
  district: string;
  schoolYear: string;
  today: IsoDate;
}): {
  values: Value[][];
  formats: string[][];
} {
  const year = parseSchoolYear(opts.schoolYear) ?? parseSchoolYear(schoolYearOf(opts.today));
  const startYear = year?.start ?? Number(opts.today.slice(0, 4));
  const values: Value[][] = [];
  const formats: string[][] = [];
  for (const [param, v] of defaultSettings({
    school: opts.school,
    district: opts.district,
    startYear,
  })) {
    if (v !== null && typeof v === "object") {
      values.push([param, isoToExcelSerial(v.date)]);
      formats.push([TEXT_FORMAT, DATE_FORMAT]);
    } else if (typeof v === "number") {
      values.push([param, v]);
      formats.push([TEXT_FORMAT, GENERAL_FORMAT]);
    } else {
      values.push([param, v ?? ""]);
      formats.push([TEXT_FORMAT, TEXT_FORMAT]);
    }
  }
  return { values, formats };
}

/** Queues the layout of one sheet (the sheet exists or is added in the same batch). */
function queueSheet(
  ws: Excel.Worksheet,
  sheetName: string,
  key: LayoutKey,
  body: { values: Value[][]; formats: string[][] } | null,
  caps: HostCapabilities
): void {
  const layouts: ColumnLayout[] = columnsOf(key).map(columnLayout);
  const width = layouts.length;
  const dataRows = body ? body.values.length : 0;
  const lastRow = 1 + Math.max(dataRows, 1) + SPARE_ROWS;
  // Formats of each column down to the spare rows, before any value is written.
  layouts.forEach((l, i) => {
    const format =
      l.kind === "date" ? DATE_FORMAT : l.kind === "text" ? TEXT_FORMAT : GENERAL_FORMAT;
    if (format !== GENERAL_FORMAT) {
      const column = ws.getRange(blockAddress({ top: 1, bottom: lastRow - 1, left: i, right: i }));
      column.numberFormat = Array.from({ length: lastRow - 1 }, () => [format]);
    }
  });
  const header = ws.getRange(blockAddress({ top: 0, bottom: 0, left: 0, right: width - 1 }));
  header.numberFormat = [layouts.map(() => TEXT_FORMAT)];
  header.values = [layouts.map((l) => l.header)];
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.verticalAlignment = "Center";
  if (body && dataRows > 0) {
    const data = ws.getRange(blockAddress({ top: 1, bottom: dataRows, left: 0, right: width - 1 }));
    data.numberFormat = body.formats;
    data.values = body.values;
  }
  const table = ws.tables.add(
    `${quoteSheet(sheetName)}!${blockAddress({ top: 0, bottom: dataRows, left: 0, right: width - 1 })}`,
    true
  );
  table.name = tableNameOf(key);
  table.style = "TableStyleMedium2";
  if (caps.formatting) {
    layouts.forEach((l, i) => {
      ws.getRange(`${columnLetters(i)}1`).format.columnWidth = widthPoints(l.width);
    });
    header.format.rowHeight = 32;
  }
  if (caps.dataValidation) {
    layouts.forEach((l, i) => {
      const column = ws.getRange(blockAddress({ top: 1, bottom: lastRow - 1, left: i, right: i }));
      if (l.list) {
        column.dataValidation.rule = { list: { inCellDropDown: true, source: l.list.join(",") } };
        column.dataValidation.errorAlert = {
          showAlert: true,
          style: l.strictList ? "Stop" : "Warning",
          title: "ВШУ",
          message: `Выберите значение из списка: ${l.list.join(", ")}`,
        };
      } else if (l.kind === "date") {
        column.dataValidation.rule = {
          date: { formula1: "1990-01-01", formula2: "2100-12-31", operator: "Between" },
        };
        column.dataValidation.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: "ВШУ",
          message: "Введите дату в виде ДД.ММ.ГГГГ, например 05.09.2026",
        };
      }
      if (l.hint) {
        column.dataValidation.prompt = { showPrompt: true, title: l.header, message: l.hint };
      }
    });
  }
  if (caps.freezePanes) {
    ws.freezePanes.freezeRows(1);
  }
  if (caps.pageLayout) {
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows("$1:$1");
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Стр. &P из &N";
  }
}

/**
 * Lays out the register in the workbook `context` belongs to.
 * @returns what was created, kept and skipped (with the reason), and the host's limits
 */
export async function createRegisterIn(
  context: Excel.RequestContext,
  opts: { school: string; district: string; schoolYear: string; today: IsoDate },
  caps: HostCapabilities
): Promise<CreateRegisterResult> {
  const names = await loadNames(context);
  const kept: string[] = [];
  const skipped: { sheet: string; reason: string }[] = [];
  const toCreate: LayoutKey[] = [];
  const toCheck: { key: LayoutKey; sheet: string; used: Excel.Range; a1: Excel.Range }[] = [];
  for (const key of KEYS) {
    const sheetName = sheetNameOf(key);
    const existingSheet = findName(names.sheets, sheetName);
    if (findName(names.tables, tableNameOf(key)) !== null) {
      kept.push(existingSheet ?? sheetName);
    } else if (existingSheet === null) {
      toCreate.push(key);
    } else {
      const ws = context.workbook.worksheets.getItem(existingSheet);
      const used = ws.getUsedRange();
      used.load("address");
      const a1 = ws.getRange("A1");
      a1.load("formulas");
      toCheck.push({ key, sheet: existingSheet, used, a1 });
    }
  }
  if (toCheck.length > 0) {
    await context.sync();
  }
  const reuse = new Map<LayoutKey, string>();
  for (const c of toCheck) {
    const block = parseRangeAddress(c.used.address)?.block;
    const single = block !== undefined && block.top === block.bottom && block.left === block.right;
    const empty =
      single && block?.top === 0 && block.left === 0 && String(c.a1.formulas[0]?.[0] ?? "") === "";
    if (empty) {
      reuse.set(c.key, c.sheet);
    } else {
      skipped.push({
        sheet: c.sheet,
        reason: `лист «${c.sheet}» уже есть и заполнен (${c.used.address.split("!")[1] ?? c.used.address}); таблица «${tableNameOf(c.key)}» не создана, чтобы не затереть данные. Переименуйте лист или оформите его данные таблицей с этим именем.`,
      });
    }
  }
  const created: string[] = [];
  const settings = settingsRows(opts);
  for (const key of [...toCreate, ...reuse.keys()]) {
    const sheetName = reuse.get(key) ?? sheetNameOf(key);
    const ws = reuse.has(key)
      ? context.workbook.worksheets.getItem(sheetName)
      : context.workbook.worksheets.add(sheetName);
    queueSheet(ws, sheetName, key, key === "settings" ? settings : null, caps);
    created.push(sheetName);
  }
  if (created.length > 0) {
    const first = created.includes(SHEET.cases) ? SHEET.cases : (created[0] as string);
    context.workbook.worksheets.getItem(first).activate();
    await context.sync();
  }
  const layoutLimits = [LIMIT_FORMATTING, LIMIT_FREEZE, LIMIT_DATA_VALIDATION, LIMIT_PAGE_LAYOUT];
  const limits = caps.limits.filter((l) => layoutLimits.includes(l));
  return { created, kept, skipped, limits };
}
