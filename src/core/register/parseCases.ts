/**
 * Reading «Учёт» (one row per registration episode) and «Семьи» into typed records.
 * shared/spec/workbook.md: «Уровень» is 1 or 2 (text that starts with the digit is accepted);
 * «Уровень» and «Дата постановки» stay empty together while a child is not yet registered.
 */
import { formatDateRu } from "../dates/isoDate";
import type { Level } from "../indicators/catalog";
import { parseIndicatorCodes } from "../indicators/parseCodes";
import { matchKey, makeListMatcher } from "../text";
import type { Cell, Episode, Family } from "./model";
import { FAMILY_STATUS_VALUES, requiredColumns } from "./schema";
import type { BoundTable } from "./table";

type LevelRead = { level: Level | null } | { error: string };

/** Reads «Уровень»: 1, 2, «2 — СОП», «1 уровень»; empty → not registered. */
export function readLevel(cell: Cell): LevelRead {
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) {
    return { level: null };
  }
  if (typeof cell === "number") {
    return cell === 1 || cell === 2
      ? { level: cell }
      : { error: `уровень ${cell}: допустимы только 1 или 2` };
  }
  const text = typeof cell === "string" ? cell.trim() : "";
  const m = /^([12])(?!\d)/.exec(text);
  if (m) {
    return { level: m[1] === "1" ? 1 : 2 };
  }
  return { error: `«${text}» — уровень должен быть 1 или 2 (можно «2 — СОП»)` };
}

/** A stable key of a child: full name and birth date, or the episode code when either is missing. */
export function childKeyOf(
  last: string,
  first: string,
  middle: string,
  birth: string | null,
  code: string
): string {
  if (last !== "" && first !== "" && birth) {
    return `child:${matchKey(last)}|${matchKey(first)}|${matchKey(middle)}|${birth}`;
  }
  return `case:${matchKey(code)}`;
}

export function parseEpisodes(t: BoundTable): Episode[] {
  if (!t.requireColumns(requiredColumns("cases"))) {
    return [];
  }
  const out: Episode[] = [];
  const seen = new Map<string, number>();
  for (const r of t.rows()) {
    const code = t.text(r, "Код");
    if (code === "") {
      t.report(r, "Код", "не заполнен код случая");
      continue;
    }
    const codeKey = matchKey(code);
    const prior = seen.get(codeKey);
    if (prior !== undefined) {
      t.report(
        r,
        "Код",
        `код «${code}» уже есть в строке ${prior}; код случая должен быть уникальным`
      );
      continue;
    }
    seen.set(codeKey, r.row);
    const parsed = parseIndicatorCodes(t.text(r, "Показатели"));
    if (parsed.unknown.length > 0) {
      const list = parsed.unknown.map((u) => `«${u}»`).join(", ");
      t.report(r, "Показатели", `неизвестный показатель ${list}; допустимы Р1–Р11 и С1–С15`);
    }
    const lv = readLevel(t.cell(r, "Уровень"));
    if ("error" in lv) {
      t.report(r, "Уровень", lv.error);
    }
    const level = "level" in lv ? lv.level : null;
    const registered = t.date(r, "Дата постановки");
    const levelGiven = !("level" in lv) || lv.level !== null;
    if (levelGiven && !registered && t.text(r, "Дата постановки") === "") {
      t.report(r, "Дата постановки", "указан уровень, но нет даты постановки на учёт");
    }
    if (!levelGiven && registered) {
      t.report(r, "Уровень", "указана дата постановки, но не указан уровень (1 или 2)");
    }
    const last = t.text(r, "Фамилия");
    const first = t.text(r, "Имя");
    const middle = t.text(r, "Отчество");
    const birthDate = t.date(r, "Дата рождения");
    const familyCode = t.text(r, "Код семьи");
    const identified = t.date(r, "Дата выявления");
    const removed = t.date(r, "Дата снятия");
    if (removed !== null && registered !== null && removed < registered) {
      t.report(
        r,
        "Дата снятия",
        `дата снятия ${formatDateRu(removed)} раньше даты постановки ${formatDateRu(registered)}`
      );
    } else if (removed !== null && identified !== null && removed < identified) {
      t.report(
        r,
        "Дата снятия",
        `дата снятия ${formatDateRu(removed)} раньше даты выявления ${formatDateRu(identified)}`
      );
    }
    const childKey = childKeyOf(last, first, middle, birthDate, code);
    out.push({
      row: r.row,
      code,
      lastName: last,
      firstName: first,
      patronymic: middle,
      birthDate,
      className: t.text(r, "Класс"),
      familyCode,
      identified,
      source: t.text(r, "Источник"),
      indicators: parsed.codes,
      level,
      registered,
      protocol: t.text(r, "Протокол"),
      removed,
      removalReason: t.text(r, "Основание снятия"),
      curator: t.text(r, "Куратор"),
      note: t.text(r, "Примечание"),
      removalProtocol: t.text(r, "Протокол снятия"),
      childKey,
      familyKey: familyCode !== "" ? `family:${matchKey(familyCode)}` : childKey,
    });
  }
  return out;
}

const matchStatus = makeListMatcher(FAMILY_STATUS_VALUES);

export function parseFamilies(t: BoundTable): Family[] {
  if (!t.requireColumns(requiredColumns("families"))) {
    return [];
  }
  const out: Family[] = [];
  const seen = new Set<string>();
  for (const r of t.rows()) {
    const code = t.text(r, "Код семьи");
    if (code === "") {
      t.report(r, "Код семьи", "не заполнен код семьи");
      continue;
    }
    if (seen.has(matchKey(code))) {
      t.report(r, "Код семьи", `код семьи «${code}» повторяется; он должен быть уникальным`);
      continue;
    }
    seen.add(matchKey(code));
    const status: string[] = [];
    for (const token of t.text(r, "Социальный статус").split(/[,;/]+/)) {
      if (token.trim() === "") {
        continue;
      }
      const v = matchStatus(token);
      if (v) {
        status.push(v);
      } else {
        t.report(
          r,
          "Социальный статус",
          `неизвестный статус «${token.trim()}»; допустимы: ${FAMILY_STATUS_VALUES.join(", ")}`
        );
      }
    }
    out.push({
      row: r.row,
      code,
      status,
      mother: t.text(r, "Мать"),
      father: t.text(r, "Отец"),
      guardian: t.text(r, "Опекун (попечитель)"),
      address: t.text(r, "Адрес проживания"),
      registrationAddress: t.text(r, "Адрес регистрации"),
      phone: t.text(r, "Телефон"),
      children: t.text(r, "Дети семьи"),
    });
  }
  return out;
}
