/**
 * The random CSV files of the import property test (test/cli/importFuzz.test.ts): a seeded
 * generator of files for «Учёт», «Мероприятия», «Помощь» and «Служба» in three encodings, with
 * what each row means, and one defect in about half of them.
 */
import iconv from "iconv-lite";
import { isoToExcelSerial, type IsoDate } from "../../src/core/dates/isoDate";
import { columnLayout } from "../../src/core/register/layout";
import type { Cell } from "../../src/core/register/model";
import { ASSISTANCE_KINDS, SERVICE_KINDS, STEPS } from "../../src/core/register/schema";
import { mulberry32 } from "./builders";

type Encoding = "utf8" | "bom" | "1251";

export const WORDS = [
  "Монгуш",
  "Ооржак",
  "Сёмин",
  "Ёлкина",
  "класс",
  "ПДН",
  "семья",
  "беседа",
  "Ай",
  "Чечек",
];
const TUVAN = ["Өлзий", "Доңгак", "Үлегер"];
const PIECES = [";", ",", '"', '""', "\r\n", "\n", " ", "«кавычки»", "№ 5", "—", "'"];
const PREFIXES = ["=", "+", "-", "@", "\t", "=SUM(A1:A2)", "+7 999 ", "-5 "];

export class Gen {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  }
  /** Text with at least one letter; formula-like starts, quotes, delimiters and line breaks. */
  text(tuvan: boolean): string {
    let s = this.chance(0.25) ? this.pick(PREFIXES) : "";
    const parts = 1 + this.int(4);
    for (let i = 0; i < parts; i++) {
      s += this.pick(tuvan && this.chance(0.3) ? TUVAN : WORDS);
      if (this.chance(0.4)) {
        s += this.pick(PIECES);
      }
    }
    return s.trimEnd() + this.pick(WORDS);
  }
  date(): { iso: IsoDate; text: string } {
    const y = 2005 + this.int(22);
    const m = 1 + this.int(12);
    const d = 1 + this.int(28);
    const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const formats = [
      `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`,
      `${d}.${m}.${y}`,
      iso,
      String(isoToExcelSerial(iso)),
    ];
    return { iso, text: this.pick(formats) };
  }
  /** A header spelled as people do: case, spaces, ё/е. */
  header(h: string): string {
    let s = h;
    const variant = this.int(3);
    if (variant === 1) {
      s = s.toUpperCase();
    } else if (variant === 2) {
      s = s.toLowerCase();
    }
    if (this.chance(0.3)) {
      s = ` ${s.replace(/ /g, "  ")} `;
    }
    return this.chance(0.3) ? s.replace(/ё/g, "е") : s;
  }
}

export interface Case {
  readonly sheet: "Учёт" | "Мероприятия" | "Помощь" | "Служба";
  readonly bytes: Buffer;
  /** The defect put in, or null for a clean file. */
  readonly defect: string | null;
  /** What each data row means, by contract column (clean files). */
  readonly expected: Record<string, Cell>[];
  readonly allowDuplicates: boolean;
}

const CASE_OPTIONAL = [
  "Отчество",
  "Дата рождения",
  "Класс",
  "Примечание",
  "Дата выявления",
  "Куратор",
];
const ACTION_OPTIONAL = ["Шаг", "Срок", "Выполнено", "Примечание", "Ответственный", "Направление"];

export function field(g: Gen, text: string, delimiter: string): string {
  const must = text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return must || g.chance(0.2) ? `"${text.replace(/"/g, '""')}"` : text;
}

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === "1251") {
    return iconv.encode(text, "win1251");
  }
  const body = Buffer.from(text, "utf8");
  return encoding === "bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

const COMMON_DEFECTS = [
  "missing",
  "unknown-column",
  "bad-date",
  "unclosed",
  "mixed",
  "bad-byte",
  "extra-field",
  "no-rows",
];

