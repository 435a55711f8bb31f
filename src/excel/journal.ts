/**
 * «Журнал» (workbook.md, contract version 2): every write of the add-in appends, in the same
 * batch, one row per sheet it changed — Когда (the computer's date and time, a date cell shown
 * ДД.ММ.ГГГГ ЧЧ:ММ), Кто («надстройка»), Действие, Лист, Строки («12» or «12–14»), Код (the
 * episode codes only: never a name). The rows of an append are known for sure only after the
 * sync; when they differ from the snapshot's guess, «Строки» is corrected (see session.ts).
 */
import { isoToExcelSerial, makeIsoDate } from "../core/dates/isoDate";
import { JOURNAL_ADDIN, SHEET, type SheetKey } from "../core/register/schema";
import type { AppendTicket, RowRecord } from "./rows";
import { textCell, type OutCell } from "./textSafe";

/** Number format of «Когда»: date and time (format codes are en-US). */
export const DATE_TIME_FORMAT = "dd.mm.yyyy hh:mm";

/** What one write did to one sheet, for its «Журнал» row. */
export interface JournalDraft {
  readonly action: string;
  readonly sheet: SheetKey | string;
  /** Rows rewritten in place (1-based), or the rows an append added (known after the sync). */
  readonly rows: readonly number[] | AppendTicket;
  /** Episode codes concerned (no names). */
  readonly codes: readonly string[];
}

/** The sheet's name for the journal: a contract key becomes its Russian name. */
function sheetName(sheet: SheetKey | string): string {
  return sheet in SHEET ? SHEET[sheet as SheetKey] : sheet;
}

/**
 * Row numbers as people read them: ascending, runs joined with an en dash.
 * @example rowsText([14, 12, 13, 20]) //=> "12–14, 20"
 */
export function rowsText(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].filter((r) => r > 0).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) {
      j++;
    }
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/** The rows of a draft: given, or the append's rows from its first row. */
export function draftRows(draft: JournalDraft, firstRow: (t: AppendTicket) => number): number[] {
  if (Array.isArray(draft.rows)) {
    return [...(draft.rows as readonly number[])];
  }
  const ticket = draft.rows as AppendTicket;
  const first = firstRow(ticket);
  return Array.from({ length: ticket.count }, (_, i) => first + i);
}

/** The Excel serial number (1900 system) of a local date and time. */
export function localDateTimeSerial(when: Date): number {
  const iso = makeIsoDate(when.getFullYear(), when.getMonth() + 1, when.getDate()) ?? "1900-01-01";
  const day = isoToExcelSerial(iso);
  const seconds = when.getHours() * 3600 + when.getMinutes() * 60 + when.getSeconds();
  return day + seconds / 86_400;
}

/** «Когда» as a date-time cell. */
export function whenCell(when: Date): OutCell {
  return { value: localDateTimeSerial(when), format: DATE_TIME_FORMAT, date: true };
}

/** The «Журнал» rows of drafts whose rows are as the snapshot expects. */
export function journalRecords(
  drafts: readonly JournalDraft[],
  when: Date,
  firstRow: (t: AppendTicket) => number = (t) => t.expected
): RowRecord[] {
  return drafts.map((d) => ({
    Когда: whenCell(when),
    Кто: textCell(JOURNAL_ADDIN),
    Действие: textCell(d.action),
    Лист: textCell(sheetName(d.sheet)),
    Строки: textCell(rowsText(draftRows(d, firstRow))),
    Код: textCell([...new Set(d.codes.filter((c) => c !== ""))].join(", ")),
  }));
}
