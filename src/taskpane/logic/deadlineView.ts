/**
 * The «Сроки» view: the register's deadline rows on a date (computeDeadlineList, which follows the
 * register's «Регламент»), grouped into overdue / today / the next 7 days, and — when the user
 * asks — the steps already done. Each line names the person: the child (surname, name,
 * patronymic), the class and the curator (or the person responsible for the step), looked up in
 * the register the pane already has. Rows of the school itself («case» null: the monthly report,
 * the electronic register) name the person responsible and have no case to open.
 */
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { computeDeadlineList } from "../../core/deadlines";
import type { DeadlineStatus } from "../../core/deadlines/deadlineRow";
import { groupDeadlines } from "../../core/deadlines/groupDeadlines";
import type { Episode, Register } from "../../core/register/model";
import { STEPS, type StepKey } from "../../core/register/schema";
import { matchKey } from "../../core/text";
import { registerCalendar } from "../../excel/writeCase";

/**
 * A deadline row as the pane reads it: the core's row, but tolerant of the school's own rows
 * (`case: null`, steps outside the episode's steps) and of fields added later.
 */
export interface PaneDeadlineRow {
  readonly case: string | null;
  readonly step: string;
  readonly due: IsoDate;
  readonly done: IsoDate | null;
  readonly status: DeadlineStatus;
  readonly reason: string | null;
  readonly stepName: string;
  readonly lastDone?: IsoDate | null;
}

export interface DeadlineItem {
  /** Stable key for React and for tests: «В-3:order», «школа:monthlyReport:2026-12-07». */
  readonly key: string;
  readonly row: PaneDeadlineRow;
  /** The episode's step, when the row is a case's regulated step (it can be marked done). */
  readonly caseStep: StepKey | null;
  /** «Иванов Иван Иванович»; "" when the register has no name (or for the school's rows). */
  readonly childName: string;
  readonly className: string;
  /** The curator of the case, else the person responsible for the step. */
  readonly responsible: string;
  /** Whether `responsible` is the case's curator (not the step's responsible person). */
  readonly isCurator: boolean;
  readonly dueText: string;
  /** «выполнено 20.11.2026» for a done step, else null. */
  readonly doneText: string | null;
}

export type SectionId = "overdue" | "today" | "nextWeek" | "done";

export interface DeadlineSection {
  readonly id: SectionId;
  readonly title: string;
  readonly items: readonly DeadlineItem[];
}

/** «Иванов Иван Иванович», or "" when the row has no name. */
export function childName(episode: Episode | undefined): string {
  if (episode === undefined) {
    return "";
  }
  return [episode.lastName, episode.firstName, episode.patronymic]
    .filter((s) => s !== "")
    .join(" ");
}

const CASE_STEPS: ReadonlySet<string> = new Set(STEPS.map((s) => s.key));

function isCaseStep(step: string): step is StepKey {
  return CASE_STEPS.has(step);
}

/** A text field of a row the core may add (e.g. the person responsible for a school row). */
function extraText(row: PaneDeadlineRow, ...keys: string[]): string {
  const r = row as unknown as Record<string, unknown>;
  for (const k of keys) {
    const v = r[k];
    if (typeof v === "string" && v.trim() !== "") {
      return v.trim();
    }
  }
  return "";
}

/** Looks up the people of each row in the register. */
export function deadlineItems(
  register: Register,
  rows: readonly PaneDeadlineRow[]
): DeadlineItem[] {
  const byCode = new Map(register.episodes.map((e) => [matchKey(e.code), e]));
  // «Ответственный» of the open (else latest) «Мероприятия» row of a case's step.
  const actionResponsible = new Map<string, string>();
  for (const a of register.actions) {
    if (a.step === null || a.responsible === "") {
      continue;
    }
    const key = `${matchKey(a.caseCode)}:${a.step}`;
    if (a.done === null || !actionResponsible.has(key)) {
      actionResponsible.set(key, a.responsible);
    }
  }
  const profile = new Map(register.regulation.steps.map((s) => [s.step as string, s.responsible]));
  return rows.map((row) => {
    const episode = row.case === null ? undefined : byCode.get(matchKey(row.case));
    const caseStep = row.case !== null && isCaseStep(row.step) ? row.step : null;
    const curator = episode?.curator ?? "";
    const responsible =
      curator ||
      (row.case !== null
        ? (actionResponsible.get(`${matchKey(row.case)}:${row.step}`) ?? "")
        : "") ||
      extraText(row, "curator", "responsible", "responsiblePerson") ||
      (profile.get(row.step) ?? "") ||
      (row.case === null ? register.settings.executor.name : "");
    return {
      key: `${row.case ?? "школа"}:${row.step}${row.case === null ? `:${row.due}` : ""}`,
      row,
      caseStep,
      childName: episode ? childName(episode) : extraText(row, "childName", "name"),
      className: episode?.className ?? extraText(row, "className", "class"),
      responsible,
      isCurator: curator !== "",
      dueText: formatDateRu(row.due),
      doneText: row.done === null ? null : `выполнено ${formatDateRu(row.done)}`,
    };
  });
}

/**
 * The sections of «Сроки» on a date from deadline rows: overdue, today, the next 7 days, and
 * (with `showDone`) the steps done, latest first.
 */
export function deadlineSections(
  register: Register,
  rows: readonly PaneDeadlineRow[],
  on: IsoDate,
  showDone = false
): DeadlineSection[] {
  // groupDeadlines only compares dates and statuses: the pane's rows fit it.
  const groups = groupDeadlines(rows as Parameters<typeof groupDeadlines>[0], on);
  const sections: DeadlineSection[] = [
    { id: "overdue", title: "Просрочено", items: deadlineItems(register, groups.overdue) },
    { id: "today", title: "Сегодня", items: deadlineItems(register, groups.today) },
    { id: "nextWeek", title: "Ближайшие 7 дней", items: deadlineItems(register, groups.nextWeek) },
  ];
  if (showDone) {
    const done = rows
      .filter((r) => r.status === "выполнено")
      .sort((a, b) =>
        (a.done ?? "") < (b.done ?? "") ? 1 : (a.done ?? "") > (b.done ?? "") ? -1 : 0
      );
    sections.push({ id: "done", title: "Выполнено", items: deadlineItems(register, done) });
  }
  return sections;
}

/** The deadline rows of the register on a date (its «Регламент» and calendar). */
export function registerDeadlines(register: Register, on: IsoDate): PaneDeadlineRow[] {
  return computeDeadlineList(register, on, registerCalendar(register));
}

/** The sections of «Сроки» of the register on a date. */
export function buildDeadlineView(
  register: Register,
  on: IsoDate,
  showDone = false
): DeadlineSection[] {
  return deadlineSections(register, registerDeadlines(register, on), on, showDone);
}

/** How many steps are done (for the «show done» switch). */
export function doneCount(rows: readonly PaneDeadlineRow[]): number {
  return rows.filter((r) => r.status === "выполнено").length;
}
