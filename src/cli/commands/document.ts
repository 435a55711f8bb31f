/**
 * `vshu document BOOK.xlsx --case CODE --kind KIND [--quarter I..IV] [--row N] [--on DATE]
 * --out FILE.xlsx|FILE.docx [--force]`: one document of a case (shared/spec/documents.md), as a
 * print-ready worksheet or a Word file (the format follows the extension).
 */
import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { createProductionCalendar } from "../../core/calendar/productionCalendar";
import { computeDeadlines } from "../../core/deadlines";
import type { IsoDate } from "../../core/dates/isoDate";
import {
  buildDocument,
  documentSheet,
  documentSheetName,
  DOCUMENT_KINDS,
  DOCUMENT_NAMES,
  prepareDocument,
  type DocumentKind,
  type DocumentModel,
} from "../../core/documents";
import type { Register } from "../../core/register/model";
import { QUARTERS, type Quarter } from "../../core/register/schema";
import { UserError } from "../errors";
import { prepareOutput, writeOutput, type PreparedOutput } from "../outputs";
import { readRegister } from "../xlsx/readRegister";

export interface DocumentOptions {
  readonly book: string;
  readonly kind: string;
  readonly caseCode?: string | undefined;
  readonly quarter?: string | undefined;
  readonly row?: string | undefined;
  readonly on: IsoDate;
  readonly out: string;
  readonly force?: boolean | undefined;
}

/** `--kind`: one of the eight kinds. */
export function kindOption(text: string): DocumentKind {
  const k = text.trim().toLowerCase();
  const found = DOCUMENT_KINDS.find((x) => x === k);
  if (!found) {
    throw new UserError(
      `--kind ${text}: неизвестный вид документа; допустимы: ${DOCUMENT_KINDS.map(
        (x) => `${x} (${DOCUMENT_NAMES[x]})`
      ).join(", ")}`
    );
  }
  return found;
}

/** `--quarter`: I, II, III, IV (Latin or Cyrillic look-alikes, any case) or 1–4. */
export function quarterOption(text: string): Quarter {
  const t = text.trim().toUpperCase().replace(/І/g, "I").replace(/У/g, "V");
  const byNumber = ["1", "2", "3", "4"].indexOf(t);
  const q = byNumber >= 0 ? QUARTERS[byNumber] : QUARTERS.find((x) => x === t);
  if (!q) {
    throw new UserError(`--quarter ${text}: укажите четверть: I, II, III или IV`);
  }
  return q;
}

/** `--row`: a sheet row number (2 or more: row 1 is the header). */
function rowOption(text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 2) {
    throw new UserError(`--row ${text}: укажите номер строки листа «Сигналы» (целое число от 2)`);
  }
  return n;
}

export type DocumentFormat = "xlsx" | "docx";

/** The format from the output's extension. */
export function formatOf(out: string): DocumentFormat {
  const ext = extname(out).toLowerCase();
  if (ext === ".xlsx" || ext === ".docx") {
    return ext.slice(1) as DocumentFormat;
  }
  throw new UserError(
    `--out ${out}: документ записывается в .xlsx (лист Excel) или .docx (Word); укажите файл с одним из этих расширений`
  );
}

/** Writes a model to a file in the format of its extension (through a temporary file). */
export async function writeDocumentFile(
  model: DocumentModel,
  out: PreparedOutput,
  made: IsoDate
): Promise<void> {
  if (formatOf(out.path) === "docx") {
    // Each writer is loaded only for its format (the docx package, exceljs's workbook).
    const { docxBuffer } = await import("../documents/writeDocx");
    const bytes = await docxBuffer(model);
    await writeOutput(out, (tmp) => writeFile(tmp, bytes));
    return;
  }
  const { buildDocumentWorkbook } = await import("../documents/writeXlsx");
  const { keepCarriageReturnsIn } = await import("../xlsx/carriageReturns");
  const wb = buildDocumentWorkbook(documentSheet(model), {
    sheetName: documentSheetName(model),
    title: `${model.name}: ${model.subject}`,
    made,
  });
  // Stored, not deflated, like the report: a few milliseconds of a run a person waits for.
  const written = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as never);
  const bytes = keepCarriageReturnsIn(Buffer.from(written as ArrayBuffer));
  await writeOutput(out, (tmp) => writeFile(tmp, bytes));
}

/** The document a request asks for, from a register already read; throws UserError with the reason. */
export function makeDocument(
  register: Register,
  book: string,
  req: {
    kind: DocumentKind;
    caseCode?: string | undefined;
    quarter?: Quarter | undefined;
    row?: number | undefined;
    on: IsoDate;
    force?: boolean | undefined;
  }
): { model: DocumentModel; warnings: readonly string[]; notes: readonly string[] } {
  // Only the order and «Почему на учёте» print due dates.
  const deadlines =
    req.kind === "order" || req.kind === "why"
      ? computeDeadlines(register, req.on, createProductionCalendar(register.calendar))
      : [];
  const prepared = prepareDocument(
    register,
    {
      kind: req.kind,
      caseCode: req.caseCode,
      signalRow: req.row,
      quarter: req.quarter,
      made: req.on,
    },
    deadlines
  );
  if (!prepared.ok) {
    throw new UserError(`${book}: ${prepared.message}`);
  }
  if (prepared.warnings.length > 0 && !req.force) {
    throw new UserError(
      [
        ...prepared.warnings.map((w) => `${book}: ${w}.`),
        "Документ не составлен. Если он всё же нужен, повторите команду с ключом --force.",
      ].join("\n")
    );
  }
  const model = buildDocument(req.kind, prepared.context, prepared.quarter);
  return { model, warnings: prepared.warnings, notes: prepared.notes };
}

export async function runDocument(opts: DocumentOptions): Promise<string> {
  const kind = kindOption(opts.kind);
  const quarter = opts.quarter === undefined ? undefined : quarterOption(opts.quarter);
  const row = opts.row === undefined ? undefined : rowOption(opts.row);
  formatOf(opts.out);
  // Checked before the slow work: never the register or another one; an existing file only with --force.
  const out = await prepareOutput(opts.out, {
    option: "--out",
    inputs: [opts.book],
    force: opts.force === true,
  });
  const register = await readRegister(opts.book);
  const { model, warnings, notes } = makeDocument(register, opts.book, {
    kind,
    caseCode: opts.caseCode,
    quarter,
    row,
    on: opts.on,
    force: opts.force,
  });
  await writeDocumentFile(model, out, opts.on);
  const whose = [model.caseCode, model.subject].filter((t) => t !== "").join(", ");
  return [
    ...warnings.map((w) => `Внимание (--force): ${w}.`),
    ...notes,
    `Документ «${model.name}» (${whose}) записан: ${opts.out}`,
  ].join("\n");
}
