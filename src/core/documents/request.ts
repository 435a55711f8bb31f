/**
 * A request for a document (`vshu document`, later the add-in's «Документы»): finds the episode,
 * its family, its signal card and its actions in the register, and says what stands in the way —
 * errors (the document cannot be made) and warnings (it can, once the user confirms: `--force`
 * on the command line, a confirmation in the add-in). Messages are Russian.
 */
import { formatDateRu, type IsoDate } from "../dates/isoDate";
import { suggestTargetGroup } from "../indicators/targetGroup";
import { codeKey, naturalCompare } from "../deadlines/naturalCompare";
import type { Episode, Register, Signal } from "../register/model";
import { quarterOf } from "../register/quarters";
import type { Quarter } from "../register/schema";
import { matchKey } from "../text";
import type { DocumentContext, DocumentDeadline } from "./common";
import type { DocumentKind } from "./model";
import { onRegisterInQuarter, quarterSpan } from "./plan";

export interface DocumentRequest {
  readonly kind: DocumentKind;
  /** The episode's «Код»; may be omitted only for a signal card chosen by `signalRow`. */
  readonly caseCode?: string | undefined;
  /** The sheet row of a «Сигналы» card (for a card without a code, or to pick one of several). */
  readonly signalRow?: number | undefined;
  /** The plan's school quarter; default: the quarter of `made`. */
  readonly quarter?: Quarter | undefined;
  /** The day the document is made. */
  readonly made: IsoDate;
}

/** What a request resolves to: the context to build from, or why not. */
export type PreparedDocument =
  | {
      readonly ok: true;
      readonly context: DocumentContext;
      /** The plan's quarter (the request's, or the quarter of `made`). */
      readonly quarter: Quarter | null;
      /** Reasons to confirm before building (municipal form for level 1, plan out of the quarter). */
      readonly warnings: readonly string[];
      /** For the user's information (e.g. other signal cards of the episode). */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** Levenshtein distance (codes are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** A code for comparing: case, look-alikes, spaces, dashes and leading zeros of numbers ignored. */
function looseKey(code: string): string {
  return codeKey(code)
    .replace(/[\s\u2010-\u2015-]+/g, "")
    .replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, ""));
}

/**
 * The codes of «Учёт» closest to a mistyped one, nearest first (at most `n`): fewest edits
 * (case, look-alikes, dashes and leading zeros ignored), then the nearest number.
 * @example closestCodes("В-41", ["В-040", "В-041", "В-014"]) //=> ["В-041", "В-040", "В-014"]
 */
export function closestCodes(code: string, codes: readonly string[], n = 3): string[] {
  const key = looseKey(code);
  const number = lastNumber(key);
  return [...new Set(codes)]
    .map((c) => {
      const k = looseKey(c);
      const other = lastNumber(k);
      const gap = number === null || other === null ? Infinity : Math.abs(number - other);
      return { c, d: distance(key, k), gap };
    })
    .sort((x, y) => x.d - y.d || x.gap - y.gap || naturalCompare(x.c, y.c))
    .slice(0, n)
    .map((x) => x.c);
}

/** The last number in a code, or null. */
function lastNumber(key: string): number | null {
  const all = key.match(/\d+/g);
  const last = all?.[all.length - 1];
  return last === undefined ? null : Number(last);
}

function findEpisode(register: Register, code: string): Episode | undefined {
  const exact = register.episodes.find((e) => e.code === code);
  if (exact) {
    return exact;
  }
  const key = codeKey(code.trim());
  return register.episodes.find((e) => codeKey(e.code) === key);
}

/** The family's children, one episode per child (the latest), oldest child first. */
function familyEpisodes(register: Register, e: Episode): Episode[] {
  if (e.familyCode === "") {
    return [e];
  }
  const key = matchKey(e.familyCode);
  const byChild = new Map<string, Episode>();
  for (const o of register.episodes) {
    if (matchKey(o.familyCode) !== key) {
      continue;
    }
    const seen = byChild.get(o.childKey);
    if (!seen || (o.identified ?? "") >= (seen.identified ?? "")) {
      byChild.set(o.childKey, o.childKey === e.childKey ? e : o);
    }
  }
  byChild.set(e.childKey, e);
  return [...byChild.values()].sort(
    (a, b) => (a.birthDate ?? "9999").localeCompare(b.birthDate ?? "9999") || a.row - b.row
  );
}

const KDN_NAMES: Partial<Record<DocumentKind, string>> = {
  "kdn-child": "Представление на постановку на муниципальный учет (приложение 4)",
  "kdn-family": "Представление на постановку на муниципальный учет семьи (приложение 4-а)",
};

