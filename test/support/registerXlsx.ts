/**
 * A second, independent writer of register workbooks for tests: exceljs used directly (not
 * src/cli/xlsx/writeRegister), in the untidy ways people fill registers — columns in any
 * order with extra user columns, typed and text dates, serial numbers, Latin look-alike codes,
 * «2 — СОП» levels, empty rows, sheets with a title above a plain header row instead of a table.
 */
import ExcelJS from "exceljs";
import { isoParts, isoToExcelSerial, type IsoDate } from "../../src/core/dates/isoDate";
import type { Action, Episode, Register } from "../../src/core/register/model";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  PARENT_COMMUNITY_PARAMS,
  PASSPORT_CATEGORIES,
  QUARTERS,
  SERVICE_KINDS,
  SETTING,
  SHEET,
  V1_SHEETS,
  SHEET_COLUMNS,
  STEPS,
  quarterParam,
  type SheetKey,
} from "../../src/core/register/schema";
import { mulberry32 } from "./builders";

type Value = string | number | Date | null;
type Row = Record<string, Value>;

export interface MessyOptions {
  readonly seed: number;
  /** Write every sheet as a plain range with a title row, not as an Excel table. */
  readonly plain?: boolean;
}

const LATIN: Record<string, string> = { Р: "P", С: "C", р: "p", с: "c" };

