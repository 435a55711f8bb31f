/**
 * What the pane says about bringing the register to version 2: after «Обновить книгу до
 * версии 2», and before the message of a write that upgraded the book first.
 */
import type { UpgradeResult, WriteOutcome } from "../../excel/gateway";

const list = (names: readonly string[]): string => names.map((n) => `«${n}»`).join(", ");

/** One Russian paragraph: what the upgrade added and what it left alone. */
export function describeUpgrade(result: UpgradeResult): string {
  const added: string[] = [];
  if (result.sheets.length > 0) {
    added.push(`${result.sheets.length === 1 ? "лист" : "листы"} ${list(result.sheets)}`);
  }
  if (result.columns.length > 0) {
    added.push(
      `${result.columns.length === 1 ? "столбец" : "столбцы"} ${result.columns
        .map((c) => `«${c.column}» («${c.sheet}»)`)
        .join(", ")}`
    );
  }
  const params = result.settings;
  if (params.length > 0) {
    added.push(`в «Настройках» ${list(params)}`);
  }
  if (result.dates.length > 0) {
    added.push(`даты четвертей записаны как даты (${result.dates.length})`);
  }
  const parts = [
    added.length > 0
      ? `Книга обновлена до версии 2: ${added.join("; ")}. Ваши столбцы и данные не тронуты.`
      : "Книга уже версии 2: добавлять нечего.",
  ];
  for (const s of result.skipped) {
    parts.push(`Лист «${s.sheet}» не тронут: ${s.reason}`);
  }
  return parts.join(" ");
}

/** «Сначала книга обновлена до версии 2 …» before a write's own message, or "". */
export function upgradeNote(outcome: WriteOutcome): string {
  return outcome.upgraded === null ? "" : `${describeUpgrade(outcome.upgraded)} `;
}