/** The signal card of a request: by row, else the episode's earliest card. */
function pickSignal(
  register: Register,
  request: DocumentRequest,
  episode: Episode | undefined,
  notes: string[]
): Signal | string {
  const cards = register.signals;
  if (request.signalRow !== undefined) {
    const card = cards.find((s) => s.row === request.signalRow);
    if (!card) {
      const rows = cards.map((s) => s.row);
      return (
        `на листе «Сигналы» нет карты в строке ${request.signalRow}` +
        (rows.length > 0 ? `; карты есть в строках: ${rows.join(", ")}` : "; лист пуст")
      );
    }
    if (episode && card.caseCode !== "" && codeKey(card.caseCode) !== codeKey(episode.code)) {
      return `карта в строке ${card.row} листа «Сигналы» относится к случаю «${card.caseCode}», а не к «${episode.code}»`;
    }
    return card;
  }
  if (!episode) {
    return "укажите код случая (--case) или строку карты на листе «Сигналы» (--row)";
  }
  const mine = cards
    .filter((s) => s.caseCode !== "" && codeKey(s.caseCode) === codeKey(episode.code))
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.row - b.row);
  const first = mine[0];
  if (!first) {
    const free = cards.filter((s) => s.caseCode === "").map((s) => s.row);
    return (
      `у случая «${episode.code}» нет сигнальной карты на листе «Сигналы» (строки с этим кодом)` +
      (free.length > 0
        ? `; карты без кода — в строках ${free.join(", ")}: выберите нужную ключом --row`
        : "; добавьте карту на лист «Сигналы» с кодом случая в столбце «Код»")
    );
  }
  if (mine.length > 1) {
    notes.push(
      `У случая «${episode.code}» несколько сигнальных карт (строки ${mine.map((s) => s.row).join(", ")}); взята первая по дате, строка ${first.row}. Другую выберите ключом --row.`
    );
  }
  return first;
}

/**
 * Resolves a request against the register. `deadlines` are the register's deadlines on
 * `request.made` (`computeDeadlines` rows); only the episode's rows are kept.
 */
export function prepareDocument(
  register: Register,
  request: DocumentRequest,
  deadlines: readonly DocumentDeadline[]
): PreparedDocument {
  const notes: string[] = [];
  const warnings: string[] = [];
  const code = request.caseCode?.trim() ?? "";
  let episode: Episode | undefined;
  if (code !== "") {
    episode = findEpisode(register, code);
    if (!episode) {
      const near = closestCodes(
        code,
        register.episodes.map((e) => e.code)
      );
      return {
        ok: false,
        message:
          `на листе «Учёт» нет случая с кодом «${code}»` +
          (near.length > 0
            ? `; похожие коды: ${near.map((c) => `«${c}»`).join(", ")}`
            : "; лист «Учёт» пуст"),
      };
    }
  } else if (request.kind !== "signal" || request.signalRow === undefined) {
    return {
      ok: false,
      message:
        request.kind === "signal"
          ? "укажите код случая (--case) или строку карты на листе «Сигналы» (--row)"
          : "укажите код случая: --case КОД (столбец «Код» листа «Учёт»)",
    };
  }
  let signal: Signal | null = null;
  if (request.kind === "signal") {
    const picked = pickSignal(register, request, episode, notes);
    if (typeof picked === "string") {
      return { ok: false, message: picked };
    }
    signal = picked;
    if (!episode && picked.caseCode !== "") {
      episode = findEpisode(register, picked.caseCode);
    }
  }
  let quarter: Quarter | null = null;
  if (episode && request.kind === "plan") {
    quarter = request.quarter ?? quarterOf(request.made, register.settings.quarters);
    if (quarter === null) {
      return {
        ok: false,
        message: `дата ${formatDateRu(request.made)} не попадает ни в одну четверть из листа «Настройки»: укажите четверть ключом --quarter I…IV`,
      };
    }
    const span = quarterSpan(register.settings.quarters, quarter);
    if (span === null) {
      return {
        ok: false,
        message: `на листе «Настройки» нет дат ${quarter} четверти («${quarter} четверть с», «${quarter} четверть по»): заполните их`,
      };
    }
    if (!onRegisterInQuarter(episode, span)) {
      const why =
        episode.registered === null
          ? "он ещё не поставлен на учёт"
          : episode.registered > span.to
            ? `он поставлен на учёт ${formatDateRu(episode.registered)}, после этой четверти`
            : `он снят с учёта ${formatDateRu(episode.removed ?? span.from)}, до начала этой четверти`;
      warnings.push(`случай «${episode.code}» не состоял на учёте в ${quarter} четверти: ${why}`);
    }
  }
  const kdn = KDN_NAMES[request.kind];
  if (episode && kdn !== undefined && episode.level !== 2) {
    if (suggestTargetGroup(episode.indicators).group !== 2) {
      warnings.push(
        `${kdn} подаётся на детей (семьи) в социально опасном положении, а у случая «${episode.code}» ` +
          (episode.level === 1 ? "решён уровень 1" : "уровень ещё не решён") +
          " и нет показателей второй группы (С1–С15)"
      );
    }
  }
  const family = episode
    ? (register.families.find((f) => matchKey(f.code) === matchKey(episode.familyCode)) ?? null)
    : null;
  const caseKey = episode ? codeKey(episode.code) : null;
  const context: DocumentContext = {
    episode: episode ?? null,
    family: episode && episode.familyCode !== "" ? family : null,
    familyEpisodes: episode ? familyEpisodes(register, episode) : [],
    signal,
    actions:
      caseKey === null ? [] : register.actions.filter((a) => codeKey(a.caseCode) === caseKey),
    settings: register.settings,
    regulation: register.regulation,
    deadlines: episode
      ? deadlines
          .filter((d) => d.case !== null && codeKey(d.case) === caseKey)
          .map((d) => ({ ...d, case: episode.code }))
      : [],
    made: request.made,
  };
  return { ok: true, context, quarter, warnings, notes };
}
