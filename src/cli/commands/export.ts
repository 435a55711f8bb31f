/**
 * `vshu export BOOK.xlsx --sheet NAME --out FILE.csv [--encoding windows-1251|utf-8] [--force]`:
 * a sheet's table as CSV for programs that only read CSV — windows-1251 (what Russian Excel
 * opens by double-click), `;`, CRLF, the table's header row as it stands (the user's own columns
 * too), dates ДД.ММ.ГГГГ, formula-like text guarded (src/core/import/exportCsv.ts).
 *
 * A character windows-1251 cannot hold (Tuvan «ө», «ү», «ң», …) is refused naming the cells, and
 * the message offers `--encoding utf-8` (UTF-8 with BOM, which Excel 2016+ opens): a name
 * silently written with «?» would be a wrong name in the other program.
 */
import { writeFile } from "node:fs/promises";
import { encodeWindows1251 } from "../../core/import/encoding";
import { csvRecords, findNon1251, toCsvText } from "../../core/import/exportCsv";
import type { RawTable } from "../../core/register/model";
import {
  CALENDAR_COLUMNS,
  CALENDAR_SHEET,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
} from "../../core/register/schema";
import { matchKey, pluralRu } from "../../core/text";
import { UserError } from "../errors";
import { requireFile } from "../files";
import { prepareOutput, writeOutput } from "../outputs";
import { readWorkbookTables } from "../xlsx/readWorkbook";

export interface ExportOptions {
  readonly book: string;
  readonly sheet: string;
  readonly out: string;
  readonly encoding?: string | undefined;
  readonly force?: boolean;
}

function expectedHeaders(sheetName: string): readonly string[] {
  const key = SHEET_ORDER.find((k) => matchKey(SHEET[k]) === matchKey(sheetName));
  if (key) {
    return SHEET_COLUMNS[key];
  }
  return matchKey(sheetName) === matchKey(CALENDAR_SHEET) ? CALENDAR_COLUMNS : [];
}

function exportEncoding(value: string | undefined): "windows-1251" | "utf-8" {
  const v = (value ?? "windows-1251").trim().toLowerCase();
  if (["windows-1251", "win1251", "cp1251", "1251"].includes(v)) {
    return "windows-1251";
  }
  if (v === "utf-8" || v === "utf8") {
    return "utf-8";
  }
  throw new UserError(`--encoding ${value ?? ""}: укажите windows-1251 (по умолчанию) или utf-8`);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function runExport(opts: ExportOptions): Promise<string> {
  const { book } = opts;
  const encoding = exportEncoding(opts.encoding);
  if (!/\.csv$/i.test(opts.out)) {
    throw new UserError(`--out ${opts.out}: файл выгрузки должен иметь расширение .csv`);
  }
  await requireFile(book);
  const sheetKey = SHEET_ORDER.find((k) => matchKey(SHEET[k]) === matchKey(opts.sheet));
  const out = await prepareOutput(opts.out, {
    option: "--out",
    inputs: [book],
    force: opts.force ?? false,
  });
  const tables = await readWorkbookTables(book, expectedHeaders);
  const found = [...tables].find(([name]) => matchKey(name) === matchKey(opts.sheet));
  if (!found) {
    throw new UserError(
      `${book}: в книге нет листа «${opts.sheet}»; листы книги: ${[...tables.keys()].map((n) => `«${n}»`).join(", ")}`
    );
  }
  const [sheetName, table] = found;
  refuseUncalculated(book, sheetName, table);
  const headerRow = Math.max(1, (table.rows[0]?.row ?? 2) - 1);
  const records = csvRecords(sheetKey ?? null, table);
  let bytes: Buffer;
  const text = toCsvText(records);
  if (encoding === "windows-1251") {
    const missing = findNon1251(records, table.headers, headerRow);
    if (missing.length > 0) {
      throw new UserError(
        [
          ...missing.map(
            (m) =>
              `${book}: лист «${sheetName}», строка ${m.row}, столбец «${m.column}»: символа «${m.char}» нет в кодировке windows-1251`
          ),
          "Файл не записан: в windows-1251 эти символы пропали бы. Выгрузите в UTF-8: добавьте --encoding utf-8 (Excel 2016 и новее открывает такой файл правильно).",
        ].join("\n")
      );
    }
    bytes = Buffer.from(encodeWindows1251(text).bytes);
  } else {
    bytes = Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]);
  }
  await writeOutput(out, (tmp) => writeFile(tmp, bytes, { flag: "wx" }));
  const n = records.length - 1;
  return `Лист «${sheetName}» выгружен в ${opts.out}: ${n} ${pluralRu(n, ["строка", "строки", "строк"])} и строка заголовков (кодировка ${encoding}, разделитель «;»).`;
}

/** A formula saved without its value would be written as an empty field: refused instead. */
function refuseUncalculated(book: string, sheetName: string, table: RawTable): void {
  const problems = table.problems ?? [];
  if (problems.length === 0) {
    return;
  }
  throw new UserError(
    [
      ...problems
        .slice(0, 20)
        .map(
          (p) =>
            `${book}: лист «${sheetName}», строка ${p.row}, столбец «${table.headers[p.column] ?? ""}»: ${
              p.kind === "formulaError"
                ? "формула даёт ошибку"
                : "формула сохранена без вычисленного значения"
            }`
        ),
      "Файл не записан. Откройте книгу в Excel или LibreOffice, исправьте или пересчитайте формулы, сохраните и повторите.",
    ].join("\n")
  );
}
