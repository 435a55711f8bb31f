/**
 * Values written into cells, and the XML of one cell: text as a shared string (never a
 * formula, whatever it begins with), numbers, booleans, dates as serial numbers with a date
 * format, date and time for «Журнал».
 */
import { isoParts, isoToExcelSerial, type IsoDate } from "../../../core/dates/isoDate";
import { cellRef, columnLetters } from "./refs";
import type { SharedStrings } from "./sharedStrings";
import { DATE_FORMAT, DATE_TIME_FORMAT, type StylesEditor } from "./styles";
import { escapeText } from "./xml";

/** A calendar date and a time of day, local: `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`. */
export type LocalDateTime = string;

export type PatchValue =
  | string
  | number
  | boolean
  | null
  | { readonly date: IsoDate }
  | { readonly dateTime: LocalDateTime };

/** Text that a spreadsheet would take for a formula or a command when typed. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** The serial number Excel stores for a date (1900 system, or 1904 when the workbook uses it). */
export function dateSerial(date: IsoDate, date1904: boolean): number {
  return isoToExcelSerial(date) - (date1904 ? 1462 : 0);
}

/** The serial number of a local date and time. */
export function dateTimeSerial(value: LocalDateTime, date1904: boolean): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) {
    throw new Error(`not a local date and time: ${value}`);
  }
  isoParts(m[1] ?? "");
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return dateSerial(m[1] ?? "", date1904) + seconds / 86400;
}

/** Whether a value leaves the cell empty. */
export function isBlank(v: PatchValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v === "");
}

/** ` s="N"`, or nothing for the default format. */
function styleAttr(n: number | undefined): string {
  return n === undefined || n === 0 ? "" : ` s="${n}"`;
}

/** Writes cells of one workbook, deriving date and quote-prefix formats as needed. */
export class CellWriter {
  constructor(
    private readonly styles: StylesEditor,
    private readonly strings: SharedStrings,
    private readonly date1904: boolean,
    /** The sheet's prefix of the SpreadsheetML namespace ("" or e.g. "x:"). */
    private readonly p: string
  ) {}

  /**
   * One cell's XML. `style` is the format the cell takes (the cell above, the column's); a
   * date gets a date format derived from it when it shows no date.
   */
  cell(row: number, col: number, value: PatchValue | undefined, style: number | undefined): string {
    const open = `<${this.p}c r="${cellRef(row, col)}"`;
    if (value === null || value === undefined || value === "") {
      return style === undefined || style === 0 ? "" : `${open}${styleAttr(style)}/>`;
    }
    const close = `</${this.p}v></${this.p}c>`;
    if (typeof value === "string") {
      const st = looksLikeFormula(value)
        ? this.styles.derive(style ?? 0, { quotePrefix: true })
        : style;
      return `${open}${styleAttr(st)} t="s"><${this.p}v>${this.strings.add(value)}${close}`;
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) {
        throw new Error(`cell ${cellRef(row, col)}: not a finite number`);
      }
      return `${open}${styleAttr(style)}><${this.p}v>${value}${close}`;
    }
    if (typeof value === "boolean") {
      return `${open}${styleAttr(style)} t="b"><${this.p}v>${value ? 1 : 0}${close}`;
    }
    if ("date" in value) {
      const serial = dateSerial(value.date, this.date1904);
      return `${open}${styleAttr(this.dateStyle(style))}><${this.p}v>${serial}${close}`;
    }
    const base = style ?? 0;
    const st = /h/i.test(this.styles.formatCode(base))
      ? base
      : this.styles.derive(base, { numFmt: DATE_TIME_FORMAT });
    const serial = dateTimeSerial(value.dateTime, this.date1904);
    return `${open}${styleAttr(st)}><${this.p}v>${serial}${close}`;
  }

  /**
   * A writer of one column's cells for many rows: the same XML as `cell`, with the column's
   * letters, format attribute and date format worked out once (appending 10 000 rows writes
   * hundreds of thousands of cells).
   */
  column(
    col: number,
    style: number | undefined
  ): (row: number, value: PatchValue | undefined) => string {
    const p = this.p;
    const open = `<${p}c r="${columnLetters(col)}`;
    const s = styleAttr(style);
    const close = `</${p}v></${p}c>`;
    let dateS: string | null = null;
    const serials = new Map<string, number>();
    return (row, value) => {
      if (value === null || value === undefined || value === "") {
        return s === "" ? "" : `${open}${row}"${s}/>`;
      }
      if (typeof value === "string") {
        if (looksLikeFormula(value)) {
          return this.cell(row, col, value, style);
        }
        return `${open}${row}"${s} t="s"><${p}v>${this.strings.add(value)}${close}`;
      }
      if (typeof value === "number" && Number.isFinite(value)) {
        return `${open}${row}"${s}><${p}v>${value}${close}`;
      }
      if (typeof value === "object" && "date" in value) {
        dateS ??= styleAttr(this.dateStyle(style));
        let serial = serials.get(value.date);
        if (serial === undefined) {
          serial = dateSerial(value.date, this.date1904);
          serials.set(value.date, serial);
        }
        return `${open}${row}"${dateS}><${p}v>${serial}${close}`;
      }
      return this.cell(row, col, value, style);
    };
  }

  /** A formula cell without a stored value (Excel and LibreOffice compute it on opening). */
  formula(row: number, col: number, formula: string, style: number | undefined): string {
    const s = style === undefined || style === 0 ? "" : ` s="${style}"`;
    const p = this.p;
    return `<${p}c r="${cellRef(row, col)}"${s}><${p}f>${escapeText(formula)}</${p}f></${p}c>`;
  }

  private readonly dateStyles = new Map<number, number>();

  /** `style` when it shows a date, else a format like it that does (dd.mm.yyyy). */
  dateStyle(style: number | undefined): number {
    const base = style ?? 0;
    let d = this.dateStyles.get(base);
    if (d === undefined) {
      d = this.styles.isDate(base) ? base : this.styles.derive(base, { numFmt: DATE_FORMAT });
      this.dateStyles.set(base, d);
    }
    return d;
  }
}