/** The sheets the fuzz imports into: required and optional columns, the defects that apply. */
export const SPECS: Readonly<
  Record<
    Case["sheet"],
    { required: string[]; optional: string[]; dateColumn: string; defects: string[] }
  >
> = {
  Учёт: {
    required: ["Код", "Фамилия", "Имя"],
    optional: CASE_OPTIONAL,
    dateColumn: "Дата рождения",
    defects: [...COMMON_DEFECTS, "dup-code", "existing-code", "duplicate-child", "level-alone"],
  },
  Мероприятия: {
    required: ["Код", "Мероприятие"],
    optional: ACTION_OPTIONAL,
    dateColumn: "Срок",
    defects: [...COMMON_DEFECTS, "unknown-list", "unknown-case"],
  },
  Помощь: {
    required: ["Код", "Дата", "Вид помощи"],
    optional: ["Содержание"],
    dateColumn: "Дата",
    defects: [...COMMON_DEFECTS, "unknown-list", "unknown-case"],
  },
  Служба: {
    required: ["Дата", "Вид работы"],
    optional: ["Количество", "Охвачено", "Примечание"],
    dateColumn: "Дата",
    defects: [...COMMON_DEFECTS, "unknown-list", "bad-number"],
  },
};

/** List columns: their values in the contract's spelling. */
const LISTS: Readonly<Record<string, readonly string[]>> = {
  Шаг: STEPS.map((x) => x.title),
  "Вид помощи": ASSISTANCE_KINDS.map((x) => x.title),
  "Вид работы": SERVICE_KINDS.map((x) => x.title),
};