export class Messy {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** A date the way a person may have put it in a cell. */
  date(d: IsoDate | null): Value {
    if (d === null) {
      return null;
    }
    const { y, m, d: day } = isoParts(d);
    const roll = this.next();
    if (roll < 0.4) {
      return new Date(Date.UTC(y, m - 1, day));
    }
    if (roll < 0.65) {
      return `${String(day).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
    }
    if (roll < 0.85) {
      return ` ${d} `;
    }
    return isoToExcelSerial(d);
  }
  /** Indicator codes with random separators, case and Latin look-alikes. */
  codes(codes: readonly string[]): string {
    const sep = this.pick([", ", ";", " ", " / ", ",", "\n"]);
    return codes
      .map((c) => {
        let t = this.chance(0.3) ? c.toLowerCase() : c;
        if (this.chance(0.3)) {
          t = t.replace(/[РСрс]/, (ch) => LATIN[ch] ?? ch);
        }
        if (this.chance(0.2)) {
          t = t.replace(/(\D)(\d)/, "$1 $2");
        }
        return t;
      })
      .join(sep);
  }
  level(level: 1 | 2 | null): Value {
    if (level === null) {
      return null;
    }
    return this.pick<Value>([
      level,
      String(level),
      level === 2 ? "2 — СОП" : "1 — ранняя стадия",
      `${level} уровень`,
    ]);
  }
  /** A list value with random case and spacing. */
  list(title: string): string {
    const t = this.chance(0.3) ? title.toUpperCase() : title;
    return this.chance(0.3) ? `  ${t} ` : t;
  }
  /** A family code typed with another case or a Latin look-alike. */
  familyCode(code: string): string {
    return this.chance(0.3) ? code.toLowerCase().replace("с", "c") : code;
  }
}

/** Personal fields of a child derived from its key, so the reader can tell children apart. */
export function childIdentity(e: Episode): {
  last: string;
  first: string;
  middle: string;
  birth: IsoDate | null;
} {
  const n = /(\d+)/.exec(e.childKey)?.[1] ?? e.code;
  return { last: "Тестов", first: `Ребёнок${n}`, middle: "Иванович", birth: "2015-01-01" };
}

function title(kinds: readonly { key: string; title: string }[], key: string): string {
  return kinds.find((k) => k.key === key)?.title ?? key;
}

function settingsRows(r: Register, m: Messy): Row[] {
  const rows: Row[] = [
    { Параметр: SETTING.school, Значение: r.settings.school },
    { Параметр: SETTING.district, Значение: r.settings.district },
    { Параметр: SETTING.schoolYear, Значение: r.settings.schoolYear },
    { Параметр: SETTING.coordinatorName, Значение: r.settings.coordinator.name },
    { Параметр: SETTING.coordinatorPosition, Значение: r.settings.coordinator.position },
    { Параметр: SETTING.coordinatorPhone, Значение: r.settings.coordinator.phone },
  ];
  for (const q of QUARTERS) {
    const d = r.settings.quarters[q];
    rows.push({ Параметр: quarterParam(q, "from"), Значение: d ? m.date(d.from) : null });
    rows.push({ Параметр: quarterParam(q, "to"), Значение: d ? m.date(d.to) : null });
  }
  for (const p of PARENT_COMMUNITY_PARAMS) {
    rows.push({ Параметр: p, Значение: r.settings.parentCommunity[p] ?? null });
  }
  return rows;
}

function caseRows(r: Register, m: Messy): Row[] {
  return r.episodes.map((e) => {
    const who = childIdentity(e);
    return {
      Код: e.code,
      Фамилия: who.last,
      Имя: who.first,
      Отчество: who.middle,
      "Дата рождения": m.date(who.birth),
      Класс: e.className || "5А",
      "Код семьи": e.familyCode === "" ? null : m.familyCode(e.familyCode),
      "Дата выявления": m.date(e.identified),
      Источник: "классный руководитель",
      Показатели: m.codes(e.indicators),
      Уровень: m.level(e.level),
      "Дата постановки": m.date(e.registered),
      Протокол: e.registered ? "№ 1" : null,
      "Дата снятия": m.date(e.removed),
      "Основание снятия": e.removalReason || null,
      Куратор: null,
      Примечание: m.chance(0.05) ? "=со слов соседей" : null,
    };
  });
}

function actionRows(actions: readonly Action[], m: Messy): Row[] {
  return actions.map((a) => ({
    Код: a.caseCode,
    Шаг: a.step ? m.list(title(STEPS, a.step)) : null,
    Раздел: a.section,
    Направление: a.direction || null,
    Мероприятие: a.title || null,
    Срок: m.date(a.due),
    Ответственный: a.responsible || null,
    Выполнено: m.date(a.done),
    Примечание: a.note || null,
  }));
}

function passportRows(r: Register): Row[] {
  return r.passport.map((p) => {
    const row: Row = { Класс: p.className };
    for (const c of PASSPORT_CATEGORIES) {
      row[`${c.title}: детей`] = p.values[c.key].children;
      row[`${c.title}: семей`] = p.values[c.key].families;
    }
    return row;
  });
}

/** The rows of every sheet of a register, written messily. */
export function messyRows(r: Register, m: Messy): Partial<Record<SheetKey, Row[]>> {
  return {
    settings: settingsRows(r, m),
    cases: caseRows(r, m),
    families: [],
    actions: actionRows(r.actions, m),
    assistance: r.assistance.map((a) => ({
      Код: a.caseCode,
      Дата: m.date(a.date),
      "Вид помощи": m.list(title(ASSISTANCE_KINDS, a.kind)),
      Содержание: a.content || null,
    })),
    activities: r.activities.map((a) => ({
      Код: a.caseCode,
      Вид: m.list(title(ACTIVITY_KINDS, a.kind)),
      Объединение: a.name || null,
      "Дата начала": m.date(a.start),
      "Дата окончания": m.date(a.end),
    })),
    service: r.service.map((s) => ({
      Дата: m.date(s.date),
      "Вид работы": m.list(title(SERVICE_KINDS, s.kind)),
      Количество: s.count === 1 && m.chance(0.5) ? null : s.count,
      Охвачено: s.covered === 0 && m.chance(0.5) ? null : s.covered,
      Примечание: null,
    })),
    passport: passportRows(r),
    signals: [],
  };
}

/** Writes a register the untidy way; returns nothing, the file is at `path`. */
export async function writeMessyRegister(
  path: string,
  r: Register,
  opts: MessyOptions
): Promise<void> {
  const m = new Messy(opts.seed);
  const rows = messyRows(r, m);
  const wb = new ExcelJS.Workbook();
  const keys = [...V1_SHEETS];
  for (const key of m.chance(0.5) ? keys : [...keys].reverse()) {
    const ws = wb.addWorksheet(SHEET[key]);
    const headers = [...SHEET_COLUMNS[key]];
    for (let i = headers.length - 1; i > 0; i--) {
      const j = Math.floor(m.chance(0.5) ? i / 2 : i);
      [headers[i], headers[j]] = [headers[j] as string, headers[i] as string];
    }
    headers.splice(Math.floor(headers.length / 2), 0, "Заметки учителя");
    const data = (rows[key] ?? []).map((row) =>
      headers.map((h) => (h === "Заметки учителя" ? "своё" : (row[h] ?? null)))
    );
    if (opts.plain) {
      ws.addRow([`Лист «${SHEET[key]}» книги учёта`]);
      ws.addRow([]);
      ws.addRow(headers.map((h) => (m.chance(0.3) ? ` ${h.toUpperCase()} ` : h)));
      for (const d of data) {
        ws.addRow(d);
        if (m.chance(0.05)) {
          ws.addRow([]);
        }
      }
    } else {
      ws.addTable({
        name: `T_${key}`,
        ref: "B2",
        headerRow: true,
        columns: headers.map((name) => ({ name })),
        rows: data.length > 0 ? data : [headers.map(() => null)],
      });
      ws.getCell("A1").value = "заметка вне таблицы";
      ws.getCell(`B${data.length + 5}`).value = "подпись: ____________ (вне таблицы)";
    }
  }
  await wb.xlsx.writeFile(path);
}
