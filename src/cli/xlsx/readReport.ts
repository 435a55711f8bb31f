/**
 * Reads a report workbook as `vshu report` writes it and checks that it is one: exactly the
 * sheets «Отчёт» and «Данные», no other content (comments, pictures, embedded files, pivot
 * caches, links, macros), «Данные» holding the report's keys with counts, and — before sending
 * — «Отчёт» holding only the texts of the form and numbers. A register, or any workbook with a
 * sheet of the register, is refused: it holds personal data.
 *
 * The parts are read through the zip's central directory and checked by the core
 * (src/core/report/reportPackage.ts, which the add-in runs on the files it reads too) with its
 * small XML reader (sheetXml.ts): a report is two small sheets, and 200 of them are read in
 * well under a second this way.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ReportMeta } from "../../core/report/flatten";
import {
  checkReportPackage,
  partKey,
  ReportPackageError,
  type ReportParts,
} from "../../core/report/reportPackage";
import type { ReportJson } from "../../core/report/types";
import { UserError } from "../errors";
import { ZipPackage } from "./patch/zip";

export { DATA_SHEET, REPORT_SHEET } from "../../core/report/reportPackage";

/** A report workbook read and checked. */
export interface ReportFile {
  readonly file: string;
  readonly bytes: Buffer;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly report: ReportJson;
  readonly meta: ReportMeta;
}

/** Why a file is not a report that may be sent or consolidated. */
export type ReportFileProblem = "missing" | "notXlsx" | "register" | "foreign" | "content" | "data";

export class ReportFileError extends UserError {
  constructor(
    message: string,
    readonly problem: ReportFileProblem
  ) {
    super(message);
    this.name = "ReportFileError";
  }
}

const HOW_TO_BUILD =
  "постройте отчёт командой «vshu report КНИГА.xlsx --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД --out ОТЧЁТ.xlsx» (или «vshu monthly КНИГА.xlsx»)";

/** A part's bytes, read when asked for. */
type Parts = Map<string, () => Buffer | Promise<Buffer>>;

/** The parts as the core's check reads them: UTF-8 text. */
function asText(parts: Parts): ReportParts {
  const out = new Map<string, () => Promise<string>>();
  for (const [name, read] of parts) {
    out.set(name, async () => (await read()).toString("utf8"));
  }
  return out;
}

/** The package's central directory (the register writer's zip reader), or null when it refuses it. */
function openZip(bytes: Buffer): ZipPackage | null {
  try {
    return ZipPackage.open(bytes);
  } catch {
    return null;
  }
}

/** The file's parts by lower-case name: the package reader, else unzipper. */
async function openParts(file: string, bytes: Buffer): Promise<Parts> {
  const parts: Parts = new Map();
  try {
    const zip = openZip(bytes);
    if (zip !== null) {
      for (const name of zip.names()) {
        parts.set(partKey(name), () => zip.read(name) ?? Buffer.alloc(0));
      }
      return parts;
    }
    // The general reader only for what the package reader refuses: it is slow to load and to run.
    const { default: unzipper } = await import("unzipper");
    const directory = await unzipper.Open.buffer(bytes);
    for (const f of directory.files) {
      if (f.type === "File") {
        parts.set(partKey(f.path), () => f.buffer());
      }
    }
    return parts;
  } catch {
    throw new ReportFileError(
      `${file}: это не книга Excel (.xlsx) или файл повреждён — ${HOW_TO_BUILD}`,
      "notXlsx"
    );
  }
}

export interface ReadReportOptions {
  /** Also check the printed sheet «Отчёт» (before sending). */
  readonly printed?: boolean;
  /** The name used in messages (default: the path). */
  readonly name?: string;
}

/**
 * Reads and checks a report workbook.
 * @throws ReportFileError (a UserError) naming the file and saying what to do
 */
export async function readReportFile(
  path: string,
  options: ReadReportOptions = {}
): Promise<ReportFile> {
  const file = options.name ?? path;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(
      code === "ENOENT"
        ? `${file}: файл не найден — проверьте имя и папку`
        : `${file}: файл не прочитать (${code ?? String(error)}) — проверьте, что это файл, и что он не открыт с запретом чтения`,
      "missing"
    );
  }
  const parts = await openParts(file, bytes);
  let checked: { report: ReportJson; meta: ReportMeta };
  try {
    checked = await checkReportPackage(file, asText(parts), {
      howTo: HOW_TO_BUILD,
      printed: options.printed === true,
    });
  } catch (error) {
    if (error instanceof ReportPackageError) {
      throw new ReportFileError(error.message, error.problem);
    }
    throw error;
  }
  return {
    file: path,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    report: checked.report,
    meta: checked.meta,
  };
}

/** The report in a file when it is a valid report workbook, else null (never throws for content). */
export async function tryReadReport(path: string): Promise<ReportFile | null> {
  try {
    return await readReportFile(path);
  } catch (error) {
    if (error instanceof ReportFileError) {
      return null;
    }
    throw error;
  }
}
