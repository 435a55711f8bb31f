/**
 * «Настройки» as parameter → text for the pane, and their update: quarter dates become date
 * cells shown ДД.ММ.ГГГГ, whole numbers numbers, the rest text; a parameter not on the sheet is
 * appended. 2 syncs each (the rows, then the write with its «Журнал» rows).
 */
import { formatDateRu, parseDateText } from "../core/dates/isoDate";
import { SETTINGS_COLUMNS } from "../core/register/schema";
import { matchKey } from "../core/text";
import { blockAddress } from "./address";
import { serialToIso, sheetValue } from "./dateSystem";
import type { TableLayout, WriteOutcome } from "./gateway";
import type { JournalDraft } from "./journal";
import { queueAppend, type RowRecord } from "./rows";
import { needLayout, type GatewaySession } from "./session";
import { cellOfKind, dateCell, numberCell, textCell, type OutCell } from "./textSafe";
import { writable } from "./upgrade";
import { QUARTER_PARAM } from "./upgradePlan";

/** The body of «Настройки» (values) as the sheet holds it now (1 sync). */
async function settingsRows(s: GatewaySession, layout: TableLayout): Promise<unknown[][]> {
  return s.run(async (context) => {
    const range = context.workbook.worksheets.getItem(layout.sheet).getRange(
      blockAddress({
        top: layout.headerRow + 1,
        bottom: layout.headerRow + Math.max(layout.bodyRows, 1),
        left: layout.left,
        right: layout.left + layout.headers.length - 1,
      })
    );
    range.load("values");
    await context.sync();
    return range.values as unknown[][];
  });
}

function columnOf(layout: TableLayout, header: string): number {
  return layout.headers.findIndex((h) => matchKey(h) === matchKey(header));
}

export async function readSettings(s: GatewaySession): Promise<Record<string, string>> {
  const read = await s.current();
  const layout = needLayout(read, "settings");
  const rows = await settingsRows(s, layout);
  const p = columnOf(layout, SETTINGS_COLUMNS[0]);
  const v = columnOf(layout, SETTINGS_COLUMNS[1]);
  const out: Record<string, string> = {};
  for (const row of rows) {
    const name = String(row[p] ?? "").trim();
    if (name === "") {
      continue;
    }
    const value = row[v];
    const date =
      typeof value === "number" && QUARTER_PARAM.test(name)
        ? serialToIso(value, layout.dateSystem ?? 1900)
        : null;
    out[name] = date ? formatDateRu(date) : String(value ?? "").trim();
  }
  return out;
}

/** The cell a setting's text becomes; a quarter date that cannot be read is refused. */
function settingCell(name: string, text: string): OutCell {
  if (QUARTER_PARAM.test(name)) {
    const trimmed = text.trim();
    if (trimmed === "") {
      return cellOfKind("date", null);
    }
    const date = parseDateText(trimmed);
    if (!date) {
      throw new Error(`«${name}»: «${text}» — не дата; укажите дату в виде ДД.ММ.ГГГГ.`);
    }
    return dateCell(date);
  }
  return /^\d+$/.test(text.trim()) ? numberCell(Number(text.trim())) : textCell(text);
}

export async function writeSettings(
  s: GatewaySession,
  values: Readonly<Record<string, string>>
): Promise<WriteOutcome> {
  // Every value is checked before anything is written (or upgraded).
  const cells = Object.entries(values).map(([name, text]) => ({
    name,
    cell: settingCell(name, text),
  }));
  const { read, upgraded } = await writable(s);
  const c = await s.capabilities();
  const layout = needLayout(read, "settings");
  const rows = await settingsRows(s, layout);
  const p = columnOf(layout, SETTINGS_COLUMNS[0]);
  const v = columnOf(layout, SETTINGS_COLUMNS[1]);
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => rowOf.set(matchKey(String(r[p] ?? "")), layout.headerRow + 2 + i));
  const updates: { row: number; cell: OutCell }[] = [];
  const appends: RowRecord[] = [];
  for (const { name, cell } of cells) {
    const row = rowOf.get(matchKey(name));
    if (row !== undefined) {
      updates.push({ row, cell });
    } else {
      appends.push({ Параметр: textCell(name), Значение: cell });
    }
  }
  await s.write(read, (context) => {
    const ws = context.workbook.worksheets.getItem(layout.sheet);
    for (const u of updates) {
      const range = ws.getRange(
        blockAddress({
          top: u.row - 1,
          bottom: u.row - 1,
          left: layout.left + v,
          right: layout.left + v,
        })
      );
      range.numberFormat = [[u.cell.format]];
      range.values = [[sheetValue(u.cell, layout.dateSystem)]];
    }
    const ticket = queueAppend(context, layout, appends, c);
    const journal: JournalDraft[] = [];
    if (updates.length > 0) {
      journal.push({
        action: "настройки",
        sheet: "settings",
        rows: updates.map((u) => u.row),
        codes: [],
      });
    }
    if (appends.length > 0) {
      journal.push({
        action: "настройки: новые параметры",
        sheet: "settings",
        rows: ticket,
        codes: [],
      });
    }
    return { appends: [ticket], journal, after: () => undefined };
  });
  // The settings are parsed from the sheet: the next write reads the register again.
  s.last = null;
  return { upgraded };
}
