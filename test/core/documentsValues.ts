/**
 * What a document fills in from the register, in reading order: the values on its lines, the
 * names in its signatures, the cells of its table, the chosen items. Tests look for each of
 * them in the rendered text, in this order.
 */
import type { DocumentModel } from "../../src/core/documents";

export function filledValues(model: DocumentModel): string[] {
  const out: string[] = [];
  for (const b of model.blocks) {
    const lines = b.type === "line" ? [b] : b.type === "corner" ? b.lines : [];
    for (const l of lines) {
      for (const p of l.parts) {
        if (p.type === "value" && p.value !== null) {
          out.push(p.value);
        }
      }
    }
    if (b.type === "signature") {
      if (b.name !== null) {
        out.push(b.name);
      }
      if (b.date !== undefined && b.date !== null) {
        out.push(b.date);
      }
    }
    if (b.type === "table") {
      for (const r of b.rows) {
        if (r.type === "cells") {
          // The row number is the form's; the rest comes from «Мероприятия».
          out.push(...r.cells.slice(1).filter((c): c is string => c !== null && c !== ""));
        }
      }
    }
    if (b.type === "list") {
      out.push(...b.items.filter((i) => i.marked).map((i) => i.text));
    }
  }
  return out;
}
