/**
 * Removal from the register and the transfer 1 → 2 as the pane asks for them: the body that
 * decides (level 1 and a child not yet registered: the Совет профилактики, by its protocol;
 * level 2: the КДН и ЗП, by its постановление — the school records the commission's decision,
 * it cannot remove a level-2 child by itself), the ground, and the decision's number and date
 * (= «Дата снятия»). Checked before anything is written; every message names the field.
 */
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import type { Episode } from "../../core/register/model";
import type { RemovalDraft, TransferDecision } from "../../excel/gateway";
import { readDateInput } from "./dateInput";

/** The grounds offered; «другое» needs the text. */
export const REMOVAL_GROUNDS = [
  "положительная динамика",
  "выбыл из школы",
  "достижение совершеннолетия",
  "другое",
] as const;

/** How the form speaks of the decision for this episode. */
export interface RemovalWords {
  /** What the pane explains above the fields. */
  readonly explain: string;
  readonly numberLabel: string;
  readonly dateLabel: string;
  readonly numberMissing: string;
  readonly button: string;
  /** «постановление КДН и ЗП» / «протокол Совета профилактики», for the saved message. */
  readonly decision: string;
}

export function removalWords(episode: Episode | undefined): RemovalWords {
  if (episode?.level === 2) {
    return {
      explain:
        "Уровень 2 (СОП): снимает с учёта КДН и ЗП, школа сама снять ребёнка не может. Запишите постановление комиссии о снятии с учёта — его номер и дату.",
      numberLabel: "Постановление КДН и ЗП №",
      dateLabel: "Дата постановления КДН и ЗП",
      numberMissing: "Укажите номер постановления КДН и ЗП",
      button: "Записать снятие по постановлению",
      decision: "постановление КДН и ЗП",
    };
  }
  return {
    explain:
      episode !== undefined && episode.level === null
        ? "Ребёнок выявлен, но не поставлен на учёт: случай закрывается решением Совета профилактики — укажите номер и дату протокола."
        : "Уровень 1: снимает с учёта Совет профилактики — укажите номер и дату его протокола.",
    numberLabel: "Протокол Совета профилактики №",
    dateLabel: "Дата протокола Совета профилактики",
    numberMissing: "Укажите номер протокола Совета профилактики",
    button: "Снять с учёта",
    decision: "протокол Совета профилактики",
  };
}

export interface RemovalFormState {
  readonly code: string;
  readonly ground: string;
  readonly detail: string;
  readonly number: string;
  readonly date: string;
}

export type RemovalCheck =
  | { readonly ok: true; readonly draft: RemovalDraft }
  | { readonly ok: false; readonly errors: Partial<Record<keyof RemovalFormState, string>> };

/** «основание: уточнение» (or the text alone for «другое»). */
export function groundText(ground: string, detail: string): string {
  const d = detail.trim();
  return ground === "другое" ? d : [ground, d].filter((x) => x !== "").join(": ");
}

export function checkRemoval(
  state: RemovalFormState,
  episode: Episode | undefined,
  today: IsoDate
): RemovalCheck {
  const words = removalWords(episode);
  const errors: Partial<Record<keyof RemovalFormState, string>> = {};
  if (state.code === "" || episode === undefined) {
    errors.code = "Выберите случай";
  }
  if (state.ground === "другое" && state.detail.trim() === "") {
    errors.detail = "Укажите основание снятия";
  }
  if (state.number.trim() === "") {
    errors.number = words.numberMissing;
  }
  const d = readDateInput(state.date, true);
  let date: IsoDate | null = null;
  if (!d.ok) {
    errors.date = d.message;
  } else if (d.value !== null && d.value > today) {
    errors.date = `Дата позже сегодняшней (${formatDateRu(today)})`;
  } else if (d.value !== null && episode?.registered && d.value < episode.registered) {
    errors.date = `Дата раньше постановки на учёт (${formatDateRu(episode.registered)})`;
  } else if (d.value !== null && episode?.identified && d.value < episode.identified) {
    errors.date = `Дата раньше выявления (${formatDateRu(episode.identified)})`;
  } else {
    date = d.value;
  }
  if (Object.keys(errors).length > 0 || date === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    draft: {
      ground: groundText(state.ground, state.detail),
      decisionNumber: state.number.trim(),
      decisionDate: date,
    },
  };
}

export type TransferCheck =
  | { readonly ok: true; readonly decision: TransferDecision }
  | { readonly ok: false; readonly errors: Partial<Record<"code" | "number" | "date", string>> };

/** The transfer 1 → 2: the постановление of the КДН и ЗП (number, date). */
export function checkTransfer(
  state: { code: string; number: string; date: string },
  episode: Episode | undefined,
  today: IsoDate
): TransferCheck {
  const errors: Partial<Record<"code" | "number" | "date", string>> = {};
  if (state.code === "" || episode === undefined) {
    errors.code = "Выберите случай уровня 1";
  }
  if (state.number.trim() === "") {
    errors.number = "Укажите номер постановления КДН и ЗП";
  }
  const d = readDateInput(state.date, true);
  let date: IsoDate | null = null;
  if (!d.ok) {
    errors.date = d.message;
  } else if (d.value !== null && d.value > today) {
    errors.date = `Дата позже сегодняшней (${formatDateRu(today)})`;
  } else if (d.value !== null && episode?.registered && d.value < episode.registered) {
    errors.date = `Дата постановления раньше постановки на уровень 1 (${formatDateRu(episode.registered)})`;
  } else {
    date = d.value;
  }
  if (Object.keys(errors).length > 0 || date === null) {
    return { ok: false, errors };
  }
  return { ok: true, decision: { number: state.number.trim(), date } };
}
