/**
 * Edits of the workbook part (xl/workbook.xml): a new sheet in the sheet list, a defined name,
 * computing formulas on opening. Children are added in the schema's order.
 */
import { PatchError } from "./errors";
import {
  NS_MAIN,
  NS_REL,
  escapeAttr,
  findElement,
  insertInOrder,
  prefixOf,
  setAttr,
  splice,
} from "./xml";

/** Children of <workbook> in schema order (CT_Workbook). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export function ensureRelPrefix(xml: string): { xml: string; prefix: string } {
  const existing = prefixOf(xml, NS_REL);
  if (existing !== null && existing !== "") {
    return { xml, prefix: existing };
  }
  const root = /<((?:\w+:)?workbook)\b/.exec(xml);
  if (!root) {
    throw new PatchError("в книге нет описания книги");
  }
  const at = root.index + root[0].length;
  let name = "r";
  for (
    let i = 2;
    new RegExp(`\\sxmlns:${name}\\s*=`).test(xml.slice(0, xml.indexOf(">", at)));
    i++
  ) {
    name = `r${i}`;
  }
  return { xml: splice(xml, at, at, ` xmlns:${name}="${NS_REL}"`), prefix: `${name}:` };
}

/** Sets `fullCalcOnLoad` on <calcPr>, adding the element when missing. */
export function withFullCalcOnLoad(xml: string): string {
  const p = prefixOf(xml, NS_MAIN) ?? "";
  const f = findElement(xml, `${p}calcPr`);
  if (f) {
    return splice(xml, f.start, f.openEnd, setAttr(f.tag, "fullCalcOnLoad", "1"));
  }
  return insertInOrder(xml, p, WORKBOOK_ORDER, "calcPr", `<${p}calcPr fullCalcOnLoad="1"/>`);
}

/** Appends a defined name local to sheet `localSheetId`. */
export function withDefinedName(
  xml: string,
  name: string,
  localSheetId: number,
  formula: string
): string {
  const p = prefixOf(xml, NS_MAIN) ?? "";
  const text = formula.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const el = `<${p}definedName name="${escapeAttr(name)}" localSheetId="${localSheetId}">${text}</${p}definedName>`;
  const f = findElement(xml, `${p}definedNames`);
  if (!f) {
    return insertInOrder(
      xml,
      p,
      WORKBOOK_ORDER,
      "definedNames",
      `<${p}definedNames>${el}</${p}definedNames>`
    );
  }
  if (f.selfClosing) {
    return splice(xml, f.start, f.end, `<${p}definedNames>${el}</${p}definedNames>`);
  }
  return splice(xml, f.contentEnd, f.contentEnd, el);
}

/** Appends a sheet to the sheet list with the next sheet id; returns the new text and the id. */
export function withSheet(
  xml: string,
  name: string,
  relId: string
): { xml: string; sheetId: number } {
  const ensured = ensureRelPrefix(xml);
  const text = ensured.xml;
  const p = prefixOf(text, NS_MAIN) ?? "";
  const ids = [...text.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const sheets = findElement(text, `${p}sheets`);
  if (!sheets || sheets.selfClosing) {
    throw new PatchError("в книге нет списка листов");
  }
  const el = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${ensured.prefix}id="${relId}"/>`;
  return { xml: splice(text, sheets.contentEnd, sheets.contentEnd, el), sheetId };
}
