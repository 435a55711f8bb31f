/**
 * The content of a document (shared/spec/documents.md): what the paper says, in the seed form's
 * order — title block, fields with their captions, lists, tables, signature lines — and not how
 * it is laid out. A value the register lacks is an explicit blank (`null`): every renderer prints
 * it as a line to fill by hand, never leaves it out.
 *
 * The renderers: the print layout of a worksheet (./layout/sheetLayout.ts, used by the CLI's
 * workbook writer and the add-in) and the CLI's Word writer (src/cli/documents/writeDocx.ts).
 */

/** The eight documents of `vshu document --kind`. */
export const DOCUMENT_KINDS = [
  "signal",
  "vshu-child",
  "vshu-family",
  "kdn-child",
  "kdn-family",
  "plan",
  "order",
  "why",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A value of a field: the text, or null for a blank line to fill by hand. */
export type FieldValue = string | null;

/** A piece of a line: fixed text of the form. */
export interface LabelPart {
  readonly type: "label";
  readonly text: string;
  /** Marked as chosen («нужное подчеркнуть»): underlined and bold. */
  readonly marked?: boolean;
}

/** A piece of a line: a value on a line, with the form's caption in small type under it. */
export interface ValuePart {
  readonly type: "value";
  readonly value: FieldValue;
  readonly caption?: string;
  /** Share of the line's free width among the line's values (default 1). */
  readonly weight?: number;
}

export type LinePart = LabelPart | ValuePart;

/** One line of the form: labels and values, left to right. */
export interface LineBlock {
  readonly type: "line";
  readonly parts: readonly LinePart[];
}

/** The block in the top right corner: addressee or approval. */
export interface CornerBlock {
  readonly type: "corner";
  readonly lines: readonly LineBlock[];
}

/** The title, centred and bold; one string a line. */
export interface TitleBlock {
  readonly type: "title";
  readonly lines: readonly string[];
}

/** A paragraph of running text. */
export interface TextBlock {
  readonly type: "text";
  readonly text: string;
  readonly style?: "normal" | "bold" | "note" | "center" | "right";
  /** Underlined and bold (a chosen item of «нужное подчеркнуть»). */
  readonly marked?: boolean;
}

/** A list: numbered («1.», «2.») or with the seed's ticks («✓»). */
export interface ListBlock {
  readonly type: "list";
  readonly marker: "number" | "tick" | "dash";
  readonly items: readonly ListItem[];
}

export interface ListItem {
  readonly text: string;
  /** Underlined and bold: chosen («нужное подчеркнуть»). */
  readonly marked?: boolean;
  /** A blank line after the text, e.g. «Бродяжничество родителей (кого) ___». */
  readonly blank?: boolean;
}

/** A column of a table: its header and its share of the page width. */
export interface TableColumn {
  readonly header: string;
  /** Width in the layout's grid units (7.5 pt each). */
  readonly units: number;
  readonly align?: "left" | "center";
}

/** A row of a table: cells (null = blank), or a row of spans across several columns. */
export type TableRow =
  | { readonly type: "cells"; readonly cells: readonly FieldValue[] }
  | {
      readonly type: "spans";
      readonly spans: readonly { readonly text: string; readonly columns: number }[];
      readonly style: "section" | "subheader";
    };

export interface TableBlock {
  readonly type: "table";
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/**
 * A signature: the role, then «________ (подпись)   ________ (расшифровка подписи)» with the
 * name when the register knows it, and a date (a blank date prints «“__” ________ 20__ г.»).
 */
export interface SignatureBlock {
  readonly type: "signature";
  readonly role: string;
  readonly name: FieldValue;
  /** Omitted: no date on this line. */
  readonly date?: FieldValue;
}

/** Vertical space between parts of the form. */
export interface SpaceBlock {
  readonly type: "space";
}

export type DocumentBlock =
  | CornerBlock
  | TitleBlock
  | LineBlock
  | TextBlock
  | ListBlock
  | TableBlock
  | SignatureBlock
  | SpaceBlock;

export interface DocumentModel {
  readonly kind: DocumentKind;
  /** The document's short Russian name, e.g. «Представление ВШУ (ребёнок)». */
  readonly name: string;
  /** Whose document: «Иванов И. И.» or «семья С-01», for sheet and file names. */
  readonly subject: string;
  /** The episode code, or "" for a signal card without one. */
  readonly caseCode: string;
  /** Whether the seed form is one page (annexes 2, 3, 3-а, 4, 4-а and «Почему на учёте»). */
  readonly onePage: boolean;
  readonly blocks: readonly DocumentBlock[];
}

/** How a blank date prints (documents.md «Common to every document»). */
export const BLANK_DATE = "“__” ________ 20__ г.";

/** The Russian names of the kinds, for messages, sheet and file names. */
export const DOCUMENT_NAMES: Readonly<Record<DocumentKind, string>> = {
  signal: "Сигнальная карта",
  "vshu-child": "Представление ВШУ (ребёнок)",
  "vshu-family": "Представление ВШУ (семья)",
  "kdn-child": "Представление КДН (ребёнок)",
  "kdn-family": "Представление КДН (семья)",
  plan: "План сопровождения",
  order: "Проект приказа",
  why: "Почему на учёте",
};

/**
 * Every text of a model in reading order — a line's labels and values, then its captions (the
 * row under it); blanks left out: for tests and the add-in's checks.
 */
export function documentTexts(model: DocumentModel): string[] {
  const out: string[] = [];
  const line = (l: LineBlock): void => {
    for (const p of l.parts) {
      if (p.type === "label") {
        out.push(p.text);
      } else if (p.value !== null) {
        out.push(p.value);
      }
    }
    for (const p of l.parts) {
      if (p.type === "value" && p.caption !== undefined) {
        out.push(p.caption);
      }
    }
  };
  for (const b of model.blocks) {
    switch (b.type) {
      case "corner":
        b.lines.forEach(line);
        break;
      case "title":
        out.push(...b.lines);
        break;
      case "line":
        line(b);
        break;
      case "text":
        out.push(b.text);
        break;
      case "list":
        out.push(...b.items.map((i) => i.text));
        break;
      case "table":
        out.push(...b.columns.map((c) => c.header));
        for (const r of b.rows) {
          if (r.type === "cells") {
            out.push(...r.cells.filter((c): c is string => c !== null && c !== ""));
          } else {
            out.push(...r.spans.map((s) => s.text).filter((t) => t !== ""));
          }
        }
        break;
      case "signature":
        out.push(b.role);
        if (b.name !== null) {
          out.push(b.name);
        }
        if (b.date !== undefined && b.date !== null) {
          out.push(b.date);
        }
        break;
      case "space":
        break;
    }
  }
  return out;
}
