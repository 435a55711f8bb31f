/**
 * `why` — «Почему на учёте» (documents.md §8): one page in plain Russian for a parent or an
 * inspector. The child and the episode; each indicator with its full wording and the group it
 * points to; the suggested group and the decided level, who decided and by what; the dates; the
 * steps done and still due; what removal requires. Nothing about another child, and about the
 * family nothing beyond what the indicators say.
 */
import { formatDateRu } from "../dates/isoDate";
import { findIndicator } from "../indicators/catalog";
import { suggestTargetGroup } from "../indicators/targetGroup";
import type { Episode } from "../register/model";
import { RECURRING_STEPS } from "../register/regulation";
import { STEPS, type StepKey } from "../register/schema";
import {
  dateValue,
  decisionParts,
  fullName,
  label,
  line,
  orBlank,
  registrationDecision,
  schoolName,
  shortName,
  STEP_WORDS,
  value,
  type DocumentContext,
} from "./common";
import { DOCUMENT_NAMES, type DocumentBlock, type DocumentModel, type ListItem } from "./model";

/** The marker the task pane writes before a decision's reason in «Примечание» (docs/decisions.md). */
const REASON_MARKER = "Причина решения об уровне:";

const GROUP_WORDS = {
  0: "показатели неблагополучия не отмечены",
  1: "первая целевая группа (ранняя стадия семейного неблагополучия)",
  2: "вторая целевая группа (социально опасное положение)",
} as const;

function indicatorItems(e: Episode): ListItem[] {
  return e.indicators.map((code) => {
    const i = findIndicator(code);
    const group = i?.level === 2 ? "второй" : "первой";
    return { text: `${code} — ${i?.full ?? code}; показатель ${group} целевой группы` };
  });
}

function decisionTexts(e: Episode): string[] {
  const suggested = suggestTargetGroup(e.indicators).group;
  const out = [`Рекомендация по показателям: ${GROUP_WORDS[suggested]}.`];
  if (e.level === null || e.registered === null) {
    out.push(
      "Решение о постановке на учёт ещё не принято: его принимает Совет профилактики школы " +
        "(уровень 1) или комиссия по делам несовершеннолетних и защите их прав — КДН и ЗП (уровень 2)."
    );
    return out;
  }
  const d = registrationDecision(e);
  const by =
    e.level === 2
      ? `Решение приняла комиссия по делам несовершеннолетних и защите их прав (КДН и ЗП): постановление от ${d.date ?? "___"} № ${d.number ?? "___"}.`
      : `Решение принял Совет профилактики школы: протокол от ${d.date ?? "___"} № ${d.number ?? "___"}.`;
  out.push(
    `Решение: уровень ${e.level} — ${e.level === 2 ? GROUP_WORDS[2] : GROUP_WORDS[1]}. ${by}`
  );
  if (suggested !== e.level) {
    const at = e.note.indexOf(REASON_MARKER);
    const reason = at >= 0 ? e.note.slice(at + REASON_MARKER.length).trim() : "";
    out.push(
      `Решение отличается от рекомендации по показателям${reason !== "" ? `; причина: ${reason.replace(/\.$/, "")}` : ""}.`
    );
  }
  return out;
}

/** Steps done: the latest «Выполнено» of each regulated step, in the steps' order. */
function doneItems(ctx: DocumentContext): ListItem[] {
  const latest = new Map<StepKey, { date: string; count: number }>();
  for (const a of ctx.actions) {
    if (a.step === null || a.done === null) {
      continue;
    }
    const seen = latest.get(a.step);
    latest.set(a.step, {
      date: seen && seen.date > a.done ? seen.date : a.done,
      count: (seen?.count ?? 0) + 1,
    });
  }
  return STEPS.filter((s) => latest.has(s.key)).map((s) => {
    const l = latest.get(s.key) as { date: string; count: number };
    const when =
      l.count > 1
        ? `последний раз ${formatDateRu(l.date)} (всего ${l.count})`
        : formatDateRu(l.date);
    return { text: `${STEP_WORDS[s.key]} — ${when}` };
  });
}

