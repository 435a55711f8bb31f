/**
 * «Документы» in the pane: the document a user asks for, from the register already read — the
 * model to write, the warnings to confirm first (a municipal form for a level-1 case, a plan for
 * a quarter the case was not on the register), or why it cannot be made. The core's request
 * (src/core/documents/request.ts) speaks the command line's options; the pane says the same in
 * terms of its own fields.
 */
import type { IsoDate } from "../../core/dates/isoDate";
import {
  buildDocument,
  DOCUMENT_KINDS,
  DOCUMENT_NAMES,
  prepareDocument,
  type DocumentKind,
  type DocumentModel,
} from "../../core/documents";
import type { Register } from "../../core/register/model";
import { quarterOf } from "../../core/register/quarters";
import type { Quarter } from "../../core/register/schema";
import { registerDeadlines } from "./deadlineView";

export interface PaneDocumentRequest {
  readonly kind: DocumentKind;
  readonly caseCode: string;
  /** The plan's quarter (ignored for the other kinds); null: the quarter of today. */
  readonly quarter: Quarter | null;
  readonly today: IsoDate;
}

export type PaneDocumentPlan =
  | {
      readonly ok: true;
      readonly model: DocumentModel;
      /** Reasons to confirm before the sheet is written (Russian sentences). */
      readonly warnings: readonly string[];
      /** For the user's information (another signal card of the case, …). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** The kinds as the list offers them: «Сигнальная карта», «Представление ВШУ (ребёнок)», … */
export const DOCUMENT_OPTIONS: readonly { value: DocumentKind; label: string }[] =
  DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_NAMES[k] }));

/** Municipal forms: the pane marks them in the list. */
export const MUNICIPAL_KINDS: readonly DocumentKind[] = ["kdn-child", "kdn-family"];

/** The core's command-line wording in the pane's terms. */
export function paneWording(text: string): string {
  return text
    .replace(/ключом --quarter I…IV/g, "в поле «Четверть»")
    .replace(/\s*Другую выберите ключом --row\./g, "")
    .replace(/: выберите нужную ключом --row/g, ": впишите код случая в столбец «Код» нужной карты")
    .replace(/ \(--case\)/g, "")
    .replace(/ \(--row\)/g, "")
    .replace(/: --case КОД \(столбец «Код» листа «Учёт»\)/g, " в поле «Случай»");
}

/** The quarter the plan is for by default: the quarter of today, else I. */
export function defaultQuarter(register: Register, today: IsoDate): Quarter {
  return quarterOf(today, register.settings.quarters) ?? "I";
}

function sentence(text: string): string {
  const t = text.trim();
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** Resolves a request of the pane against the register read. */
export function planDocument(register: Register, req: PaneDocumentRequest): PaneDocumentPlan {
  if (req.caseCode.trim() === "") {
    return { ok: false, message: "Выберите случай." };
  }
  // Only the order and «Почему на учёте» print due dates.
  const deadlines =
    req.kind === "order" || req.kind === "why" ? registerDeadlines(register, req.today) : [];
  const prepared = prepareDocument(
    register,
    {
      kind: req.kind,
      caseCode: req.caseCode,
      quarter: req.kind === "plan" ? (req.quarter ?? undefined) : undefined,
      made: req.today,
    },
    deadlines
  );
  if (!prepared.ok) {
    return { ok: false, message: sentence(paneWording(prepared.message)) };
  }
  const model = buildDocument(req.kind, prepared.context, prepared.quarter);
  return {
    ok: true,
    model,
    warnings: prepared.warnings.map((w) => sentence(paneWording(w))),
    notes: prepared.notes.map((n) => paneWording(n)),
  };
}

/** The pane's message after the sheet is written. */
export function writtenMessage(
  model: DocumentModel,
  sheet: string,
  notes: readonly string[],
  limits: readonly string[]
): string {
  return [
    `«${model.name}» (${[model.caseCode, model.subject].filter((t) => t !== "").join(", ")}) — на листе «${sheet}». Проверьте и распечатайте: Файл → Печать.`,
    ...notes,
    ...limits,
  ].join(" ");
}
