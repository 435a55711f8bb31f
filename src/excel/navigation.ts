/**
 * Between the pane and the sheets: selecting a case's row (or its step's row) from the pane,
 * and opening a case in the pane when the user selects its row of «Учёт».
 */
import type { StepKey } from "../core/register/schema";
import { matchKey } from "../core/text";
import { blockAddress, parseRangeAddress } from "./address";
import { needEpisode, needLayout, type GatewaySession } from "./session";

/** Selects the case's row of «Учёт», or the step's open (else last) row of «Мероприятия». */
export async function goToCase(s: GatewaySession, code: string, step?: StepKey): Promise<void> {
  const read = await s.current();
  const episode = needEpisode(read.register, code);
  let layout = needLayout(read, "cases");
  let row = episode.row;
  if (step) {
    const rows = read.register.actions.filter(
      (a) => a.step === step && matchKey(a.caseCode) === matchKey(episode.code)
    );
    const target = rows.find((a) => a.done === null) ?? rows[rows.length - 1];
    if (target) {
      layout = needLayout(read, "actions");
      row = target.row;
    }
  }
  await s.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(layout.sheet);
    ws.activate();
    ws.getRange(
      blockAddress({
        top: row - 1,
        bottom: row - 1,
        left: layout.left,
        right: layout.left + layout.headers.length - 1,
      })
    ).select();
    await context.sync();
  });
}

/**
 * Calls back with the episode code when the user selects a row of «Учёт» (ExcelApi 1.7); the
 * code comes from the latest read, or from the cell when the row is newer than the read.
 */
export async function onCaseSelected(
  s: GatewaySession,
  callback: (code: string) => void
): Promise<() => Promise<void>> {
  const c = await s.capabilities();
  if (!c.selectionEvents) {
    return async () => undefined;
  }
  const read = await s.current();
  const cases = needLayout(read, "cases");
  const codeColumn = cases.headers.findIndex((h) => matchKey(h) === matchKey("Код"));
  return s.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(cases.sheet);
    const handler = ws.onSelectionChanged.add(async (event) => {
      const parsed = parseRangeAddress(event.address);
      const layout = s.last?.snapshot.tables.cases ?? cases;
      if (
        !parsed ||
        parsed.block.top <= layout.headerRow ||
        parsed.block.top > layout.headerRow + layout.bodyRows
      ) {
        return;
      }
      const row = parsed.block.top + 1;
      const known = s.last?.register.episodes.find((e) => e.row === row);
      if (known) {
        callback(known.code);
        return;
      }
      if (codeColumn < 0) {
        return;
      }
      const code = await s.run(async (context) => {
        const cell = context.workbook.worksheets.getItem(layout.sheet).getRange(
          blockAddress({
            top: row - 1,
            bottom: row - 1,
            left: layout.left + codeColumn,
            right: layout.left + codeColumn,
          })
        );
        cell.load("values");
        await context.sync();
        return String(cell.values[0]?.[0] ?? "").trim();
      });
      if (code !== "") {
        callback(code);
      }
    });
    await context.sync();
    const handlerContext = context;
    return async () => {
      // Removed in a batch on the context that added it (Excel.run(context, …)).
      await s.run(handlerContext, async (context) => {
        handler.remove();
        await context.sync();
      });
    };
  });
}
