/**
 * CSV text → records with papaparse, and the whole import plan from a file's bytes.
 *
 * This folder sits between the pure core and the adapters: it may import papaparse (a package,
 * so not allowed in src/core) and src/core, nothing else — no Node, no DOM, no Office — so both
 * the command line (src/cli) and the add-in (src/excel, src/taskpane) use it
 * (scripts/check-layers.js and eslint enforce it).
 */
import Papa from "papaparse";
import { detectDelimiter } from "../core/import/delimiter";
import { decodeCsvBytes, type EncodingChoice } from "../core/import/encoding";
import { planImport, type Delimiter, type ImportIssue, type ImportPlan } from "../core/import/plan";
import type { RawSheets } from "../core/register/parseRegister";

export interface ParsedCsv {
  readonly records: string[][];
  /** Quotes that do not close or are misplaced, by the file's row (the header is row 1). */
  readonly problems: ImportIssue[];
}

/** Splits CSV text into records (quotes, delimiters and line breaks inside quotes honoured). */
export function parseCsv(text: string, delimiter: Delimiter): ParsedCsv {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const problems: ImportIssue[] = [];
  for (const e of result.errors) {
    if (e.type !== "Quotes") {
      continue;
    }
    problems.push({
      row: (e.row ?? 0) + 1,
      column: "",
      value: "",
      reason:
        e.code === "MissingQuotes"
          ? "кавычка открыта и не закрыта: значение в кавычках тянется до конца файла; закройте кавычку"
          : "кавычки стоят неправильно: значение в кавычках должно занимать всё поле, а кавычка внутри него — удваиваться («»)",
    });
  }
  // A trailing line break gives papaparse a last record of one empty field.
  const records = result.data;
  const last = records[records.length - 1];
  if (last && last.length === 1 && last[0] === "") {
    records.pop();
  }
  return { records, problems };
}

export interface PrepareInput {
  /** The file's bytes (a Node Buffer or the browser's Uint8Array of a File). */
  readonly bytes: Uint8Array;
  /** "auto" (default) detects UTF-8 (with or without BOM) or windows-1251. */
  readonly encoding?: EncodingChoice;
  /** The sheet to import into, as the user named it («Учёт», «учет», …). */
  readonly sheet: string;
  /** The register's tables: at least the target sheet and «Учёт». */
  readonly register: RawSheets;
}

/** Bytes → the import plan: decoding, delimiter, parsing, checking (see core/import/plan.ts). */
export function prepareImport(input: PrepareInput): ImportPlan {
  const decoded = decodeCsvBytes(input.bytes, input.encoding ?? "auto");
  if (!decoded.ok) {
    return planImport({
      sheet: input.sheet,
      records: [],
      parseProblems: [
        { row: decoded.problem.line, column: "", value: "", reason: decoded.problem.reason },
      ],
      register: input.register,
      encoding: input.encoding === "windows-1251" ? "windows-1251" : "utf-8",
      bom: false,
      delimiter: ";",
    });
  }
  const { encoding, bom } = decoded.value;
  // «sep=;» on the first line: the hint Excel honours (and hides) when it opens a CSV file.
  const sep = /^sep=([;,])[ \t]*(\r\n|\n|\r|$)/i.exec(decoded.value.text);
  const text = sep ? decoded.value.text.slice(sep[0].length) : decoded.value.text;
  const delimiter = sep ? (sep[1] as Delimiter) : detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  return planImport({
    sheet: input.sheet,
    records: parsed.records,
    parseProblems: parsed.problems,
    register: input.register,
    encoding,
    bom,
    delimiter,
  });
}
