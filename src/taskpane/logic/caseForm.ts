/**
 * The «Случай» form as plain data: its state, loading an episode into it, and checking it into
 * a `CaseDraft` for `RegisterGateway.saveCase`. Every message is Russian and names the field.
 */
import type { IsoDate } from "../../core/dates/isoDate";
import { formatDateRu } from "../../core/dates/isoDate";
import type { Level } from "../../core/indicators/catalog";
import { checkDecidedLevel } from "../../core/indicators/targetGroup";
import type { Episode, Family, Register } from "../../core/register/model";
import { matchKey } from "../../core/text";
import type { CaseDraft, FamilyDraft } from "../../excel/gateway";
import { readDateInput, showDate } from "./dateInput";

export type FamilyMode = "none" | "existing" | "new";

export interface FamilyFormState {
  readonly code: string;
  readonly status: readonly string[];
  readonly mother: string;
  readonly father: string;
  readonly guardian: string;
  readonly address: string;
  readonly registrationAddress: string;
  readonly phone: string;
}

export interface CaseFormState {
  /** Empty for a new case. */
  readonly code: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic: string;
  readonly birthDate: string;
  readonly className: string;
  readonly familyMode: FamilyMode;
  readonly familyCode: string;
  readonly newFamily: FamilyFormState;
  readonly identified: string;
  readonly source: string;
  readonly indicators: readonly string[];
  /** "" (not registered), "1" or "2". */
  readonly level: "" | "1" | "2";
  readonly registered: string;
  readonly protocol: string;
  readonly curator: string;
  readonly note: string;
  /** Why the decided level differs from the suggestion (required then). */
  readonly levelReason: string;
}

export type CaseField =
  | "lastName"
  | "firstName"
  | "birthDate"
  | "familyCode"
  | "newFamilyCode"
  | "identified"
  | "source"
  | "level"
  | "registered"
  | "protocol"
  | "levelReason";

export type CaseErrors = Partial<Record<CaseField, string>>;

export const EMPTY_FAMILY: FamilyFormState = {
  code: "",
  status: [],
  mother: "",
  father: "",
  guardian: "",
  address: "",
  registrationAddress: "",
  phone: "",
};

/** The note's marker before the written reason for a level that differs from the suggestion. */
export const LEVEL_REASON_MARK = "Причина решения об уровне:";

/** A blank form for a new case identified today. */
export function emptyCaseForm(today: IsoDate): CaseFormState {
  return {
    code: "",
    lastName: "",
    firstName: "",
    patronymic: "",
    birthDate: "",
    className: "",
    familyMode: "none",
    familyCode: "",
    newFamily: EMPTY_FAMILY,
    identified: formatDateRu(today),
    source: "",
    indicators: [],
    level: "",
    registered: "",
    protocol: "",
    curator: "",
    note: "",
    levelReason: "",
  };
}

/** The form of an existing episode. */
export function caseFormFromEpisode(episode: Episode): CaseFormState {
  const at = episode.note.indexOf(LEVEL_REASON_MARK);
  const note = at >= 0 ? episode.note.slice(0, at).trim() : episode.note;
  const levelReason = at >= 0 ? episode.note.slice(at + LEVEL_REASON_MARK.length).trim() : "";
  return {
    code: episode.code,
    lastName: episode.lastName,
    firstName: episode.firstName,
    patronymic: episode.patronymic,
    birthDate: showDate(episode.birthDate),
    className: episode.className,
    familyMode: episode.familyCode === "" ? "none" : "existing",
    familyCode: episode.familyCode,
    newFamily: EMPTY_FAMILY,
    identified: showDate(episode.identified),
    source: episode.source,
    indicators: [...episode.indicators],
    level: episode.level === null ? "" : episode.level === 1 ? "1" : "2",
    registered: showDate(episode.registered),
    protocol: episode.protocol,
    curator: episode.curator,
    note,
    levelReason,
  };
}

/** Turns an indicator on or off, keeping the list without repeats. */
export function toggleIndicator(codes: readonly string[], code: string, on: boolean): string[] {
  const rest = codes.filter((c) => c !== code);
  return on ? [...rest, code] : rest;
}

/** The decided level of the form, or null while the case is not registered. */
export function formLevel(state: CaseFormState): Level | null {
  return state.level === "1" ? 1 : state.level === "2" ? 2 : null;
}

/** The message shown when the decided level differs from the suggestion, else null. */
export function levelMismatch(state: CaseFormState): string | null {
  const level = formLevel(state);
  return level === null ? null : checkDecidedLevel(level, state.indicators).message;
}

