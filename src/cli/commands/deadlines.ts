/**
 * `vshu deadlines BOOK.xlsx [--on YYYY-MM-DD] [--json] [--all] [--by-curator]`: every
 * regulated step of every open episode, with the periods of the register's «Регламент», and
 * the school's own deadlines, due dates on the production calendar of the register's region.
 * The text is for people: each line names the child, the class and the curator (or the person
 * responsible); steps already done are hidden unless `--all`; `--by-curator` groups by person.
 * The list stays on the school's computer: it is printed, never sent.
 */
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { createRegisterCalendar } from "../../core/calendar/productionCalendar";
import {
  computeDeadlineList,
  personOf,
  toDeadlinesJson,
  type DeadlineJson,
  type ListedDeadline,
  type SentReport,
} from "../../core/deadlines";
import { pluralRu } from "../../core/text";
import { readSentReports } from "../mail/sendLog";
import { readRegister } from "../xlsx/readRegister";

export interface DeadlinesOptions {
  readonly book: string;
  readonly on: IsoDate;
  /**
   * The monthly reports already sent (`readSentPeriods(book)` of `vshu monthly`): periods
   * «YYYY-MM», plain or with the day sent. Absent: only the report due next is listed.
   */
  readonly sentReports?: readonly (string | SentReport)[];
}

export async function runDeadlines(
  opts: DeadlinesOptions
): Promise<{ rows: ListedDeadline[]; json: DeadlineJson[] }> {
  const register = await readRegister(opts.book);
  const calendar = createRegisterCalendar(register);
  // What `vshu send` logged beside the register marks the monthly report done.
  const sent =
    opts.sentReports ?? (await readSentReports(opts.book, register.settings.school)) ?? undefined;
  const rows = computeDeadlineList(
    register,
    opts.on,
    calendar,
    sent === undefined ? {} : { sentReports: sent }
  );
  return { rows, json: toDeadlinesJson(rows) };
}

export interface DeadlinesTextOptions {
  /** Show the steps already done too (`--all`). */
  readonly all?: boolean;
  /** Group the lines by curator, or by the person responsible (`--by-curator`). */
  readonly byCurator?: boolean;
}

const SCHOOL = "Школа";

const SECTIONS: readonly [ListedDeadline["status"], string][] = [
  ["просрочено", "Просрочено"],
  ["сегодня", "Срок сегодня"],
  ["предстоит", "Предстоит"],
  ["выполнено", "Выполнено"],
];

/** «В-1 Монгуш Айдыс Оолакович, 5А» or «Школа». */
function who(r: ListedDeadline): string {
  if (r.case === null) {
    return SCHOOL;
  }
  const child = [r.child, r.className].filter((s) => s !== "").join(", ");
  return child === "" ? r.case : `${r.case} ${child}`;
}

/** «куратор: …» or «отв.: …», or "" when nobody is named. */
function personLabel(r: ListedDeadline): string {
  if (r.curator !== "") {
    return `куратор: ${r.curator}`;
  }
  return r.responsible !== "" ? `отв.: ${r.responsible}` : "";
}

/** One line: who, the step, the due date, the status, the completion and why the date moved. */
function line(r: ListedDeadline, withPerson: boolean): string {
  const done =
    r.status === "выполнено"
      ? r.done
        ? `выполнено ${formatDateRu(r.done)}`
        : "выполнено"
      : r.lastDone
        ? `последний раз ${formatDateRu(r.lastDone)}`
        : "";
  return [
    withPerson ? [who(r), personLabel(r)].filter((s) => s !== "").join(", ") : who(r),
    r.stepName,
    `срок ${formatDateRu(r.due)}`,
    r.status === "выполнено" ? "" : r.status,
    done,
    r.reason ?? "",
  ]
    .filter((p) => p !== "")
    .join(" | ");
}

const byDue = (a: ListedDeadline, b: ListedDeadline): number =>
  a.due < b.due ? -1 : a.due > b.due ? 1 : 0;

/**
 * The lines of one list of rows, by status (overdue first), each section sorted by due date;
 * at the top level the sections are apart by an empty line.
 */
function sections(rows: readonly ListedDeadline[], indent: string, withPerson: boolean): string[] {
  const out: string[] = [];
  for (const [status, title] of SECTIONS) {
    const list = rows.filter((r) => r.status === status);
    if (list.length === 0) {
      continue;
    }
    if (indent === "" && out.length > 0) {
      out.push("");
    }
    out.push(`${indent}${title}: ${list.length}`);
    const sorted = status === "выполнено" ? list : [...list].sort(byDue);
    out.push(...sorted.map((r) => `${indent}  ${line(r, withPerson)}`));
  }
  return out;
}

const steps = (n: number): string => `${n} ${pluralRu(n, ["шаг", "шага", "шагов"])}`;

/**
 * The deadlines for the terminal, in Russian: what needs attention first (overdue, today),
 * then what is coming, then (with `all`) the steps already done; by curator when asked.
 */
export function formatDeadlinesText(
  rows: readonly ListedDeadline[],
  on: IsoDate,
  opts: DeadlinesTextOptions = {}
): string {
  const shown = opts.all ? rows : rows.filter((r) => r.status !== "выполнено");
  const hidden = rows.length - shown.length;
  const open = new Set(rows.filter((r) => r.case !== null).map((r) => r.case)).size;
  const head = [
    `Сроки на ${formatDateRu(on)}: ${steps(shown.length)}` +
      (hidden > 0 ? ` (выполненные скрыты: ${hidden}; показать все: --all)` : ""),
  ];
  if (open === 0) {
    head.push(`Открытых случаев на ${formatDateRu(on)} нет.`);
  }
  if (shown.length === 0) {
    return [...head, "", "Невыполненных шагов нет."].join("\n");
  }
  if (!opts.byCurator) {
    return [...head, "", ...sections(shown, "", true)].join("\n");
  }
  const groups = new Map<string, ListedDeadline[]>();
  for (const r of shown) {
    const key = groupTitle(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = head;
  for (const [title, list] of [...groups].sort(([a], [b]) => compareGroups(a, b))) {
    out.push("", `${title} — ${steps(list.length)}`, ...sections(list, "  ", false));
  }
  return out.join("\n");
}

const NOBODY = "Куратор и ответственный не указаны";

/** «Куратор: …», «Ответственный: …», or nobody. */
function groupTitle(r: ListedDeadline): string {
  const person = personOf(r);
  if (person === "") {
    return NOBODY;
  }
  return r.curator !== "" ? `Куратор: ${person}` : `Ответственный: ${person}`;
}

/** Curators first (by name), then the responsible persons, then nobody. */
function compareGroups(a: string, b: string): number {
  const rank = (t: string): number => (t === NOBODY ? 2 : t.startsWith("Куратор") ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b, "ru");
}
