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
import { requireFile } from "../files";
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

/** Reads and checks a register workbook; throws UserError listing every issue. */
export async function readRegister(file: string): Promise<Register> {
  await requireFile(file);
  let tables;
  try {
    tables = await readWorkbookTables(file, expectedHeaders);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file}: не удалось прочитать книгу Excel (.xlsx): ${reason}`);
  }
  const { register, issues } = parseRegister(tables);
  if (issues.length > 0) {
    throw new UserError(formatIssues(file, issues));
  }
  return register;
}