export type CaseCheck =
  | { readonly ok: true; readonly draft: CaseDraft }
  | { readonly ok: false; readonly errors: CaseErrors };

/**
 * Checks the form against the register: names and dates, the family, the decision.
 * @param today the date of the check (dates after it are refused)
 */
export function checkCaseForm(state: CaseFormState, register: Register, today: IsoDate): CaseCheck {
  const errors: CaseErrors = {};
  const need = (field: CaseField, value: string, message: string): void => {
    if (value.trim() === "") {
      errors[field] = message;
    }
  };
  need("lastName", state.lastName, "Укажите фамилию ребёнка");
  need("firstName", state.firstName, "Укажите имя ребёнка");

  const date = (field: CaseField, text: string, required: boolean): IsoDate | null => {
    const read = readDateInput(text, required);
    if (!read.ok) {
      errors[field] = read.message;
      return null;
    }
    if (read.value !== null && read.value > today) {
      errors[field] = `Дата позже сегодняшней (${formatDateRu(today)})`;
      return null;
    }
    return read.value;
  };
  const birthDate = date("birthDate", state.birthDate, false);
  const identified = date("identified", state.identified, true);
  const registered = date("registered", state.registered, false);
  if (birthDate !== null && identified !== null && birthDate >= identified) {
    errors.birthDate = "Дата рождения должна быть раньше даты выявления";
  }

  const level = formLevel(state);
  if (level !== null) {
    if (state.registered.trim() === "") {
      errors.registered = "При уровне учёта укажите дату постановки (дату решения)";
    }
    need(
      "protocol",
      state.protocol,
      level === 2
        ? "Укажите номер постановления КДН и ЗП"
        : "Укажите номер протокола Совета профилактики"
    );
    if (levelMismatch(state) !== null && state.levelReason.trim() === "") {
      errors.levelReason = "Уровень не совпадает с рекомендацией: напишите причину решения";
    }
  } else if (registered !== null) {
    errors.level = "Дата постановки указана: выберите уровень учёта (1 или 2)";
  }
  if (registered !== null && identified !== null && registered < identified) {
    errors.registered = "Дата постановки не может быть раньше даты выявления";
  }

  const newFamily = checkFamily(state, register.families, errors);
  if (Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const reason = state.levelReason.trim();
  const note = [
    state.note.trim(),
    reason !== "" && levelMismatch(state) !== null ? `${LEVEL_REASON_MARK} ${reason}` : "",
  ]
    .filter((s) => s !== "")
    .join(" ");
  return {
    ok: true,
    draft: {
      code: state.code,
      lastName: state.lastName.trim(),
      firstName: state.firstName.trim(),
      patronymic: state.patronymic.trim(),
      birthDate,
      className: state.className.trim(),
      familyCode:
        state.familyMode === "existing"
          ? state.familyCode.trim()
          : state.familyMode === "new"
            ? state.newFamily.code.trim()
            : "",
      newFamily,
      identified,
      source: state.source.trim(),
      indicators: [...state.indicators],
      level,
      registered: level === null ? null : registered,
      protocol: level === null ? "" : state.protocol.trim(),
      curator: state.curator.trim(),
      note,
    },
  };
}

function checkFamily(
  state: CaseFormState,
  families: readonly Family[],
  errors: CaseErrors
): FamilyDraft | null {
  if (state.familyMode === "existing" && state.familyCode.trim() === "") {
    errors.familyCode = "Выберите семью из списка";
  }
  if (state.familyMode !== "new") {
    return null;
  }
  const f = state.newFamily;
  const code = f.code.trim();
  if (code === "") {
    errors.newFamilyCode = "Укажите код новой семьи";
  } else if (families.some((x) => matchKey(x.code) === matchKey(code))) {
    errors.newFamilyCode = `Семья с кодом «${code}» уже есть: выберите её из списка`;
  }
  return {
    code,
    status: [...f.status],
    mother: f.mother.trim(),
    father: f.father.trim(),
    guardian: f.guardian.trim(),
    address: f.address.trim(),
    registrationAddress: f.registrationAddress.trim(),
    phone: f.phone.trim(),
  };
}

/** Suggests the next free family code in the register's own style («С-07» after «С-06»). */
export function nextFamilyCode(families: readonly Family[]): string {
  let max = 0;
  let prefix = "С-";
  let width = 2;
  for (const f of families) {
    const m = /^(.*?)(\d+)$/.exec(f.code.trim());
    if (m && Number(m[2]) >= max) {
      max = Number(m[2]);
      prefix = m[1] ?? prefix;
      width = (m[2] ?? "").length;
    }
  }
  return `${prefix}${String(max + 1).padStart(width, "0")}`;
}
