/**
 * Writes of a case: saving a case (new or edited, with a new family and the regulated steps on
 * registration), removal from the register by the right body's decision, and the transfer
 * from level 1 to level 2 by the постановление of the КДН и ЗП. Each is one batch and one
 * `context.sync` with its «Журнал» rows (session.ts `write`).
 */
import { formatDateRu, type IsoDate } from "../core/dates/isoDate";
import { matchKey } from "../core/text";
import type {
  CaseDraft,
  RemovalDraft,
  SaveCaseResult,
  TransferDecision,
  TransferResult,
  WriteOptions,
  WriteOutcome,
} from "./gateway";
import { draftOf, episodeOf, patched, stepActions } from "./readPatch";
import {
  appendedRow,
  queueAppend,
  queueUpdate,
  type AppendTicket,
  type RowRecord,
  type UpdateTicket,
} from "./rows";
import { needEpisode, needLayout, type GatewaySession } from "./session";
import { dateCell, textCell } from "./textSafe";
import { writable } from "./upgrade";
import {
  caseRecord,
  familyRecord,
  findEpisode,
  nextCaseCode,
  plannedSteps,
  stepRecords,
  stepsOf,
} from "./writeCase";

/** Ground of removal written when a level-1 episode ends by a transfer to level 2. */
export const TRANSFER_REASON = "переведён в СОП";

/** Who removes an episode, in the words of the pane and of its messages. */
export function removalBody(level: 1 | 2 | null): {
  readonly decision: string;
  readonly genitive: string;
} {
  return level === 2
    ? { decision: "постановление КДН и ЗП", genitive: "постановления КДН и ЗП" }
    : { decision: "протокол Совета профилактики", genitive: "протокола Совета профилактики" };
}

export async function saveCase(
  s: GatewaySession,
  draft: CaseDraft,
  opts: WriteOptions
): Promise<SaveCaseResult> {
  const { read, upgraded } = await writable(s, opts);
  const c = await s.capabilities();
  const register = read.register;
  const cases = needLayout(read, "cases");
  const existing = draft.code.trim() === "" ? undefined : findEpisode(register, draft.code);
  const code =
    existing?.code ?? (draft.code.trim() || nextCaseCode(register.episodes.map((e) => e.code)));
  const record = caseRecord(draft, code);
  const registersNow =
    draft.level !== null &&
    draft.registered !== null &&
    (existing === undefined || existing.registered === null || existing.level === null);
  const steps = registersNow
    ? plannedSteps(
        register,
        draft.identified,
        draft.registered as IsoDate,
        draft.level,
        stepsOf(register, code)
      )
    : [];
  const stepRows = stepRecords(code, steps, draft.curator);
  const family =
    draft.newFamily !== null &&
    !register.families.some((f) => matchKey(f.code) === matchKey(draft.newFamily?.code ?? ""))
      ? draft.newFamily
      : null;
  const actionsLayout = stepRows.length > 0 ? needLayout(read, "actions") : null;
  const familiesLayout = family ? needLayout(read, "families") : null;

  const done = await s.write(read, (context) => {
    let update: UpdateTicket | null = null;
    let appended: AppendTicket | null = null;
    if (existing) {
      update = queueUpdate(context, cases, existing.row, record, {
        header: "Код",
        text: existing.code,
      });
    } else {
      appended = queueAppend(context, cases, [record], c);
    }
    const familyTicket =
      family && familiesLayout
        ? queueAppend(context, familiesLayout, [familyRecord(family)], c)
        : null;
    const stepTicket = actionsLayout ? queueAppend(context, actionsLayout, stepRows, c) : null;
    return {
      update,
      appends: [appended, familyTicket, stepTicket],
      journal: [
        {
          action: existing ? "изменение случая" : "новый случай",
          sheet: "cases",
          rows: existing ? [existing.row] : (appended as AppendTicket),
          codes: [code],
        },
        ...(familyTicket
          ? [{ action: "новая семья", sheet: "families", rows: familyTicket, codes: [code] }]
          : []),
        ...(stepTicket
          ? [
              {
                action: "регламентные шаги (постановка на учёт)",
                sheet: "actions",
                rows: stepTicket,
                codes: [code],
              },
            ]
          : []),
      ],
      after: () => ({
        row: existing ? existing.row : appendedRow(appended as AppendTicket),
        stepsFrom: stepTicket ? appendedRow(stepTicket) : 0,
      }),
    };
  });
  const episode = episodeOf(draft, code, done.value.row);
  s.last = done.repaired
    ? null
    : patched(
        read,
        {
          cases: existing ? 0 : 1,
          families: family ? 1 : 0,
          actions: stepRows.length,
          journal: done.journalRows,
        },
        {
          ...(existing ? { replace: [{ ...existing, ...episode }] } : { episodes: [episode] }),
          actions: stepActions(code, stepRows, done.value.stepsFrom),
        }
      );
  return { code, row: done.value.row, stepsAdded: stepRows.length, upgraded };
}

/** The «Учёт» cells of a removal; the decision goes into «Основание снятия» without its column. */
function removalCells(
  hasProtocolColumn: boolean,
  date: IsoDate,
  ground: string,
  number: string,
  decision: string
): RowRecord {
  return hasProtocolColumn
    ? {
        "Дата снятия": dateCell(date),
        "Основание снятия": textCell(ground),
        "Протокол снятия": textCell(number),
      }
    : {
        "Дата снятия": dateCell(date),
        "Основание снятия": textCell(`${ground} (${decision} № ${number})`),
      };
}

