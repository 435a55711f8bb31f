/**
 * The documents of `vshu demo` (workbook.md: «one of each document»): each kind once, for an
 * episode of the demo register that suits it, as a worksheet and as a Word file, in the folder
 * «документы» beside the demo register.
 */
import { join } from "node:path";
import type { IsoDate } from "../../core/dates/isoDate";
import { DOCUMENT_KINDS, DOCUMENT_NAMES, type DocumentKind } from "../../core/documents";
import { suggestTargetGroup } from "../../core/indicators/targetGroup";
import type { Episode, Register } from "../../core/register/model";
import { quarterOf } from "../../core/register/quarters";
import { matchKey } from "../../core/text";
import { makeDocument, writeDocumentFile } from "../commands/document";
import { prepareOutput } from "../outputs";
import { readRegister } from "../xlsx/readRegister";

/** The folder of the demo documents, inside the demo folder. */
export const DEMO_DOCUMENTS_DIR = "документы";

/** A kind and the case (or the «Сигналы» row) it is shown with. */
export interface DemoPick {
  readonly kind: DocumentKind;
  readonly code?: string;
  readonly row?: number;
}

const isOpen = (e: Episode, on: IsoDate): boolean =>
  e.registered !== null && e.registered <= on && (e.removed === null || e.removed > on);

/** Children of the episode's family in the register (the episode's own child included). */
function familySize(register: Register, e: Episode): number {
  if (e.familyCode === "") {
    return 1;
  }
  const key = matchKey(e.familyCode);
  return new Set(
    register.episodes.filter((o) => matchKey(o.familyCode) === key).map((o) => o.childKey)
  ).size;
}

/** The episode each kind is shown with: the first that suits it, in the register's order. */
export function demoPicks(register: Register, on: IsoDate): DemoPick[] {
  const eps = register.episodes;
  const first = (...tests: ((e: Episode) => boolean)[]): Episode | undefined => {
    for (const t of tests) {
      const found = eps.find(t);
      if (found) {
        return found;
      }
    }
    return eps[0];
  };
  const withFamily = (e: Episode): boolean =>
    register.families.some((f) => matchKey(f.code) === matchKey(e.familyCode));
  const level1 = first(
    (e) => e.level === 1 && isOpen(e, on) && withFamily(e) && familySize(register, e) > 1,
    (e) => e.level === 1 && isOpen(e, on)
  );
  const level2 = first(
    (e) => e.level === 2 && isOpen(e, on) && withFamily(e) && familySize(register, e) > 1,
    (e) => e.level === 2 && isOpen(e, on),
    (e) => suggestTargetGroup(e.indicators).group === 2
  );
  const transferred = first(
    (e) =>
      e.level === 2 &&
      isOpen(e, on) &&
      eps.some((o) => o !== e && o.childKey === e.childKey && o.level === 1)
  );
  const latest = [...eps]
    .filter((e) => e.level === 1 && isOpen(e, on))
    .sort((a, b) => (b.registered ?? "").localeCompare(a.registered ?? ""))[0];
  const card = register.signals.find((s) => s.caseCode !== "") ?? register.signals[0];
  const picks: DemoPick[] = [];
  if (card) {
    picks.push(
      card.caseCode !== ""
        ? { kind: "signal", code: card.caseCode }
        : { kind: "signal", row: card.row }
    );
  }
  const code = (e: Episode | undefined): { code?: string } => (e ? { code: e.code } : {});
  picks.push(
    { kind: "vshu-child", ...code(level1) },
    { kind: "vshu-family", ...code(level1) },
    { kind: "kdn-child", ...code(level2) },
    { kind: "kdn-family", ...code(level2) },
    { kind: "plan", ...code(level1) },
    { kind: "order", ...code(latest ?? level1) },
    { kind: "why", ...code(transferred ?? level2) }
  );
  return picks.filter((p) => p.code !== undefined || p.row !== undefined);
}

/** The file name of a demo document: «Представление ВШУ (ребёнок) В-006.docx». */
export function demoDocumentName(p: DemoPick, ext: "xlsx" | "docx"): string {
  const whose = p.code ?? `строка ${p.row ?? ""}`;
  return `${DOCUMENT_NAMES[p.kind]} ${whose}.${ext}`;
}

/**
 * Writes one document of each kind for the demo register into `<out>/документы`, in both
 * formats; returns the line `vshu demo` prints about them.
 */
export async function writeDemoDocuments(opts: {
  readonly book: string;
  readonly out: string;
  readonly on: IsoDate;
  /** Replace documents an earlier demo left (`vshu demo --force`). */
  readonly force?: boolean | undefined;
}): Promise<string> {
  const register = await readRegister(opts.book);
  const dir = join(opts.out, DEMO_DOCUMENTS_DIR);
  const picks = demoPicks(register, opts.on);
  const quarter = quarterOf(opts.on, register.settings.quarters) ?? "I";
  for (const p of picks) {
    const { model } = makeDocument(register, opts.book, {
      kind: p.kind,
      caseCode: p.code,
      row: p.row,
      quarter: p.kind === "plan" ? quarter : undefined,
      on: opts.on,
      // The demo shows every kind whatever the sample holds; a warning must not stop it.
      force: true,
    });
    for (const ext of ["xlsx", "docx"] as const) {
      const out = await prepareOutput(join(dir, demoDocumentName(p, ext)), {
        inputs: [opts.book],
        force: opts.force === true,
      });
      await writeDocumentFile(model, out, opts.on);
    }
  }
  const kinds = new Set(picks.map((p) => p.kind)).size;
  return `  ${DEMO_DOCUMENTS_DIR}/ — документы по случаям (${kinds} из ${DOCUMENT_KINDS.length} видов) в .xlsx и .docx`;
}
