/** The episodes a quick entry can name, as options of a list. */
import type { IsoDate } from "../../core/dates/isoDate";
import { isOpenOn } from "../../core/deadlines/computeDeadlines";
import { naturalKey } from "../../core/deadlines/naturalCompare";
import type { Episode, Register } from "../../core/register/model";
import { childName } from "./deadlineView";

export interface CaseOption {
  readonly code: string;
  readonly label: string;
}

/** «В-3 — Иванов Иван (ур. 1)». */
export function caseLabel(e: Episode): string {
  const name = childName(e);
  const level = e.level === null ? "не поставлен" : `ур. ${e.level}`;
  return `${e.code} — ${name === "" ? "без имени" : name} (${level})`;
}

/** Open episodes on a date (optionally only those a filter keeps), in natural code order. */
export function caseOptions(
  register: Register,
  on: IsoDate,
  keep: (e: Episode) => boolean = () => true
): CaseOption[] {
  return register.episodes
    .filter((e) => isOpenOn(e, on) && keep(e))
    .map((e) => ({ key: naturalKey(e.code), option: { code: e.code, label: caseLabel(e) } }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.option);
}

/** Every episode (open or not), for the «Случай» picker. */
export function allCaseOptions(register: Register): CaseOption[] {
  return register.episodes
    .map((e) => ({ key: naturalKey(e.code), option: { code: e.code, label: caseLabel(e) } }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.option);
}