export async function removeCase(
  s: GatewaySession,
  code: string,
  removal: RemovalDraft
): Promise<WriteOutcome> {
  const before = await s.current();
  const found = needEpisode(before.register, code);
  const body = removalBody(found.level);
  const number = removal.decisionNumber.trim();
  const ground = removal.ground.trim();
  if (number === "" || !removal.decisionDate) {
    throw new Error(
      `Снятие с учёта не записано: нужно решение — укажите номер и дату ${body.genitive}.`
    );
  }
  if (ground === "") {
    throw new Error("Снятие с учёта не записано: укажите основание снятия.");
  }
  if (found.removed !== null) {
    throw new Error(`Случай «${found.code}» уже снят с учёта ${formatDateRu(found.removed)}.`);
  }
  const since = found.registered ?? found.identified;
  if (since !== null && removal.decisionDate < since) {
    throw new Error(
      `Снятие с учёта не записано: дата ${body.genitive} ${formatDateRu(removal.decisionDate)} раньше ${found.registered !== null ? "постановки на учёт" : "выявления"} (${formatDateRu(since)}).`
    );
  }
  const { read, upgraded } = await writable(s);
  const episode = needEpisode(read.register, code);
  const cases = needLayout(read, "cases");
  const hasColumn = cases.headers.some((h) => matchKey(h) === matchKey("Протокол снятия"));
  const cells = removalCells(hasColumn, removal.decisionDate, ground, number, body.decision);
  const done = await s.write(read, (context) => ({
    update: queueUpdate(context, cases, episode.row, cells, {
      header: "Код",
      text: episode.code,
    }),
    journal: [
      { action: "снятие с учёта", sheet: "cases", rows: [episode.row], codes: [episode.code] },
    ],
    after: () => undefined,
  }));
  s.last = patched(
    read,
    { journal: done.journalRows },
    {
      replace: [
        {
          ...episode,
          removed: removal.decisionDate,
          removalReason: String(cells["Основание снятия"]?.value ?? ground),
          removalProtocol: hasColumn ? number : "",
        },
      ],
    }
  );
  return { upgraded };
}

export async function transferToLevel2(
  s: GatewaySession,
  code: string,
  decision: TransferDecision,
  opts: WriteOptions
): Promise<TransferResult> {
  const number = decision.number.trim();
  if (number === "" || !decision.date) {
    throw new Error(
      "Перевод не записан: укажите номер и дату постановления КДН и ЗП о постановке на учёт (уровень 2)."
    );
  }
  const date = decision.date;
  const { read, upgraded } = await writable(s, opts);
  const c = await s.capabilities();
  const register = read.register;
  const old = needEpisode(register, code);
  if (old.level !== 1 || old.registered === null) {
    throw new Error(`Случай «${old.code}» не состоит на учёте уровня 1: перевод в СОП невозможен.`);
  }
  if (old.removed !== null) {
    throw new Error(`Случай «${old.code}» уже снят с учёта ${formatDateRu(old.removed)}.`);
  }
  if (date < old.registered) {
    throw new Error(
      `Перевод не записан: дата постановления ${formatDateRu(date)} раньше постановки на уровень 1 (${formatDateRu(old.registered)}).`
    );
  }
  const cases = needLayout(read, "cases");
  const actions = needLayout(read, "actions");
  const hasColumn = cases.headers.some((h) => matchKey(h) === matchKey("Протокол снятия"));
  const newCode = nextCaseCode(register.episodes.map((e) => e.code));
  const draft: CaseDraft = {
    ...draftOf(old),
    code: newCode,
    identified: date,
    level: 2,
    registered: date,
    protocol: number,
    note: `переведён из случая ${old.code}`,
  };
  const steps = plannedSteps(register, date, date, 2);
  const stepRows = stepRecords(newCode, steps, old.curator);
  const ended = removalCells(hasColumn, date, TRANSFER_REASON, number, "постановление КДН и ЗП");
  const done = await s.write(read, (context) => {
    const update = queueUpdate(context, cases, old.row, ended, { header: "Код", text: old.code });
    const added = queueAppend(context, cases, [caseRecord(draft, newCode)], c);
    const stepTicket = queueAppend(context, actions, stepRows, c);
    return {
      update,
      appends: [added, stepTicket],
      journal: [
        {
          action: "перевод на уровень 2 (СОП): случай уровня 1 закрыт",
          sheet: "cases",
          rows: [old.row],
          codes: [old.code],
        },
        {
          action: "перевод на уровень 2 (СОП): новый случай",
          sheet: "cases",
          rows: added,
          codes: [newCode],
        },
        {
          action: "регламентные шаги (постановка на учёт, уровень 2)",
          sheet: "actions",
          rows: stepTicket,
          codes: [newCode],
        },
      ],
      after: () => ({ row: appendedRow(added), steps: appendedRow(stepTicket) }),
    };
  });
  s.last = done.repaired
    ? null
    : patched(
        read,
        { cases: 1, actions: stepRows.length, journal: done.journalRows },
        {
          replace: [
            {
              ...old,
              removed: date,
              removalReason: String(ended["Основание снятия"]?.value ?? TRANSFER_REASON),
              removalProtocol: hasColumn ? number : "",
            },
          ],
          episodes: [episodeOf(draft, newCode, done.value.row)],
          actions: stepActions(newCode, stepRows, done.value.steps),
        }
      );
  return { code: newCode, upgraded };
}
