/**
 * The record sheets of the demo register besides «Мероприятия» (./demoActions.ts) and «Помощь»
 * (./demoAssistance.ts): «Занятость», «Служба», «Соцпаспорт», «Сигналы». Every date is counted
 * from the demo date and the episodes' dates (./demoRegister.ts).
 */
import { addDays, ageOn, daysBetween } from "../dates/isoDate";
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_KINDS,
  PASSPORT_CATEGORIES,
  PASSPORT_COLUMNS,
  SERVICE_COLUMNS,
  SERVICE_KINDS,
  SIGNAL_COLUMNS,
  type ActivityKind,
  type PassportCategory,
  type ServiceKind,
} from "../register/schema";
import {
  backToWorking,
  cycle,
  dateCell,
  forwardToWorking,
  makeRow,
  onRegister,
  type BuiltEpisode,
  type DemoContext,
  type Row,
} from "./demoContext";
import { FAMILIES, SCHOOL, VILLAGE } from "./demoPeople";

// ---- «Занятость» --------------------------------------------------------------------------

const ACTIVITY_TITLE = new Map(ACTIVITY_KINDS.map((k) => [k.key, k.title]));

const ACTIVITIES: readonly {
  readonly kind: ActivityKind;
  readonly name: string;
  readonly startAgo: number;
  readonly endAgo: number | null;
}[] = [
  { kind: "schoolClubs", name: "Хоомей (горловое пение)", startAgo: 150, endAgo: null },
  { kind: "sports", name: "Национальная борьба хуреш", startAgo: 120, endAgo: null },
  { kind: "tourism", name: "Юный турист", startAgo: 90, endAgo: 12 },
  { kind: "other", name: "Юнармия", startAgo: 100, endAgo: null },
  { kind: "schoolClubs", name: "Робототехника", startAgo: 80, endAgo: 20 },
  { kind: "sports", name: "Волейбол", startAgo: 70, endAgo: null },
  { kind: "schoolClubs", name: "Юный художник", startAgo: 60, endAgo: null },
  { kind: "other", name: "Волонтёрский отряд «Доброе сердце»", startAgo: 55, endAgo: null },
  { kind: "tourism", name: "Краеведы Хемчика", startAgo: 45, endAgo: null },
  { kind: "sports", name: "Стрельба из лука", startAgo: 40, endAgo: 5 },
  { kind: "schoolClubs", name: "Вокальная студия", startAgo: 35, endAgo: null },
  { kind: "sports", name: "Вольная борьба", startAgo: 30, endAgo: null },
  { kind: "other", name: "Клуб чтения при сельской библиотеке", startAgo: 25, endAgo: null },
  { kind: "tourism", name: "Юный турист", startAgo: 20, endAgo: null },
  { kind: "schoolClubs", name: "Шахматы", startAgo: 15, endAgo: 3 },
];

/** 15 rows of every kind, some ended before the demo date. */
export function activityRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const eligible = episodes.filter((e) => onRegister(e, ctx.on));
  if (eligible.length === 0) {
    return [];
  }
  return ACTIVITIES.map((a, i) => {
    const e = cycle(eligible, i * 2 + 1);
    return makeRow(ACTIVITY_COLUMNS, {
      Код: e.code,
      Вид: ACTIVITY_TITLE.get(a.kind) ?? null,
      Объединение: a.name,
      "Дата начала": dateCell(addDays(ctx.on, -a.startAgo)),
      "Дата окончания": dateCell(a.endAgo === null ? null : addDays(ctx.on, -a.endAgo)),
    });
  });
}

// ---- «Служба» -----------------------------------------------------------------------------

const SERVICE_TITLE = new Map(SERVICE_KINDS.map((k) => [k.key, k.title]));

const SERVICE_PATTERN: readonly ServiceKind[] = [
  "consultationsIndividual",
  "pedagogicalCouncils",
  "consultationsGroup",
  "consultationsIndividual",
  "trainings",
  "plansCarriedOut",
  "commissionMeetings",
  "consultationsIndividual",
  "consultationsGroup",
  "consultationsIndividual",
];

