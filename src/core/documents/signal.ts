/**
 * `signal` — annex 2 of order 223-д, «Карта о неблагополучии в семье» (documents.md §1), from a
 * row of «Сигналы»: every field in the card's order, all 13 reasons printed with the chosen
 * ones underlined, «Неорганизован» always printed and underlined when «да».
 */
import { ageOn, formatDateRu } from "../dates/isoDate";
import { SIGNAL_REASONS } from "../indicators/catalog";
import type { Signal } from "../register/model";
import { label, line, orBlank, shortName, value, type DocumentContext } from "./common";
import { DOCUMENT_NAMES, type DocumentBlock, type DocumentModel, type ListItem } from "./model";

/** The reason that carries a blank of its own: «Бродяжничество родителей (кого) ___». */
const WHO_REASON = 11;

/**
 * The child's age on the card: full years on the card's date (ГК РФ ст. 192) when the card names
 * an episode with a birth date, else «Возраст» as typed on the card.
 */
function childAge(ctx: DocumentContext, s: Signal): string | null {
  const birth = ctx.episode?.birthDate ?? null;
  if (birth !== null && s.date !== null && birth <= s.date) {
    return String(ageOn(birth, s.date));
  }
  return orBlank(s.fields["Возраст"]);
}

/** The specialist with the phone: «Саая Ч. В., инспектор ПДН (тел. 8-923-…)». */
function specialist(s: Signal): string | null {
  const who = (s.fields["Специалист"] ?? "").trim();
  const phone = (s.fields["Телефон специалиста"] ?? "").trim();
  if (who === "" && phone === "") {
    return null;
  }
  return phone === "" ? who : who === "" ? `тел. ${phone}` : `${who}, тел. ${phone}`;
}

/** Builds the signal card; the context must carry the card. */
export function signalCard(ctx: DocumentContext): DocumentModel {
  const s = ctx.signal;
  if (s === null) {
    throw new RangeError("signalCard: no signal card in the context");
  }
  const f = (name: string): string | null => orBlank(s.fields[name]);
  const reasons: ListItem[] = SIGNAL_REASONS.map((text, i) => {
    const n = i + 1;
    const marked = s.reasons.includes(n);
    return n === WHO_REASON ? { text: `${text} (кого)`, marked, blank: true } : { text, marked };
  });
  const blocks: DocumentBlock[] = [
    { type: "title", lines: ["Карта о неблагополучии в семье"] },
    { type: "space" },
    line(label("из"), value(f("От кого"))),
    line(label("Адрес"), value(f("Адрес"))),
    line(label("ФИО"), value(f("ФИО родителя"))),
    line(label("Статус"), value(f("Статус"))),
    line(label("возраст"), value(f("Возраст родителя"))),
    line(label("Место работы"), value(f("Место работы"))),
    line(label("ФИО несовершеннолетнего"), value(f("ФИО несовершеннолетнего"))),
    line(label("Возраст"), value(childAge(ctx, s))),
    line(
      label("Образовательная организация (место работы)"),
      value(f("Образовательная организация"))
    ),
    { type: "text", text: "Неорганизован", marked: s.unorganized },
    { type: "text", text: "Причины неблагополучия: (нужное подчеркнуть)" },
    { type: "list", marker: "number", items: reasons },
    line(label("Другое"), value(f("Другое"))),
    line(label("ФИО специалиста, инспектора (тел.)"), value(specialist(s))),
    line(label("Дата"), value(s.date === null ? null : formatDateRu(s.date))),
  ];
  const childName = f("ФИО несовершеннолетнего");
  return {
    kind: "signal",
    name: DOCUMENT_NAMES.signal,
    subject: ctx.episode
      ? shortName(ctx.episode)
      : childName !== null
        ? shortName(splitName(childName))
        : `строка ${s.row}`,
    caseCode: ctx.episode?.code ?? "",
    onePage: true,
    blocks,
  };
}

/** «Фамилия Имя Отчество» typed in one cell, split for initials. */
function splitName(text: string): { lastName: string; firstName: string; patronymic: string } {
  const [lastName = "", firstName = "", ...rest] = text.split(/\s+/);
  return { lastName, firstName, patronymic: rest.join(" ") };
}
