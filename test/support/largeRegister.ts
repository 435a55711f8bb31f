/**
 * A large, seeded register as rows by header, written by `npm run bench` to an .xlsx file and
 * seeded into the fake Excel by the add-in's tests and bench.
 */
import { addDays, type IsoDate } from "../../src/core/dates/isoDate";
import { INDICATORS } from "../../src/core/indicators/catalog";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  SERVICE_KINDS,
  STEPS,
  type SheetKey,
} from "../../src/core/register/schema";
import { mulberry32 } from "./builders";

export type SeedValue = string | number | { date: IsoDate } | null;

/**
 * The large register of the benchmarks and the add-in's size tests: `episodes` episodes, and
 * as many rows each of «Мероприятия», «Помощь», «Занятость», «Служба», by header.
 */
export function largeRegisterRows(
  episodes: number,
  seed = 20261123
): Partial<Record<SheetKey, Record<string, SeedValue>[]>> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const day = (from: IsoDate, span: number): { date: IsoDate } => ({
    date: addDays(from, Math.floor(rnd() * span)),
  });
  const cases: Record<string, SeedValue>[] = [];
  for (let i = 1; i <= episodes; i++) {
    const identified = day("2025-09-01", 420);
    const registered = rnd() < 0.85 ? addDays(identified.date, 3 + Math.floor(rnd() * 10)) : null;
    const codes = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(INDICATORS).code);
    const level = codes.some((c) => c.startsWith("С")) ? "2" : "1";
    cases.push({
      Код: `В-${i}`,
      Фамилия: pick(["Иванов", "Монгуш", "Ооржак", "Петров", "Сат", "Кузнецов", "Донгак"]),
      Имя: pick(["Артём", "Айдыс", "Мерген", "Иван", "Чечек", "Анна", "Айлана"]),
      Отчество: pick(["Сергеевич", "Орлан-оолович", "Петрович", ""]),
      "Дата рождения": day("2010-01-01", 3650),
      Класс: `${1 + Math.floor(rnd() * 11)}${pick(["А", "Б", "В"])}`,
      "Код семьи": rnd() < 0.9 ? `С-${Math.floor(rnd() * 7000)}` : null,
      "Дата выявления": identified,
      Источник: "классный руководитель",
      Показатели: codes.join(", "),
      Уровень: registered ? level : null,
      "Дата постановки": registered ? { date: registered } : null,
      Протокол: registered ? `№ ${i}` : null,
      "Дата снятия":
        registered && rnd() < 0.25
          ? { date: addDays(registered, 30 + Math.floor(rnd() * 200)) }
          : null,
      "Основание снятия": null,
      Куратор: "Социальный педагог",
      Примечание: null,
    });
  }
  const code = (): string => `В-${1 + Math.floor(rnd() * episodes)}`;
  const n = episodes;
  return {
    cases,
    assistance: Array.from({ length: n }, () => ({
      Код: code(),
      Дата: day("2025-09-01", 450),
      "Вид помощи": pick(ASSISTANCE_KINDS).title,
      Содержание: "консультация",
    })),
    activities: Array.from({ length: n }, () => ({
      Код: code(),
      Вид: pick(ACTIVITY_KINDS).title,
      Объединение: "кружок «Умелые руки»",
      "Дата начала": day("2025-09-01", 300),
      "Дата окончания": rnd() < 0.5 ? day("2026-05-01", 300) : null,
    })),
    service: Array.from({ length: n }, () => ({
      Дата: day("2026-09-01", 260),
      "Вид работы": pick(SERVICE_KINDS).title,
      Количество: 1 + Math.floor(rnd() * 3),
      Охвачено: Math.floor(rnd() * 20),
      Примечание: null,
    })),
    actions: Array.from({ length: n }, () => ({
      Код: code(),
      Шаг: pick(STEPS).title,
      Раздел: "ребёнок",
      Направление: null,
      Мероприятие: "регламентный шаг",
      Срок: null,
      Ответственный: "Классный руководитель",
      Выполнено: rnd() < 0.7 ? day("2025-09-10", 440) : null,
      Примечание: null,
    })),
  };
}