const SERVICE_NOTES: Readonly<Record<ServiceKind, readonly string[]>> = {
  consultationsIndividual: [
    "консультации учащихся группы риска",
    "консультации родителей",
    "по запросу классных руководителей",
  ],
  consultationsGroup: ["родительское собрание 5–7 классов", "групповая консультация для опекунов"],
  trainings: ["тренинг «Учимся общаться без конфликтов»", "тренинг для подростков «Мой выбор»"],
  plansCarriedOut: ["выполнены мероприятия ИПС за период"],
  commissionMeetings: ["заседание КДН и ЗП кожууна"],
  pedagogicalCouncils: ["педсовет: итоги профилактической работы", "МО классных руководителей"],
};

/** 30 log rows spread from quarter I's start to the demo date (working days). */
export function serviceRows(ctx: DemoContext): Row[] {
  const span = Math.max(0, daysBetween(ctx.from, ctx.on));
  const rows: Row[] = [];
  for (let k = 0; k < 30; k++) {
    const nominal = addDays(ctx.from, Math.floor((k * span) / 29));
    const back = backToWorking(ctx, nominal, ctx.from);
    const date = ctx.calendar.isWorkingDay(back) ? back : forwardToWorking(ctx, nominal, ctx.on);
    const kind = cycle(SERVICE_PATTERN, k);
    const count = kind === "consultationsIndividual" ? 1 + (k % 3) : 1;
    const covered =
      kind === "consultationsIndividual"
        ? count
        : kind === "consultationsGroup"
          ? 6 + (k % 9)
          : kind === "trainings"
            ? 10 + (k % 12)
            : kind === "plansCarriedOut"
              ? 1
              : kind === "commissionMeetings"
                ? k % 3
                : 20 + (k % 8);
    rows.push(
      makeRow(SERVICE_COLUMNS, {
        Дата: dateCell(date),
        "Вид работы": SERVICE_TITLE.get(kind) ?? null,
        Количество: count,
        Охвачено: covered,
        Примечание: cycle(SERVICE_NOTES[kind], k),
      })
    );
  }
  return rows;
}

// ---- «Соцпаспорт» -------------------------------------------------------------------------

/**
 * Children per category and class 1…11 (index 0 = class 1). «Нуждающиеся в поддержке» holds
 * the form's «в том числе» rows (с потерей кормильца … многодетных), so none of them exceeds
 * it (a family may be in several of them); «Полные благополучные» is what is left of the class
 * after the families in need and a few that are neither.
 */
const NEED_SUPPORT = [9, 8, 10, 8, 10, 9, 7, 8, 7, 5, 5] as const;
const NEITHER = [2, 1, 2, 1, 2, 1, 1, 2, 1, 1, 0] as const;
const PASSPORT_PARTS: Readonly<Partial<Record<PassportCategory, readonly number[]>>> = {
  lostBreadwinner: [1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1],
  divorced: [2, 3, 1, 2, 3, 2, 1, 2, 2, 1, 1],
  singleParent: [3, 4, 3, 3, 4, 3, 3, 2, 3, 2, 2],
  disabledChildren: [0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0],
  disabledParents: [1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1],
  guardianship: [1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0],
  unemployed: [3, 2, 4, 2, 3, 3, 2, 3, 2, 2, 1],
  largeFamilies: [6, 5, 7, 4, 6, 5, 4, 5, 3, 2, 2],
};
const CLASS_TOTALS = [24, 22, 25, 21, 26, 23, 20, 22, 19, 14, 12] as const;
/** Children of a class who have a brother or sister in the same class (twins of large families). */
const CLASS_SIBLINGS = [2, 0, 2, 0, 2, 0, 0, 2, 0, 0, 0] as const;

/**
 * One row per class 1А…11А: every «в том числе» row within «Нуждающиеся в поддержке», families
 * ≤ children, every category ≤ the class total (passportWarnings finds nothing).
 */
