/**
 * What every document takes from the register (shared/spec/documents.md «Common to every
 * document»), and the wording helpers they share: names, dates, the decision that registered
 * the episode, the source of the filing, the indicators in full wording.
 */
import { findIndicator, type Level } from "../indicators/catalog";
import { suggestTargetGroup } from "../indicators/targetGroup";
import { formatDateRu, parseDateText, type IsoDate } from "../dates/isoDate";
import type { Action, Episode, Family, Regulation, Settings, Signal } from "../register/model";
import type { StepKey } from "../register/schema";
import { matchKey } from "../text";
import { BLANK_DATE, type FieldValue, type LineBlock, type LinePart } from "./model";

/**
 * A deadline of the episode on the day the document is made: `computeDeadlines` rows (only the
 * fields the documents read, so that rows for the school itself, with `case: null`, fit too).
 */
export interface DocumentDeadline {
  readonly case: string | null;
  readonly step: string;
  readonly due: IsoDate;
  readonly done: IsoDate | null;
  readonly status: string;
}

/** Everything one document is built from. */
export interface DocumentContext {
  /** The episode; null only for a signal card that names no episode. */
  readonly episode: Episode | null;
  /** The episode's family («Семьи» row of its «Код семьи»), or null. */
  readonly family: Family | null;
  /**
   * The family's children as «Учёт» knows them, one episode per child (the latest), this
   * child included; just this episode when it has no family code.
   */
  readonly familyEpisodes: readonly Episode[];
  /** The signal card (a «Сигналы» row), or null. */
  readonly signal: Signal | null;
  /** The episode's rows of «Мероприятия». */
  readonly actions: readonly Action[];
  readonly settings: Settings;
  readonly regulation: Regulation;
  /** The episode's deadlines on `made` (other rows are ignored). */
  readonly deadlines: readonly DocumentDeadline[];
  /** The day the document is made (the core never reads the clock). */
  readonly made: IsoDate;
}

/** «Фамилия Имя Отчество» as the register writes it (never declined). */
export function fullName(e: Pick<Episode, "lastName" | "firstName" | "patronymic">): string {
  return [e.lastName, e.firstName, e.patronymic].filter((p) => p !== "").join(" ");
}

/** «Иванов И. И.», for sheet and file names. */
export function shortName(e: Pick<Episode, "lastName" | "firstName" | "patronymic">): string {
  const initials = [e.firstName, e.patronymic]
    .filter((p) => p !== "")
    .map((p) => `${p.slice(0, 1)}.`)
    .join(" ");
  return [e.lastName, initials].filter((p) => p !== "").join(" ");
}

/** An empty string as a blank. */
export function orBlank(text: string | null | undefined): FieldValue {
  const t = (text ?? "").trim();
  return t === "" ? null : t;
}

/** A date as ДД.ММ.ГГГГ, or a blank. */
export function dateValue(date: IsoDate | null): FieldValue {
  return date === null ? null : formatDateRu(date);
}

/** A date as ДД.ММ.ГГГГ, or «“__” ________ 20__ г.» (a text, not a blank line). */
export function dateOrForm(date: IsoDate | null): string {
  return date === null ? BLANK_DATE : formatDateRu(date);
}

/** A line of parts. */
export function line(...parts: LinePart[]): LineBlock {
  return { type: "line", parts };
}

/** A label part. */
export function label(text: string, marked = false): LinePart {
  return marked ? { type: "label", text, marked } : { type: "label", text };
}

/** A value part, with its caption and weight when given. */
export function value(v: FieldValue, caption?: string, weight?: number): LinePart {
  return {
    type: "value",
    value: v,
    ...(caption === undefined ? {} : { caption }),
    ...(weight === undefined ? {} : { weight }),
  };
}

/**
 * The level the filing is for: the decided level, else the suggested group (2 when any
 * С-indicator is present), else 1.
 */
