/**
 * The name of the sheet (or the file) a document goes to: the document and whose it is,
 * «Представление ВШУ Иванов И. И.», at most 31 characters (Excel's limit), without the
 * characters Excel refuses in a sheet name, and unique among the names taken.
 */
import type { DocumentKind, DocumentModel } from "./model";

const SHORT: Readonly<Record<DocumentKind, string>> = {
  signal: "Сигнальная карта",
  "vshu-child": "Представление ВШУ",
  "vshu-family": "Представление ВШУ",
  "kdn-child": "Представление КДН",
  "kdn-family": "Представление КДН",
  plan: "ИПС",
  order: "Приказ",
  why: "Почему на учёте",
};

const MAX = 31;

/**
 * @example documentSheetName({ kind: "plan", subject: "Иванов И. И.", … }, []) //=> "ИПС Иванов И. И."
 */
export function documentSheetName(
  model: Pick<DocumentModel, "kind" | "subject">,
  taken: readonly string[] = []
): string {
  const clean = (t: string): string =>
    t
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "");
  const base = clean(`${SHORT[model.kind]} ${model.subject}`).slice(0, MAX).trim();
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) {
    return base;
  }
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, MAX - suffix.length).trim()}${suffix}`;
    if (!used.has(name.toLowerCase())) {
      return name;
    }
  }
}
