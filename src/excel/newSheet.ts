/**
 * A new sheet beside the register (a report, a document) in one sync: `write(names)` adds a
 * sheet with a name not among `names`, queues its content, activates it and syncs. With the
 * names of the latest read that is the whole job; should a sheet of that name have appeared in
 * between, Excel fails the batch before anything is written (ItemAlreadyExists) and the names
 * are read again (a second sync) before the one retry. Without known names they are read first.
 */
export async function writeNewSheet<T>(
  context: Excel.RequestContext,
  knownSheets: readonly string[] | undefined,
  write: (names: readonly string[]) => Promise<T>
): Promise<T> {
  if (knownSheets) {
    try {
      return await write(knownSheets);
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== "ItemAlreadyExists") {
        throw e;
      }
    }
  }
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return write(sheets.items.map((s) => s.name));
}