export function filingLevel(e: Episode): Level {
  if (e.level !== null) {
    return e.level;
  }
  return suggestTargetGroup(e.indicators).group === 2 ? 2 : 1;
}

/** Who decided and by what: the council's protocol (level 1) or the commission's постановление. */
export interface Decision {
  readonly level: Level;
  /** «протокол» of the Совет профилактики or «постановление» of the КДН и ЗП. */
  readonly body: "council" | "commission";
  readonly number: FieldValue;
  readonly date: FieldValue;
}

const NUMBER_RE = /№\s*([^\s,;()]+)/;
const DATE_RE = /(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})/;

/**
 * The number and date of a decision written in free text: «протокол Совета профилактики № 4
 * от 27.08.2026», «№ 4», «4». The date falls back to `fallback` (the registration date: the
 * decision's date is «Дата постановки», docs/decisions.md).
 * @example decisionParts("протокол № 4 от 27.08.2026", null) //=> { number: "4", date: "27.08.2026" }
 */
export function decisionParts(
  text: string,
  fallback: IsoDate | null
): { number: FieldValue; date: FieldValue } {
  const t = text.trim();
  const n = NUMBER_RE.exec(t);
  let number: FieldValue = n?.[1] ?? null;
  if (number === null && t !== "" && !/\s/.test(t) && parseDateText(t) === null) {
    number = t;
  }
  const d = DATE_RE.exec(t);
  const parsed = d?.[1] ? parseDateText(d[1]) : null;
  const date = parsed ?? fallback;
  return { number, date: date === null ? null : formatDateRu(date) };
}

/** The decision that registered the episode (blanks while it is not registered). */
export function registrationDecision(e: Episode): Decision {
  const level = filingLevel(e);
  const { number, date } = decisionParts(e.protocol, e.registered);
  return { level, body: level === 2 ? "commission" : "council", number, date };
}

/** «протокол Совета профилактики» / «постановление КДН и ЗП». */
export function decisionName(body: Decision["body"]): string {
  return body === "council" ? "протокол Совета профилактики" : "постановление КДН и ЗП";
}

/** A decision as text: «протокол Совета профилактики от 27.08.2026 № 4», blanks as form lines. */
export function decisionText(d: Decision, form: "nominative" | "genitive" = "nominative"): string {
  const name =
    form === "genitive"
      ? d.body === "council"
        ? "протокола Совета профилактики"
        : "постановления КДН и ЗП"
      : decisionName(d.body);
  return `${name} от ${d.date ?? BLANK_DATE} № ${d.number ?? "_____"}`;
}

/** The group's wording of a level (documents.md §2: level 1 is not «социально опасное положение»). */
export const LEVEL_WORDS: Readonly<Record<Level, string>> = {
  1: "группы риска на ранней стадии семейного неблагополучия",
  2: "находящихся в социально опасном положении",
};

/** The target group in the seed's words, after «несовершеннолетнего, …» (the order). */
export const LEVEL_FAMILY_WORDS: Readonly<Record<Level, string>> = {
  1: "воспитывающегося в семье на ранней стадии семейного неблагополучия (первая целевая группа)",
  2: "воспитывающегося в семье, находящейся в социально опасном положении (вторая целевая группа)",
};

/** The indicators in the full wording of annex 1, С-codes first when asked. */
export function indicatorWordings(codes: readonly string[], level2First = false): string[] {
  const known = codes.map((c) => findIndicator(c)).filter((i) => i !== undefined);
  const ordered = level2First
    ? [...known.filter((i) => i.level === 2), ...known.filter((i) => i.level === 1)]
    : known;
  return ordered.map((i) => i.full);
}

