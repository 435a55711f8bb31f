/**
 * The latest register read with a write's own rows added, so that the next write needs no new
 * read (saving a case stays one sync): the tables' sizes grow by the rows appended, episodes and
 * actions are added or replaced as written. Pure: no Office.js here.
 */
import { excelSerialToIso, type IsoDate } from "../core/dates/isoDate";
import { STEPS } from "../core/register/schema";
import type { Action, Episode } from "../core/register/model";
import type { CaseDraft, LayoutKey, RegisterRead, TableLayout } from "./gateway";
import type { RowRecord } from "./rows";

export interface ReadChanges {
  readonly episodes?: readonly Episode[];
  readonly replace?: readonly Episode[];
  readonly actions?: readonly Action[];
  readonly doneRow?: { readonly row: number; readonly date: IsoDate };
}

/** The read after a write appended `appended` rows per table and made `changes`. */
export function patched(
  read: RegisterRead,
  appended: Partial<Record<LayoutKey, number>>,
  changes: ReadChanges
): RegisterRead {
  const tables: Partial<Record<LayoutKey, TableLayout>> = { ...read.snapshot.tables };
  for (const [key, n] of Object.entries(appended) as [LayoutKey, number][]) {
    const t = tables[key];
    if (t && n > 0) {
      const filled = t.onlyBlankRow ? 1 : 0;
      tables[key] = { ...t, bodyRows: t.bodyRows + n - filled, onlyBlankRow: false };
    }
  }
  const r = read.register;
  const byRow = new Map((changes.replace ?? []).map((e) => [e.row, e]));
  const episodes = r.episodes.map((e) => byRow.get(e.row) ?? e).concat(changes.episodes ?? []);
  const done = changes.doneRow;
  const actions = (
    done ? r.actions.map((a) => (a.row === done.row ? { ...a, done: done.date } : a)) : r.actions
  ).concat(changes.actions ?? []);
  return {
    register: { ...r, episodes, actions },
    issues: read.issues,
    snapshot: { ...read.snapshot, tables },
  };
}

/** The episode a draft becomes at a row. */
export function episodeOf(draft: CaseDraft, code: string, row: number): Episode {
  return {
    row,
    code,
    lastName: draft.lastName,
    firstName: draft.firstName,
    patronymic: draft.patronymic,
    birthDate: draft.birthDate,
    className: draft.className,
    familyCode: draft.familyCode,
    identified: draft.identified,
    source: draft.source,
    indicators: draft.indicators,
    level: draft.level,
    registered: draft.registered,
    protocol: draft.protocol,
    removed: null,
    removalReason: "",
    curator: draft.curator,
    note: draft.note,
    removalProtocol: "",
    childKey: `случай:${code}`,
    familyKey: draft.familyCode || `случай:${code}`,
  };
}

/** The actions «Мероприятия» rows become, from the sheet row of the first. */
export function stepActions(
  code: string,
  records: readonly RowRecord[],
  firstRow: number
): Action[] {
  return records.map((rec, i) => {
    const title = String(rec["Шаг"]?.value ?? "");
    const step = STEPS.find((s) => s.title === title)?.key ?? null;
    const due = rec["Срок"]?.value;
    const done = rec["Выполнено"]?.value;
    return {
      row: firstRow + i,
      caseCode: code,
      step,
      section: "ребёнок",
      direction: "",
      title: String(rec["Мероприятие"]?.value ?? ""),
      due: typeof due === "number" ? excelSerialToIso(due) : null,
      responsible: String(rec["Ответственный"]?.value ?? ""),
      done: typeof done === "number" ? excelSerialToIso(done) : null,
      note: String(rec["Примечание"]?.value ?? ""),
      block: null,
    };
  });
}

/** The draft of a case as it stands in the register (for a transfer). */
export function draftOf(e: Episode): CaseDraft {
  return {
    code: e.code,
    lastName: e.lastName,
    firstName: e.firstName,
    patronymic: e.patronymic,
    birthDate: e.birthDate,
    className: e.className,
    familyCode: e.familyCode,
    newFamily: null,
    identified: e.identified,
    source: e.source,
    indicators: e.indicators,
    level: e.level,
    registered: e.registered,
    protocol: e.protocol,
    curator: e.curator,
    note: e.note,
  };
}
