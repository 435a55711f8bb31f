/**
 * CSV import in the add-in (issue 10): the plan from the file's bytes against the register as it
 * is now (src/csv/parseCsv.ts `prepareImport`, the import core), then the rows appended to the
 * sheet's table in batches — at most 2 000 rows and about 4 MB per `context.sync`, so no request
 * comes near Excel's 5 MB — with `null` in every column the file does not fill (the user's
 * formula columns keep their formulas), text formatted as text before its value, dates as date
 * cells in the workbook's date system, and the «Журнал» row in the last batch.
 *
 * All or nothing: when a batch fails (or lands in cells the user filled meanwhile), every row the
 * import added — by the earlier batches and whatever of the failing one Excel applied — is
 * deleted again, so the table is as it was, and the Russian message says so.
 */
import type { ImportPlan, ImportRow } from "../core/import/plan";
import type { ImportValue } from "../core/import/columns";
import type { SheetKey } from "../core/register/schema";
import { prepareImport } from "../csv/parseCsv";
import { blockAddress, parseRangeAddress } from "./address";
import type { TableLayout, UpgradeResult } from "./gateway";
import { journalRecords, type JournalDraft } from "./journal";
import {
  appendedRow,
  overwroteUserCells,
  queueAppend,
  queueUnappend,
  type AppendTicket,
  type RowRecord,
} from "./rows";
import { layoutOf, needLayout, type GatewaySession } from "./session";
import { dateCell, numberCell, textCell, type OutCell } from "./textSafe";
import { writable } from "./upgrade";

/** At most this many rows per `context.sync` (issue 10). */
export const IMPORT_BATCH_ROWS = 2000;
/** A batch closes before its request estimate passes this (Excel's limit is 5 MB). */
export const IMPORT_BATCH_BYTES = 4 * 1024 * 1024;

/** Sheets whose «Код» is an episode code (the journal names them; never a person). */
const EPISODE_CODE_SHEETS: ReadonlySet<SheetKey> = new Set([
  "cases",
  "actions",
  "assistance",
  "activities",
  "signals",
]);

export interface ImportWriteOptions {
  /** Duplicates of the plan: added anyway (the user ticked it) or left out. */
  readonly duplicates: "add" | "skip";
  /** Batch limits (tests); default 2 000 rows and 4 MB. */
  readonly batchRows?: number;
  readonly batchBytes?: number;
}

export interface ImportWriteResult {
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  /** Rows added. */
  readonly rows: number;
  /** Duplicates left out. */
  readonly skipped: number;
  /** 1-based sheet rows of the first and last row added (0 when none). */
  readonly first: number;
  readonly last: number;
  /** Batches (one `context.sync` each). */
  readonly batches: number;
  /** A version-1 register is brought to version 2 before the first write. */
  readonly upgraded: UpgradeResult | null;
}

/** «1 строка», «3 строки», «12 строк». */
export function rowsWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? "строка"
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? "строки"
        : "строк";
  // Thousands apart with a space, as Russian writes them (10 000).
  return `${String(n).replace(/\B(?=(\d{3})+$)/g, " ")} ${word}`;
}

/** One imported value as the cell the adapter writes (text as text: never a formula). */
export function importCell(value: ImportValue): OutCell | null {
  if (value === null) {
    return null;
  }
  if (typeof value === "number") {
    return numberCell(value);
  }
  if (typeof value === "string") {
    return textCell(value);
  }
  return dateCell(value.date);
}