/** Steps still due on the day: the deadlines not done, with their status. */
function dueItems(ctx: DocumentContext, e: Episode): ListItem[] {
  return ctx.deadlines
    .filter((d) => d.case === e.code && d.status !== "выполнено")
    .map((d) => {
      const key = d.step as StepKey;
      const name = STEP_WORDS[key] ?? d.step;
      const late =
        d.status === "просрочено" ? " (срок пропущен)" : d.status === "сегодня" ? " (сегодня)" : "";
      const prefix = RECURRING_STEPS.has(key) ? "очередной раз до" : "до";
      return { text: `${name} — ${prefix} ${formatDateRu(d.due)}${late}` };
    });
}

function removalTexts(e: Episode): string[] {
  if (e.removed !== null) {
    const body = e.level === 2 ? "постановление КДН и ЗП" : "протокол Совета профилактики";
    const { number } = decisionParts(e.removalProtocol, null);
    const basis =
      e.removalReason.trim() !== ""
        ? ` Основание: ${e.removalReason.trim().replace(/\.$/, "")}.`
        : "";
    const act =
      number !== null ? ` Решение: ${body} № ${number} от ${formatDateRu(e.removed)}.` : "";
    return [`Снят(а) с учёта ${formatDateRu(e.removed)}.${basis}${act}`];
  }
  return e.level === 2
    ? [
        "С учёта в социально опасном положении снимает только районная комиссия по делам " +
          "несовершеннолетних и защите их прав своим постановлением — на основании позитивных " +
          "изменений обстоятельств жизни обучающегося и его семьи. Школа сама снять с такого " +
          "учёта не может: она направляет в комиссию материалы о результатах работы.",
      ]
    : [
        "С внутришкольного учёта снимает Совет профилактики школы своим решением (протокол " +
          "с номером и датой) — на основании позитивных изменений обстоятельств жизни " +
          "обучающегося, подтверждённых по итогам индивидуального плана сопровождения.",
      ];
}

/** Builds «Почему на учёте». */
export function whyOnRegister(ctx: DocumentContext, e: Episode): DocumentModel {
  const done = doneItems(ctx);
  const due = dueItems(ctx, e);
  const indicators = indicatorItems(e);
  const blocks: DocumentBlock[] = [
    { type: "title", lines: ["Почему на учёте"] },
    {
      type: "text",
      style: "center",
      text: `Справка для родителей (законных представителей) и проверяющих по состоянию на ${formatDateRu(ctx.made)}`,
    },
    { type: "space" },
    line(
      label("Обучающийся (-аяся)"),
      value(orBlank(fullName(e)), undefined, 2),
      label("класс"),
      value(orBlank(e.className), undefined, 0.4)
    ),
    line(label("Образовательная организация"), value(schoolName(ctx.settings))),
    line(
      label("Код случая"),
      value(orBlank(e.code), undefined, 0.5),
      label("выявлен"),
      value(dateValue(e.identified), undefined, 0.6),
      label("на учёте с"),
      value(dateValue(e.registered), undefined, 0.6)
    ),
    { type: "space" },
    {
      type: "text",
      style: "bold",
      text: "Показатели неблагополучия (приложение 1 к приказу Министерства образования Республики Тыва от 14.03.2023 № 223-д):",
    },
    indicators.length > 0
      ? { type: "list", marker: "dash", items: indicators }
      : { type: "text", text: "показатели не отмечены." },
    ...decisionTexts(e).map((text): DocumentBlock => ({ type: "text", text })),
    { type: "text", style: "bold", text: "Что уже сделано:" },
    done.length > 0
      ? { type: "list", marker: "dash", items: done }
      : { type: "text", text: "отметок о выполненных шагах пока нет." },
    { type: "text", style: "bold", text: "Что предстоит:" },
    due.length > 0
      ? { type: "list", marker: "dash", items: due }
      : { type: "text", text: "сроков, которые ещё предстоят, нет." },
    { type: "text", style: "bold", text: "Как снимают с учёта:" },
    ...removalTexts(e).map((text): DocumentBlock => ({ type: "text", text })),
    { type: "space" },
    {
      type: "signature",
      role: "Заместитель директора по воспитательной работе",
      name: orBlank(ctx.settings.deputy),
      date: formatDateRu(ctx.made),
    },
  ];
  return {
    kind: "why",
    name: DOCUMENT_NAMES.why,
    subject: shortName(e),
    caseCode: e.code,
    onePage: true,
    blocks,
  };
}
