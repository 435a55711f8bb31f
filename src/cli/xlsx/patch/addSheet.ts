/**
 * A new sheet holding one Excel table, added at the end of the workbook: header row in bold,
 * frozen; column widths and formats (text «@», ДД.ММ.ГГГГ); drop-down lists; A4 landscape,
 * one page wide, header row repeated on every printed page.
 */
import { matchKey } from "../../../core/text";
import { PatchError, REL_TYPE, CONTENT_TYPE, type SheetRef, type WorkbookEditor } from "./book";
import type { RowChange } from "./changes";
import type { PatchRow } from "./appendRows";
import { formatRange } from "./refs";
import { DATE_FORMAT, DATE_TIME_FORMAT } from "./styles";
import { listValidationXml } from "./validations";
import { CellWriter } from "./values";
import { rowHeightFor } from "./rowHeight";
import { NS_MAIN, NS_REL, escapeAttr, escapeText } from "./xml";

export interface NewSheetColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly kind: "text" | "date" | "dateTime" | "number";
  /** Wrap long text in the column's cells. */
  readonly wrap?: boolean;
  readonly list?: { readonly values: readonly string[]; readonly strict: boolean };
}

export interface NewSheet {
  readonly name: string;
  readonly tableName: string;
  readonly columns: readonly NewSheetColumn[];
  readonly rows: readonly PatchRow[];
}

/** Rows below the data that get the lists too, for typing by hand. */
const SPARE_ROWS = 500;

/** A table name not used by another table or defined name: `tblJournal`, `tblJournal2`, … */
function freeTableName(book: WorkbookEditor, wanted: string): string {
  const used = book.usedNames();
  let name = wanted;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    name = `${wanted}${i}`;
  }
  return name;
}

/** Quotes a sheet name for a formula: `'Журнал'`. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function addSheet(book: WorkbookEditor, spec: NewSheet): SheetRef {
  if (book.allSheetNames().some((n) => matchKey(n) === matchKey(spec.name))) {
    throw new PatchError(`в книге уже есть лист «${spec.name}»`);
  }
  const styles = book.styles();
  const strings = book.strings();
  const writer = new CellWriter(styles, strings, book.date1904, "");
  const headerStyle = styles.derive(0, { bold: true, wrap: true, verticalTop: true });
  const colStyles = spec.columns.map((c) => {
    const numFmt =
      c.kind === "text"
        ? "@"
        : c.kind === "date"
          ? DATE_FORMAT
          : c.kind === "dateTime"
            ? DATE_TIME_FORMAT
            : undefined;
    return styles.derive(0, {
      ...(numFmt ? { numFmt } : {}),
      ...(c.wrap ? { wrap: true, verticalTop: true } : { verticalTop: true }),
    });
  });
  const n = spec.columns.length;
  const dataRows = Math.max(1, spec.rows.length);
  const range = { top: 1, left: 1, bottom: 1 + dataRows, right: n };

  let data = `<row r="1" ht="32" customHeight="1">`;
  spec.columns.forEach((c, i) => {
    data += writer.cell(1, i + 1, c.header, headerStyle);
  });
  data += "</row>";
  const changes: RowChange[] = [];
  for (let r = 0; r < dataRows; r++) {
    const row = spec.rows[r];
    const rn = r + 2;
    const height = row
      ? rowHeightFor(
          spec.columns.map((c) => {
            const v = row[c.header];
            return typeof v === "string" ? v : null;
          }),
          spec.columns.map((c) => (c.wrap ? c.width : null))
        )
      : undefined;
    data += `<row r="${rn}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`;
    spec.columns.forEach((c, i) => {
      const v = row ? (row[c.header] ?? null) : null;
      data += writer.cell(rn, i + 1, v, colStyles[i]);
    });
    data += "</row>";
    if (row) {
      changes.push({ row: rn, values: row });
    }
  }
  const cols = spec.columns
    .map(
      (c, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1" style="${colStyles[i]}"/>`
    )
    .join("");
  const lists = spec.columns
    .map((c, i) =>
      c.list
        ? listValidationXml("", {
            range: { top: 2, bottom: range.bottom + SPARE_ROWS, left: i + 1, right: i + 1 },
            list: c.list.values,
            strict: c.list.strict,
          })
        : ""
    )
    .filter((x) => x !== "");
  const ref = formatRange(range);
  const sheetPart = book.freePartName("xl/worksheets/sheet");
  const tablePart = book.freePartName("xl/tables/table");
  const tableName = freeTableName(book, spec.tableName);
  const tableId = Math.max(0, ...book.allTables().map((t) => t.id)) + 1;
  const tableXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS_MAIN}" id="${tableId}" name="${tableName}" displayName="${tableName}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${n}">${spec.columns
      .map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c.header)}"/>`)
      .join("")}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`;
  book.zip.write(tablePart, tableXml);
  book.addContentType(tablePart, CONTENT_TYPE.table);
  const tableRel = book.addSheetRel(sheetPart, REL_TYPE.table, tablePart);
  const sheetXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="${ref}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${data}</sheetData>` +
    (lists.length > 0
      ? `<dataValidations count="${lists.length}">${lists.join("")}</dataValidations>`
      : "") +
    `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${escapeText(spec.name)} — стр. &amp;P из &amp;N</oddFooter></headerFooter>` +
    `<tableParts count="1"><tablePart r:id="${tableRel}"/></tableParts>` +
    `</worksheet>`;
  book.zip.write(sheetPart, sheetXml);
  const { ref: sheetRef, index } = book.registerSheet(spec.name, sheetPart);
  book.addDefinedName("_xlnm.Print_Titles", index, `${quoteSheet(spec.name)}!$1:$1`);
  book.changes.add({
    kind: "sheet",
    sheet: spec.name,
    headers: spec.columns.map((c) => c.header),
    rows: changes,
  });
  return sheetRef;
}