/** An imported row as a record by table column; columns without a value are left out (`null`). */
export function importRecord(row: ImportRow): RowRecord {
  const out: Record<string, OutCell> = {};
  for (const [column, value] of Object.entries(row.values)) {
    const cell = importCell(value);
    if (cell !== null) {
      out[column] = cell;
    }
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * Splits records into batches of at most `maxRows` rows and about `maxBytes` of request: each
 * row's values and number formats as JSON, as Office.js sends them, plus the `null`s of a row
 * `width` columns wide three times over (the blank row added, its formats, its values).
 */
export function importBatches<T extends RowRecord>(
  records: readonly T[],
  maxRows = IMPORT_BATCH_ROWS,
  maxBytes = IMPORT_BATCH_BYTES,
  width = 0
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const r of records) {
    const size =
      encoder.encode(JSON.stringify(Object.values(r).map((c) => [c.value, c.format]))).length +
      16 +
      width * 3 * 5;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) {
    batches.push(current);
  }
  return batches;
}

/** «В-001, В-002» — or, for many, the first and the last with the count (a cell holds 32 767). */
function codesText(codes: readonly string[]): string[] {
  const unique = [...new Set(codes.filter((c) => c !== ""))];
  if (unique.length <= 50) {
    return unique;
  }
  return [`${unique[0]}, …, ${unique[unique.length - 1]} (всего ${unique.length})`];
}

/**
 * The import plan of a file for a sheet, against the register read now (so that duplicates and
 * codes are checked against what the workbook holds): the register's read, nothing written.
 */
export async function planFileImport(
  s: GatewaySession,
  input: { readonly bytes: Uint8Array; readonly sheet: string }
): Promise<ImportPlan> {
  await s.readRegister();
  const sheets = s.lastSheets;
  if (sheets === null) {
    throw new Error("Книга учёта не прочитана. Обновите данные в панели и повторите.");
  }
  return prepareImport({ bytes: input.bytes, sheet: input.sheet, register: sheets });
}

/** The layout after rows landed: the next batch goes below them. */
function grown(layout: TableLayout, ticket: AppendTicket): TableLayout {
  const last = appendedRow(ticket) + ticket.count - 1;
  return { ...layout, bodyRows: last - (layout.headerRow + 1), onlyBlankRow: false };
}

/**
 * Appends the plan's rows (all or none) with the «Журнал» row. Refuses a plan with errors.
 * @throws Error with a Russian message; the tables are then as they were
 */
export async function writeImport(
  s: GatewaySession,
  plan: ImportPlan,
  opts: ImportWriteOptions
): Promise<ImportWriteResult> {
  if (plan.errors.length > 0 || plan.sheetKey === null) {
    throw new Error(
      `В файле ошибки (${plan.errors.length}): исправьте их в файле и выберите его снова. Ничего не записано.`
    );
  }
  const key = plan.sheetKey;
  const rows = plan.rows.filter(
    (r) => opts.duplicates === "add" || !plan.duplicates.some((d) => d.row === r.row)
  );
  const skipped = plan.rows.length - rows.length;
  const { read, upgraded } = await writable(s);
  const target = needLayout(read, key);
  if (rows.length === 0) {
    return {
      sheet: target.sheet,
      rows: 0,
      skipped,
      first: 0,
      last: 0,
      batches: 0,
      upgraded,
    };
  }
  const journal = layoutOf(read, "journal");
  const caps = await s.capabilities();
  const when = s.now();
  const records = rows.map(importRecord);
  const batches = importBatches(records, opts.batchRows, opts.batchBytes, target.headers.length);
  const codes = EPISODE_CODE_SHEETS.has(key)
    ? rows.map((r) => r.values["Код"]).filter((c): c is string => typeof c === "string")
    : [];
  const result = await s.run(async (context) => {
    const table = target.table;
    let layout = target;
    // Where the import's rows begin in the table (0-based body index), known for sure after
    // the first batch; the rollback deletes from there.
    let startIndex = target.onlyBlankRow ? 0 : target.bodyRows;
    let firstRow = 0;
    // Batches that landed, and the one in flight (Excel may have applied part of it).
    const landed: AppendTicket[] = [];
    let inFlight: AppendTicket | null = null;
    let journalQueued = false;
    const undo = async (): Promise<void> => {
      const blankRow = landed[0]?.direct ?? null;
      if (table !== null && blankRow !== null) {
        // The first row went into the new table's empty row: it gets back what it held (the
        // user may have typed there meanwhile), the rows after it go.
        const restore = context.workbook.worksheets
          .getItem(blankRow.sheet)
          .getRange(blankRow.address);
        restore.numberFormat = blankRow.before.numberFormat;
        restore.formulas = blankRow.before.formulas;
        await deleteFrom(context, table, target.sheet, startIndex + 1);
      } else if (table !== null) {
        await deleteFrom(context, table, target.sheet, startIndex);
      } else {
        // A sheet without an Excel table: the cells written below its rows get back what they
        // held (landed batches), or are cleared (the batch in flight wrote into empty rows).
        for (const t of [...landed].reverse()) {
          queueUnappend(context, t);
        }
        const lost = inFlight?.direct ?? null;
        if (lost !== null) {
          context.workbook.worksheets.getItem(lost.sheet).getRange(lost.address).clear();
        }
        await context.sync();
      }
      if (journalQueued && journal !== null && journal.table !== null) {
        await deleteFrom(
          context,
          journal.table,
          journal.sheet,
          journal.onlyBlankRow ? 0 : journal.bodyRows
        );
      }
    };
    const rollback = async (cause: unknown): Promise<never> => {
      s.last = null;
      try {
        await undo();
      } catch (e) {
        throw new Error(
          `Загрузка прервалась (${reason(cause)}), и добавленные строки не удалось убрать (${reason(e)}): удалите на листе «${target.sheet}» строки начиная с ${target.headerRow + 2 + startIndex} вручную.`
        );
      }
      throw new Error(
        `Загрузка прервалась: ${reason(cause)}. Добавленные строки удалены, лист «${target.sheet}» такой же, как до загрузки. Повторите загрузку.`
      );
    };
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b] as RowRecord[];
      let ticket: AppendTicket;
      let journalTicket: AppendTicket | null = null;
      try {
        ticket = queueAppend(context, layout, batch, caps);
        inFlight = ticket;
        if (b === batches.length - 1 && journal !== null) {
          const first = b === 0 ? ticket.expected : firstRow;
          const draft: JournalDraft = {
            action: `импорт из файла CSV: ${rowsWord(rows.length)}`,
            sheet: key,
            rows: Array.from({ length: rows.length }, (_, i) => first + i),
            codes: codesText(codes),
          };
          journalTicket = queueAppend(context, journal, journalRecords([draft], when), caps);
          journalQueued = true;
        }
        // One sync per batch of at most 2 000 rows (issue 10): one request for 10 000 rows
        // would pass Excel's 5 MB.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        return rollback(e);
      }
      inFlight = null;
      landed.push(ticket);
      if (overwroteUserCells(ticket)) {
        return rollback(
          new Error("в пустую строку таблицы тем временем что-то ввели; введённое сохранено")
        );
      }
      if (b === 0) {
        firstRow = appendedRow(ticket);
        startIndex = firstRow - (target.headerRow + 2);
        if (journalTicket !== null && firstRow !== ticket.expected) {
          // Rows typed by hand meanwhile moved ours: the journal says where they are.
          await fixRows(context, journalTicket, firstRow, rows.length);
        }
      }
      layout = grown(layout, ticket);
    }
    return { first: firstRow, last: firstRow + rows.length - 1 };
  });
  s.last = null;
  return {
    sheet: target.sheet,
    rows: rows.length,
    skipped,
    first: result.first,
    last: result.last,
    batches: batches.length,
    upgraded,
  };
}

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/[.\s]+$/, "");
}