export function passportRows(): Row[] {
  return CLASS_TOTALS.map((total, i) => {
    const part = (c: PassportCategory): number => PASSPORT_PARTS[c]?.[i] ?? 0;
    const need = NEED_SUPPORT[i] ?? 0;
    const children: Record<PassportCategory, number> = {
      total,
      completeProsperous: total - need - (NEITHER[i] ?? 0),
      needSupport: need,
      lostBreadwinner: part("lostBreadwinner"),
      divorced: part("divorced"),
      singleParent: part("singleParent"),
      disabledChildren: part("disabledChildren"),
      disabledParents: part("disabledParents"),
      guardianship: part("guardianship"),
      unemployed: part("unemployed"),
      largeFamilies: part("largeFamilies"),
    };
    // Twins are one family: counted once in «Всего», «Нуждающиеся» and «Многодетные».
    const twins = (CLASS_SIBLINGS[i] ?? 0) / 2;
    const withTwins = new Set<PassportCategory>(["total", "needSupport", "largeFamilies"]);
    const values: Record<string, number | string> = { Класс: `${i + 1}А` };
    for (const c of PASSPORT_CATEGORIES) {
      const n = children[c.key];
      values[`${c.title}: детей`] = n;
      values[`${c.title}: семей`] = withTwins.has(c.key) ? n - twins : n;
    }
    return makeRow(PASSPORT_COLUMNS, values);
  });
}

// ---- «Сигналы» ----------------------------------------------------------------------------

/** Three signal cards: two about episodes of the register, one not yet entered (no code). */
export function signalRows(ctx: DemoContext, episodes: readonly BuiltEpisode[]): Row[] {
  const rows: Row[] = [];
  const fullName = (e: BuiltEpisode): string =>
    `${e.child.last} ${e.child.first} ${e.child.middle}`;
  const family = (e: BuiltEpisode) => FAMILIES.find((f) => f.code === e.child.family);
  const egorov = episodes.find((e) => e.seed.child === "egorov");
  if (egorov) {
    const f = family(egorov);
    rows.push(
      makeRow(SIGNAL_COLUMNS, {
        Дата: dateCell(egorov.identified),
        Код: egorov.code,
        "От кого": "ПДН ОВД по Барун-Хемчикскому кожууну",
        Специалист: "Саая Чодураа Валерьевна, инспектор ПДН",
        "Телефон специалиста": "8-923-000-02-02",
        "ФИО родителя": f?.mother ?? null,
        Статус: "мать",
        "Возраст родителя": 38,
        "Место работы": "временно не работает",
        Адрес: f?.address ?? null,
        "ФИО несовершеннолетнего": fullName(egorov),
        Возраст: ageOn(egorov.birth, egorov.identified),
        "Образовательная организация": SCHOOL,
        Причины: "3, 6",
        Другое: "ребёнок задержан в вечернее время без сопровождения взрослых",
        Неорганизован: "нет",
      })
    );
  }
  const novikov = episodes.find((e) => e.seed.child === "novikov");
  if (novikov) {
    const f = family(novikov);
    rows.push(
      makeRow(SIGNAL_COLUMNS, {
        Дата: dateCell(novikov.identified),
        Код: novikov.code,
        "От кого": "ГБУЗ РТ «Барун-Хемчикская ЦКБ» (вымышленное учреждение)",
        Специалист: "Куулар Саяна Олеговна, врач-педиатр",
        "Телефон специалиста": "8-923-000-03-03",
        "ФИО родителя": f?.father ?? null,
        Статус: "отец",
        "Возраст родителя": 41,
        "Место работы": "ООО «Хемчикстрой» (вымышленное), разнорабочий",
        Адрес: f?.address ?? null,
        "ФИО несовершеннолетнего": fullName(novikov),
        Возраст: ageOn(novikov.birth, novikov.identified),
        "Образовательная организация": SCHOOL,
        Причины: "2; 3",
        Другое: "синяки на руках и спине, объяснения родителей невнятные",
        Неорганизован: "нет",
      })
    );
  }
  const date = backToWorking(ctx, addDays(ctx.on, -4), addDays(ctx.on, -10));
  rows.push(
    makeRow(SIGNAL_COLUMNS, {
      Дата: dateCell(date),
      Код: null,
      "От кого": "классный руководитель 3Б",
      Специалист: "Бады Айыр Сергеевич, классный руководитель",
      "Телефон специалиста": "8-923-000-04-04",
      "ФИО родителя": "Байыр Алимаа Эдуардовна",
      Статус: "мать",
      "Возраст родителя": 29,
      "Место работы": "не работает",
      Адрес: `${VILLAGE}, ул. Степная, д. 40`,
      "ФИО несовершеннолетнего": "Байыр Сайзана Эдуардовна",
      Возраст: 9,
      "Образовательная организация": SCHOOL,
      Причины: "5, 13",
      Другое: "пропустила 12 дней без уважительной причины; мать на звонки не отвечает",
      Неорганизован: "нет",
    })
  );
  return rows;
}
