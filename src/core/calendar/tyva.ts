/**
 * The regional non-working days of the Republic of Tyva, with their public sources
 * (shared/calendar/tyva.md). Law of the Republic of Tyva of 12.02.1999 № 143 «О праздничных днях
 * Республики Тыва»: 15 August (День Республики Тыва) every year, and Шагаа, one day whose date
 * the Supreme Khural sets each year. Only dates a source confirms are listed: a year without a
 * known Шагаа gets a note in its deadlines, never a guessed date.
 */
import type { RegionData } from "./regions";

/** Шагаа by year, each with its source (tyva.md). 2022, 2024 and 2027 have none. */
const SHAGAA: readonly { readonly date: string; readonly source: string }[] = [
  { date: "2021-02-12", source: "tmgnews.ru, «О дне празднования Шагаа в 2021 году»" },
  {
    date: "2023-02-21",
    source: "tuvaonline.ru, 15.12.2022 (постановление Верховного Хурала от 14.12.2022)",
  },
  { date: "2025-03-01", source: "tuvaonline.ru, 11.12.2024 «В Туве Год Змеи встретят 1 марта»" },
  { date: "2026-02-18", source: "vse-dni.ru, «Шагаа 2026 в Республике Тыва»" },
];

export const TYVA: RegionData = {
  key: "tyva",
  title: "Республика Тыва",
  locative: "в Республике Тыва",
  aliases: ["Республика Тыва", "Тыва", "Тува", "Республика Тува", "Тыва Республика"],
  fixed: [{ mmdd: "08-15", name: "День Республики Тыва", since: 1999 }],
  movable: [
    {
      name: "Шагаа",
      dates: new Map(SHAGAA.map((s) => [Number(s.date.slice(0, 4)), s.date])),
      // The lunar New Year falls between late January and early March (2025: 1 March).
      window: ["01-20", "03-15"],
    },
  ],
  // 15.08.2021 was a Sunday; 16.08.2021 (Monday) was the day off (tuva-news.net, 13.08.2021).
  // No source confirms a transfer in another year: none is assumed.
  transfers: [{ dayOff: "2021-08-16", from: "2021-08-15" }],
};