/**
 * Deletes the table's body rows from `start` to its end in one call: the rows' cells across the
 * table deleted with the cells below moved up (`Range.delete("Up")`, ExcelApi 1.1), which takes
 * them out of the table. 2 syncs: the body's address, the deletion.
 */
async function deleteFrom(
  context: Excel.RequestContext,
  tableName: string,
  sheet: string,
  start: number
): Promise<void> {
  const body = context.workbook.tables.getItem(tableName).getDataBodyRange();
  body.load("address, rowCount");
  await context.sync();
  const found = parseRangeAddress(body.address);
  if (found === null || body.rowCount <= start) {
    return;
  }
  const { top, left, right } = found.block;
  context.workbook.worksheets
    .getItem(sheet)
    .getRange(blockAddress({ top: top + start, bottom: top + body.rowCount - 1, left, right }))
    .delete("Up");
  await context.sync();
}

/** Rewrites «Строки» of the journal row when the import's rows landed below the expected row. */
async function fixRows(
  context: Excel.RequestContext,
  journalTicket: AppendTicket,
  first: number,
  count: number
): Promise<void> {
  const layout = journalTicket.layout;
  const column = layout.headers.findIndex((h) => h === "Строки");
  if (column < 0) {
    return;
  }
  const row = appendedRow(journalTicket);
  const ws = context.workbook.worksheets.getItem(layout.sheet);
  const cell = ws.getRange(
    blockAddress({
      top: row - 1,
      bottom: row - 1,
      left: layout.left + column,
      right: layout.left + column,
    })
  );
  cell.numberFormat = [["@"]];
  cell.values = [[count === 1 ? `${first}` : `${first}–${first + count - 1}`]];
  await context.sync();
}
