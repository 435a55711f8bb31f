/**
 * Quick entries of the pane — a row of «Помощь», «Занятость», «Служба» — and marking a regulated
 * step done in «Мероприятия». One batch, one `context.sync`, with the «Журнал» row.
 */
import type { IsoDate } from "../core/dates/isoDate";
import type { Action } from "../core/register/model";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  SERVICE_KINDS,
  type SheetKey,
  type StepKey,
} from "../core/register/schema";
import { matchKey } from "../core/text";
import type { ActivityDraft, AssistanceDraft, ServiceDraft, WriteOutcome } from "./gateway";
import { patched } from "./readPatch";
import { appendedRow, queueAppend, queueUpdate, type RowRecord } from "./rows";
import { needEpisode, needLayout, type GatewaySession } from "./session";
import { dateCell, numberCell, textCell } from "./textSafe";
import { writable } from "./upgrade";
import { stepName, stepTitle } from "./writeCase";

function titleOf<K extends string>(list: readonly { key: K; title: string }[], key: K): string {
  return list.find((x) => x.key === key)?.title ?? key;
}

/** Appends one row to one table in one sync, with its journal row. */
async function appendOne(
  s: GatewaySession,
  key: SheetKey,
  record: RowRecord,
  action: string,
  code: string
): Promise<WriteOutcome> {
  const { read, upgraded } = await writable(s);
  const layout = needLayout(read, key);
  const c = await s.capabilities();
  const done = await s.write(read, (context) => {
    const ticket = queueAppend(context, layout, [record], c);
    return {
      appends: [ticket],
      journal: [{ action, sheet: key, rows: ticket, codes: code === "" ? [] : [code] }],
      after: () => undefined,
    };
  });
  s.last = done.repaired ? null : patched(read, { [key]: 1, journal: done.journalRows }, {});
  return { upgraded };
}

export function addAssistance(s: GatewaySession, d: AssistanceDraft): Promise<WriteOutcome> {
  return appendOne(
    s,
    "assistance",
    {
      Код: textCell(d.caseCode),
      Дата: dateCell(d.date),
      "Вид помощи": textCell(titleOf(ASSISTANCE_KINDS, d.kind)),
      Содержание: textCell(d.content),
    },
    "помощь семье",
    d.caseCode
  );
}

export function addActivity(s: GatewaySession, d: ActivityDraft): Promise<WriteOutcome> {
  return appendOne(
    s,
    "activities",
    {
      Код: textCell(d.caseCode),
      Вид: textCell(titleOf(ACTIVITY_KINDS, d.kind)),
      Объединение: textCell(d.name),
      "Дата начала": dateCell(d.start),
      "Дата окончания": dateCell(d.end),
    },
    "занятость ребёнка",
    d.caseCode
  );
}

export function addService(s: GatewaySession, d: ServiceDraft): Promise<WriteOutcome> {
  return appendOne(
    s,
    "service",
    {
      Дата: dateCell(d.date),
      "Вид работы": textCell(titleOf(SERVICE_KINDS, d.kind)),
      Количество: numberCell(d.count),
      Охвачено: numberCell(d.covered),
      Примечание: textCell(d.note),
    },
    "журнал службы",
    ""
  );
}

/** «Выполнено» on the open row of the step (the earliest due), or a new row of «Мероприятия». */
export async function markStepDone(
  s: GatewaySession,
  code: string,
  step: StepKey,
  date: IsoDate
): Promise<WriteOutcome> {
  const { read, upgraded } = await writable(s);
  const c = await s.capabilities();
  const episode = needEpisode(read.register, code);
  const actions = needLayout(read, "actions");
  const open = read.register.actions
    .filter(
      (a) => a.step === step && a.done === null && matchKey(a.caseCode) === matchKey(episode.code)
    )
    .sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"))[0];
  const action = `выполнено: ${stepTitle(step)}`;
  if (open) {
    const done = await s.write(read, (context) => ({
      update: queueUpdate(
        context,
        actions,
        open.row,
        { Выполнено: dateCell(date) },
        { header: "Код", text: open.caseCode }
      ),
      journal: [{ action, sheet: "actions", rows: [open.row], codes: [episode.code] }],
      after: () => undefined,
    }));
    s.last = patched(read, { journal: done.journalRows }, { doneRow: { row: open.row, date } });
    return { upgraded };
  }
  const record: RowRecord = {
    Код: textCell(episode.code),
    Шаг: textCell(stepTitle(step)),
    Раздел: textCell("ребёнок"),
    Мероприятие: textCell(stepName(step)),
    Выполнено: dateCell(date),
  };
  const done = await s.write(read, (context) => {
    const ticket = queueAppend(context, actions, [record], c);
    return {
      appends: [ticket],
      journal: [{ action, sheet: "actions", rows: ticket, codes: [episode.code] }],
      after: () => appendedRow(ticket),
    };
  });
  const added: Action = {
    row: done.value,
    caseCode: episode.code,
    step,
    section: "ребёнок",
    direction: "",
    title: stepName(step),
    due: null,
    responsible: "",
    done: date,
    note: "",
    block: null,
  };
  s.last = done.repaired
    ? null
    : patched(read, { actions: 1, journal: done.journalRows }, { actions: [added] });
  return { upgraded };
}
