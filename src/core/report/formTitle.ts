/**
 * The words of the report's title (shared/spec/domain.md «The report form»): the period as
 * people say it, «по состоянию на», and the district in the seed's words («в … районе
 * (кожууне)», «… района»). A district name is declined only where the grammar leaves no doubt
 * (adjectives of the hard declension before «район», «кожуун», «улус», «округ»; «город», «село»
 * before a name); otherwise the user's text is used as typed — in the locative already («в
 * Барун-Хемчикском кожууне») — or the title names it in a neutral line «Муниципальное
 * образование: …». Never a guessed ending.
 */
import { daysInMonth, formatDateRu, isoParts, type IsoDate } from "../dates/isoDate";
import { schoolYearOf } from "../register/defaults";
import type { SchoolTerm } from "./types";
import { MONTH_NAMES_RU } from "../dates/monthNames";

/**
 * The period after «за»: a school quarter, the school year, a calendar month, or the dates.
 * @example periodPhrase({ from: "2026-11-05", to: "2026-12-28", schoolTerm: "II", schoolYear: "2026/2027" })
 * //=> "за II четверть 2026/2027 учебного года"
 * @example periodPhrase({ from: "2026-11-01", to: "2026-11-30", schoolTerm: null, schoolYear: "" })
 * //=> "за ноябрь 2026 г."
 */
export function periodPhrase(r: {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly schoolTerm: SchoolTerm;
  readonly schoolYear: string;
}): string {
  const year = r.schoolYear.trim() !== "" ? r.schoolYear.trim() : schoolYearOf(r.from);
  if (r.schoolTerm === "year") {
    return `за ${year} учебный год`;
  }
  if (r.schoolTerm !== null) {
    return `за ${r.schoolTerm} четверть ${year} учебного года`;
  }
  const from = isoParts(r.from);
  const to = isoParts(r.to);
  if (from.d === 1 && to.y === from.y && to.m === from.m && to.d === daysInMonth(to.y, to.m)) {
    return `за ${MONTH_NAMES_RU[from.m - 1] ?? ""} ${from.y} г.`;
  }
  return `за период с ${formatDateRu(r.from)} по ${formatDateRu(r.to)}`;
}

/** «по состоянию на 28.12.2026»: the counts «Кол-во» are those on the register at `to`. */
export function asOfPhrase(to: IsoDate): string {
  return `по состоянию на ${formatDateRu(to)}`;
}

/** The district in the two forms the seed's title uses; null where it cannot be said safely. */
export interface DistrictWords {
  /** «в Барун-Хемчикском кожууне», «в г. Ак-Довурак». */
  readonly locative: string | null;
  /** «Барун-Хемчикского кожууна», «г. Ак-Довурак» (after «образовательной организации»). */
  readonly genitive: string | null;
}

const NOUNS: Readonly<Record<string, { loc: string; gen: string }>> = {
  район: { loc: "районе", gen: "района" },
  кожуун: { loc: "кожууне", gen: "кожууна" },
  улус: { loc: "улусе", gen: "улуса" },
  округ: { loc: "округе", gen: "округа" },
};

/** Generic words before a place's name that take the case while the name stays as it is. */
const GENERIC: Readonly<Record<string, { loc: string; gen: string }>> = {
  город: { loc: "городе", gen: "города" },
  село: { loc: "селе", gen: "села" },
  поселок: { loc: "поселке", gen: "поселка" },
  посёлок: { loc: "посёлке", gen: "посёлка" },
};

/** Abbreviated generic words: they never change. */
const ABBREVIATIONS = new Set(["г.", "с.", "п.", "пос.", "пгт", "пгт.", "м.р.", "г.о."]);

/** Last words that show the text is already in the locative case. */
const LOCATIVE_ENDINGS = new Set([
  ...Object.values(NOUNS).map((n) => n.loc),
  ...Object.values(GENERIC).map((n) => n.loc),
  "образовании",
  "поселении",
]);

/**
 * A masculine adjective of the hard declension («-ский», «-цкий», «-ской», «-ый», «-ой», «-кий»,
 * «-гий», «-хий»; in a hyphenated word only the last part changes) in the locative and the
 * genitive; null for any other word.
 */
function declineAdjective(word: string): { loc: string; gen: string } | null {
  const m = /^(.*[а-яё])(ый|ой|ий)$/iu.exec(word);
  if (!m) {
    return null;
  }
  const stem = m[1] ?? "";
  const ending = (m[2] ?? "").toLowerCase();
  if (ending === "ий" && !/[кгх]$/iu.test(stem)) {
    return null;
  }
  const upper = (m[2] ?? "") === (m[2] ?? "").toUpperCase();
  const fit = (s: string): string => (upper ? s.toUpperCase() : s);
  return { loc: `${stem}${fit("ом")}`, gen: `${stem}${fit("ого")}` };
}

/**
 * The district of the settings as the title says it.
 * @example districtWords("Барун-Хемчикский кожуун")
 * //=> { locative: "в Барун-Хемчикском кожууне", genitive: "Барун-Хемчикского кожууна" }
 * @example districtWords("г. Ак-Довурак") //=> { locative: "в г. Ак-Довурак", genitive: "г. Ак-Довурак" }
 * @example districtWords("Кызыл") //=> { locative: null, genitive: null }
 */
export function districtWords(district: string): DistrictWords {
  const text = district.replace(/\s+/g, " ").trim();
  const words = text.split(" ").filter((w) => w !== "");
  const first = (words[0] ?? "").toLowerCase();
  const last = (words[words.length - 1] ?? "").toLowerCase().replace(/[.,;]$/, "");
  if (words.length === 0) {
    return { locative: null, genitive: null };
  }
  if (first === "в" || first === "во") {
    return { locative: text, genitive: null };
  }
  if (LOCATIVE_ENDINGS.has(last)) {
    return { locative: `в ${text}`, genitive: null };
  }
  if (ABBREVIATIONS.has(first) && words.length > 1) {
    return { locative: `в ${text}`, genitive: text };
  }
  const generic = GENERIC[first];
  if (generic && words.length > 1) {
    const rest = words.slice(1).join(" ");
    return { locative: `в ${generic.loc} ${rest}`, genitive: `${generic.gen} ${rest}` };
  }
  // Adjectives, then the noun; whatever follows the noun (a genitive «Республики Тыва», a name in
  // quotes) stays as typed.
  const nounAt = words.findIndex((w) => NOUNS[w.toLowerCase()] !== undefined);
  if (nounAt < 1) {
    return { locative: null, genitive: null };
  }
  const adjectives = words.slice(0, nounAt).map(declineAdjective);
  const noun = NOUNS[(words[nounAt] ?? "").toLowerCase()];
  if (!noun || adjectives.some((a) => a === null)) {
    return { locative: null, genitive: null };
  }
  const nounWord = words[nounAt] ?? "";
  const nounCase = (s: string): string =>
    nounWord === nounWord.toUpperCase() ? s.toUpperCase() : s;
  const rest = words.slice(nounAt + 1);
  const phrase = (form: "loc" | "gen"): string =>
    [...adjectives.map((a) => (a ? a[form] : "")), nounCase(noun[form]), ...rest].join(" ");
  return { locative: `в ${phrase("loc")}`, genitive: phrase("gen") };
}