/** Sources that are outside bodies, written out in the genitive of «по представлению …». */
const OUTSIDE_SOURCES: readonly { readonly key: string; readonly text: string }[] = [
  {
    key: "пдн овд",
    text: "подразделения по делам несовершеннолетних органа внутренних дел (ПДН ОВД)",
  },
  { key: "пдн", text: "подразделения по делам несовершеннолетних органа внутренних дел (ПДН ОВД)" },
  { key: "кдн и зп", text: "комиссии по делам несовершеннолетних и защите их прав (КДН и ЗП)" },
  { key: "кдн", text: "комиссии по делам несовершеннолетних и защите их прав (КДН и ЗП)" },
  { key: "соцзащита", text: "органа социальной защиты населения" },
  { key: "социальная защита", text: "органа социальной защиты населения" },
  { key: "опека", text: "органа опеки и попечительства" },
  { key: "здравоохранение", text: "медицинской организации" },
];

/** Sources inside the school: the filing is the school's own, the line stays blank. */
const SCHOOL_SOURCES = new Set(
  [
    "классный руководитель",
    "социальный педагог",
    "педагог-психолог",
    "психолог",
    "учитель",
    "воспитатель",
    "администрация",
    "другое",
  ].map(matchKey)
);

/**
 * «а также по представлению ___»: the source written out in full when it is an outside body
 * (documents.md §2 item 6); a blank for the school's own staff; other text as typed.
 * @example sourceWording("опека") //=> "органа опеки и попечительства"
 */
export function sourceWording(source: string): FieldValue {
  const key = matchKey(source);
  if (key === "") {
    return null;
  }
  const exact = OUTSIDE_SOURCES.find((s) => s.key === key);
  if (exact) {
    return exact.text;
  }
  if (SCHOOL_SOURCES.has(key)) {
    return null;
  }
  const prefix = OUTSIDE_SOURCES.find((s) => key.startsWith(`${s.key} `));
  return prefix ? prefix.text : source.trim();
}

/** The family's social status as the register lists it. */
export function familyStatus(family: Family | null): FieldValue {
  return family === null ? null : orBlank(family.status.join(", "));
}

/**
 * «семью ___»: the parents' (or the guardian's) names as written (never declined), else the
 * child's surname.
 */
export function familyNames(family: Family | null, e: Episode): FieldValue {
  const names = family
    ? [family.mother, family.father, family.guardian].map((n) => n.trim()).filter((n) => n !== "")
    : [];
  return names.length > 0 ? names.join(", ") : orBlank(e.lastName);
}

/**
 * «Имеются дети ___»: «Дети семьи» split at line breaks and semicolons, else the family's
 * children in «Учёт»: name, year of birth, class.
 */
export function familyChildren(ctx: DocumentContext): string[] {
  const typed = ctx.family?.children ?? "";
  if (typed.trim() !== "") {
    return typed
      .split(/[\n;]+/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
  return ctx.familyEpisodes.map((e) => {
    const parts = [[e.lastName, e.firstName].filter((p) => p !== "").join(" ")];
    if (e.birthDate) {
      parts.push(`${e.birthDate.slice(0, 4)} г. р.`);
    }
    if (e.className !== "") {
      parts.push(`обучается в ${e.className} классе`);
    }
    return parts.join(", ");
  });
}

/** The wording of the regulated steps in the order and «Почему на учёте». */
export const STEP_WORDS: Readonly<Record<StepKey, string>> = {
  inform: "информирование субъектов профилактики",
  order: "приказ о постановке на внутришкольный учёт",
  meeting: "заседание коллегиального органа для разработки индивидуального плана сопровождения",
  visit: "выход в семью или приглашение в школу законных представителей",
  inspection: "обследование жилищно-бытовых условий (акт обследования)",
  characteristic: "характеристика несовершеннолетнего",
  observation: "карта педагогического наблюдения",
  successReview: "отслеживание «показателей успешности»",
  planReview: "анализ и пересмотр индивидуального плана сопровождения",
};

/** The settings' school name, or a blank. */
export function schoolName(settings: Settings): FieldValue {
  return orBlank(settings.school);
}

/** The year of birth only (annexes 3, 4). */
export function birthYear(e: Episode): FieldValue {
  return e.birthDate === null ? null : e.birthDate.slice(0, 4);
}
