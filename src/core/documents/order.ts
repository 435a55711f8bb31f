/**
 * `order` — the draft of the director's order on registration (seed 000 II.1, due 14 days
 * from identification; documents.md §7): number and date left blank, the basis (the council's
 * protocol or the commission's постановление), the child and the family, the level in the
 * seed's words, the curator, the steps with their due dates, the deputy director in control.
 * A draft to be registered and signed by the school, so it says «Проект».
 */
import { formatDateRu } from "../dates/isoDate";
import type { Level } from "../indicators/catalog";
import type { Episode, RegulationPeriod } from "../register/model";
import { RECURRING_STEPS } from "../register/regulation";
import type { StepKey } from "../register/schema";
import {
  decisionText,
  familyNames,
  filingLevel,
  fullName,
  label,
  LEVEL_FAMILY_WORDS,
  line,
  orBlank,
  registrationDecision,
  schoolName,
  shortName,
  STEP_WORDS,
  value,
  type DocumentContext,
  type DocumentDeadline,
} from "./common";
import { DOCUMENT_NAMES, type DocumentBlock, type DocumentModel, type ListItem } from "./model";

/** The steps the curator is charged with (those after registration). */
const ORDER_STEPS: readonly StepKey[] = [
  "meeting",
  "visit",
  "inspection",
  "characteristic",
  "observation",
  "successReview",
  "planReview",
];

/** A period of «Регламент» in words: «в течение 7 дн. со дня постановки на учёт», «раз в 14 дн.». */
export function periodWords(period: RegulationPeriod, recurring: boolean): string {
  if ("quarterEnd" in period) {
    return "по окончании каждой четверти";
  }
  if ("months" in period) {
    const n = period.months;
    return recurring
      ? n === 1
        ? "ежемесячно"
        : `раз в ${n} мес.`
      : `в течение ${n} мес. со дня постановки на учёт`;
  }
  const n = period.days;
  if (recurring) {
    return n === 14 ? "раз в 2 недели" : n === 7 ? "еженедельно" : `раз в ${n} дн.`;
  }
  return n === 0 ? "в день постановки на учёт" : `в течение ${n} дн. со дня постановки на учёт`;
}

/** The period of a step for a level in the regulation profile; null = not tracked. */
export function stepPeriod(
  ctx: DocumentContext,
  step: StepKey,
  level: Level
): RegulationPeriod | null {
  const s = ctx.regulation.steps.find((r) => r.step === step);
  if (!s) {
    return null;
  }
  return level === 2 ? s.level2 : s.level1;
}

/** The episode's deadline row of a step, if the deadlines of the day list it. */
export function deadlineOf(
  ctx: DocumentContext,
  e: Episode,
  step: StepKey
): DocumentDeadline | undefined {
  return ctx.deadlines.find((d) => d.case === e.code && d.step === step);
}

/** One step of the order: «… — в течение 7 дн. со дня постановки на учёт, до 03.09.2026». */
function stepItem(ctx: DocumentContext, e: Episode, step: StepKey, level: Level): ListItem | null {
  const period = stepPeriod(ctx, step, level);
  if (period === null) {
    return null;
  }
  const recurring = RECURRING_STEPS.has(step);
  const d = deadlineOf(ctx, e, step);
  let when = periodWords(period, recurring);
  if (d) {
    when += recurring ? `, ближайший срок ${formatDateRu(d.due)}` : `, до ${formatDateRu(d.due)}`;
  }
  return { text: `${STEP_WORDS[step]} — ${when};` };
}

/** Builds the draft order. */
export function registrationOrder(ctx: DocumentContext, e: Episode): DocumentModel {
  const level = filingLevel(e);
  const decision = registrationDecision(e);
  const steps = ORDER_STEPS.map((s) => stepItem(ctx, e, s, level)).filter(
    (i): i is ListItem => i !== null
  );
  const last = steps[steps.length - 1];
  if (last) {
    steps[steps.length - 1] = { text: last.text.replace(/;$/, ".") };
  }
  const family = [
    familyNames(ctx.family, e),
    e.familyCode !== "" ? `код семьи ${e.familyCode}` : "",
  ]
    .filter((t) => t !== null && t !== "")
    .join("; ");
  const since = e.registered ? ` с ${formatDateRu(e.registered)}` : "";
  const blocks: DocumentBlock[] = [
    { type: "text", style: "right", text: "ПРОЕКТ" },
    line(value(schoolName(ctx.settings), "(наименование образовательной организации)")),
    { type: "space" },
    { type: "title", lines: ["ПРИКАЗ"] },
    line(label("от"), value(null), label("№"), value(null, undefined, 0.6)),
    { type: "space" },
    { type: "title", lines: ["О постановке на внутришкольный учёт"] },
    { type: "space" },
    {
      type: "text",
      text:
        "В соответствии с Федеральным законом от 24 июня 1999 г. № 120-ФЗ «Об основах системы " +
        "профилактики безнадзорности и правонарушений несовершеннолетних», приказом Министерства " +
        "образования Республики Тыва от 14 марта 2023 г. № 223-д «О порядке организации работы " +
        "образовательной организации с семьями (детьми) группы риска», на основании " +
        `${decisionText(decision, "genitive")}.`,
    },
    { type: "text", style: "bold", text: "ПРИКАЗЫВАЮ:" },
    {
      type: "text",
      text: `1. Поставить на внутришкольный учёт${since} несовершеннолетнего, ${LEVEL_FAMILY_WORDS[level]}:`,
    },
    line(
      value(orBlank(fullName(e)), "(Ф.И.О.)", 2),
      label("обучающегося"),
      value(orBlank(e.className), undefined, 0.4),
      label("класса")
    ),
    line(label("Семья:"), value(orBlank(family))),
    line(
      label("2. Назначить куратором индивидуального плана сопровождения"),
      value(orBlank(e.curator))
    ),
    { type: "text", text: "3. Куратору обеспечить в установленные сроки:" },
    { type: "list", marker: "dash", items: steps },
    {
      type: "text",
      text: "4. Контроль за исполнением приказа возложить на заместителя директора по воспитательной работе",
    },
    line(value(orBlank(ctx.settings.deputy), "(Ф.И.О.)")),
    { type: "space" },
    { type: "signature", role: "Директор", name: orBlank(ctx.settings.director) },
    { type: "signature", role: "С приказом ознакомлен(а):", name: orBlank(e.curator), date: null },
  ];
  return {
    kind: "order",
    name: DOCUMENT_NAMES.order,
    subject: shortName(e),
    caseCode: e.code,
    onePage: false,
    blocks,
  };
}
