/**
 * The register from a workbook file: read, parse, and refuse with every located issue.
 */
import type { Register, RegisterIssue } from "../../core/register/model";
import { parseRegister } from "../../core/register/parseRegister";
import {
  CALENDAR_COLUMNS,
  CALENDAR_SHEET,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
} from "../../core/register/schema";
import { matchKey } from "../../core/text";
import { UserError } from "../errors";
import { readWorkbookTables } from "./readWorkbook";

/** How many issues are printed at most; the rest are counted. */
const MAX_ISSUES = 50;

function expectedHeaders(sheetName: string): readonly string[] {
  const key = SHEET_ORDER.find((k) => matchKey(SHEET[k]) === matchKey(sheetName));
  if (key) {
    return SHEET_COLUMNS[key];
  }
  return matchKey(sheetName) === matchKey(CALENDAR_SHEET) ? CALENDAR_COLUMNS : [];
}

/** One issue as a line: file, sheet, row, column, message. */
export function formatIssue(file: string, issue: RegisterIssue): string {
  const where = [`лист «${issue.sheet}»`];
  if (issue.row > 0) {
    where.push(`строка ${issue.row}`);
  }
  if (issue.column !== "") {
    where.push(`столбец «${issue.column}»`);
  }
  return `${file}: ${where.join(", ")}: ${issue.message}`;
}

/** Formats a list of issues for the terminal, at most MAX_ISSUES lines. */
export function formatIssues(file: string, issues: readonly RegisterIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES).map((i) => formatIssue(file, i));
  if (issues.length > MAX_ISSUES) {
    lines.push(`… и ещё ${issues.length - MAX_ISSUES} ошибок`);
  }
  lines.push(`Ошибок в книге учёта: ${issues.length}. Исправьте их и запустите команду снова.`);
  return lines.join("\n");
}

/** Warnings as lines for standard error: file, sheet, row, column, then «предупреждение». */
export function formatWarnings(file: string, warnings: readonly RegisterIssue[]): string {
  return warnings.map((w) => `Предупреждение: ${formatIssue(file, w)}`).join("\n");
}

export interface ReadRegisterOptions {
  /** Where warnings go (default: standard error); the register is read either way. */
  readonly warn?: (text: string) => void;
}

/**
 * Reads and checks a register workbook; throws UserError listing every issue (a file that is
 * not a readable workbook says what it is instead). Warnings are told through `warn`.
 */
export async function readRegister(
  file: string,
  opts: ReadRegisterOptions = {}
): Promise<Register> {
  const tables = await readWorkbookTables(file, expectedHeaders);
  const { register, issues, warnings } = parseRegister(tables);
  if (issues.length > 0) {
    throw new UserError(formatIssues(file, issues));
  }
  if (warnings.length > 0) {
    const warn = opts.warn ?? ((text: string) => process.stderr.write(`${text}\n`));
    warn(formatWarnings(file, warnings));
  }
  return register;
}