export function makeCase(seed: number): Case {
  const g = new Gen(seed);
  const roll = g.int(20);
  const sheet: Case["sheet"] =
    roll < 11 ? "Учёт" : roll < 14 ? "Мероприятия" : roll < 17 ? "Помощь" : "Служба";
  const spec = SPECS[sheet];
  const encoding = g.pick<Encoding>(["utf8", "bom", "1251"]);
  const tuvan = encoding !== "1251";
  const delimiter = g.chance(0.6) ? ";" : ",";
  const eol = g.chance(0.7) ? "\r\n" : "\n";
  const required = spec.required;
  const optional = spec.optional.filter(() => g.chance(0.5));
  const columns = g.shuffle([...required, ...optional]);
  let defect = g.chance(0.5) ? g.pick(spec.defects) : null;
  const need = (c: string): void => {
    if (!columns.includes(c)) {
      columns.push(c);
    }
  };
  if (defect === "bad-date" || defect === "duplicate-child") {
    need(spec.dateColumn);
  }
  const listColumn = Object.keys(LISTS).find(
    (c) => spec.required.includes(c) || spec.optional.includes(c)
  );
  if (defect === "unknown-list" && listColumn) {
    need(listColumn);
  }
  if (defect === "bad-number") {
    need("Количество");
  }
  if (defect === "level-alone") {
    columns.push("Уровень");
  }
  const nRows = defect === "no-rows" ? 0 : 1 + g.int(12);
  const expected: Record<string, Cell>[] = [];
  const lines: string[][] = [];
  for (let k = 0; k < nRows; k++) {
    const values: Record<string, Cell> = {};
    const texts: string[] = [];
    for (const c of columns) {
      let text: string;
      let value: Cell;
      const list = LISTS[c];
      if (c === "Код") {
        text = sheet === "Учёт" ? `Ф${seed}-${k}` : g.pick(["В-1", "в-2", " B-3"]);
        // A reference is written as «Учёт» spells the code (Latin B, case, spaces aside).
        value = sheet === "Учёт" ? text : text.trim().replace("в", "В").replace("B", "В");
      } else if (list) {
        const v = g.pick(list);
        text = g.chance(0.3) ? v.toUpperCase() : g.chance(0.3) ? ` ${v} ` : v;
        value = v;
      } else if (c === "Уровень") {
        text = "";
        value = null;
      } else if (columnLayout(c).kind === "date") {
        const d = g.date();
        text = d.text;
        value = { date: d.iso };
      } else if (columnLayout(c).kind === "number") {
        const n = g.int(3000);
        text =
          n >= 1000 && g.chance(0.5)
            ? `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, "0")}`
            : String(n);
        value = n;
      } else {
        text = g.text(tuvan);
        value = text;
      }
      values[c] = value;
      texts.push(text);
    }
    expected.push(values);
    lines.push(texts);
  }
  const header = columns.map((c) => g.header(c));
  // The defect, if any.
  const col = (name: string): number => columns.indexOf(name);
  let allowDuplicates = false;
  switch (defect) {
    case "missing": {
      const i = col(g.pick(required));
      header.splice(i, 1);
      lines.forEach((l) => l.splice(i, 1));
      break;
    }
    case "unknown-column":
      header.push("Телефон мамы");
      lines.forEach((l) => l.push("8 999"));
      break;
    case "dup-code":
      if (lines.length < 2) {
        lines.push([...(lines[0] ?? [])]);
      } else {
        (lines[1] as string[])[col("Код")] = (lines[0] as string[])[col("Код")] ?? "";
      }
      break;
    case "existing-code":
      (lines[g.int(lines.length)] as string[])[col("Код")] = "в-1";
      break;
    case "bad-date":
      (lines[g.int(lines.length)] as string[])[col(spec.dateColumn)] = g.pick([
        "31.02.2012",
        "2012-02-30",
        "завтра",
        "32.01.2013",
      ]);
      break;
    case "extra-field":
      (lines[g.int(lines.length)] as string[]).push(
        ...Array(columns.length - header.length).fill(""),
        "лишнее"
      );
      break;
    case "unknown-list":
      (lines[g.int(lines.length)] as string[])[col(listColumn ?? "")] = "прогулка";
      break;
    case "bad-number":
      (lines[g.int(lines.length)] as string[])[col("Количество")] = g.pick([
        "-3",
        "много",
        "1,5,2",
      ]);
      break;
    case "unknown-case":
      (lines[g.int(lines.length)] as string[])[col("Код")] = "Z-404";
      break;
    case "duplicate-child": {
      const l = lines[g.int(lines.length)] as string[];
      l[col("Фамилия")] = "МОНГУШ";
      l[col("Имя")] = "айдыс";
      l[col("Дата рождения")] = "2012-03-05";
      if (g.chance(0.4)) {
        allowDuplicates = true; // confirmed: lands
        const k = lines.indexOf(l);
        Object.assign(expected[k] as Record<string, Cell>, {
          Фамилия: "МОНГУШ",
          Имя: "айдыс",
          "Дата рождения": { date: "2012-03-05" },
        });
        defect = null;
      }
      break;
    }
    case "level-alone":
      (lines[g.int(lines.length)] as string[])[col("Уровень")] = "2";
      break;
    default:
      break;
  }
  let text = [header, ...lines]
    .map((l) => l.map((f) => field(g, f, delimiter)).join(delimiter))
    .join(eol);
  if (g.chance(0.3)) {
    text = text.replace(eol, `${eol}${eol}`); // a blank line after the header
  }
  if (g.chance(0.7)) {
    text += eol;
  }
  if (defect === "unclosed") {
    text += `Ф${seed}-x${delimiter}"Монгуш${delimiter}Ай${eol}`;
  }
  let bytes = encode(text, encoding);
  if (defect === "mixed") {
    const other = encoding === "1251" ? "utf8" : "1251";
    bytes = Buffer.concat([
      bytes,
      encode(`${eol}Ф${seed}-м${delimiter}Сёмина${delimiter}Ёлка${eol}`, other),
    ]);
  }
  if (defect === "bad-byte") {
    const at = Math.min(bytes.length, 3 + g.int(bytes.length));
    const b = encoding === "1251" ? 0x98 : g.pick([0xff, 0xc0, 0x80, 0xfe]);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([b]), bytes.subarray(at)]);
  }
  return { sheet, bytes, defect, expected, allowDuplicates };
}
