/**
 * The Office.js adapter of the add-in: `RegisterGateway` (./gateway.ts) over the Excel
 * JavaScript API. Every method is one `Excel.run` batch with one `context.sync` per logical
 * step (never one per row): saving a case, adding an entry, marking a step done, a transfer —
 * exactly one sync, because what they must know of the workbook (where each table is, its
 * header order, the rows of the cases) comes from the snapshot of the latest `readRegister`.
 *
 * `createExcelGateway(run = Excel.run, host)`: tests pass the fake Excel's `run` and host
 * (test/support/fakeExcel).
 */
import { excelSerialToIso, formatDateRu, parseDateText, type IsoDate } from "../core/dates/isoDate";
import { STEP_DEFINITIONS } from "../core/deadlines/steps";
import type { Action, Episode, Register } from "../core/register/model";
import { parseRegister } from "../core/register/parseRegister";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  SERVICE_KINDS,
  SETTINGS_COLUMNS,
  type StepKey,
} from "../core/register/schema";
import { REPORT_COLUMNS } from "../core/report/columns";
import type { ReportJson } from "../core/report/types";
import { matchKey } from "../core/text";
import { blockAddress, parseRangeAddress } from "./address";
import { detectCapabilities, type IsSetSupported } from "./capabilities";
import { createRegisterIn } from "./createRegister";
import type {
  ActivityDraft,
  AssistanceDraft,
  CaseDraft,
  HostCapabilities,
  LayoutKey,
  RegisterGateway,
  RegisterRead,
  ReportData,
  SaveCaseResult,
  ServiceDraft,
  TableLayout,
  WriteOptions,
} from "./gateway";
import { readSelectedColumns } from "./readColumns";
import { writeReportSheetIn } from "./reportSheet";
import { buildReportXlsxBase64 } from "./reportWorkbook";
import {
  appendedRow,
  isIntact,
  overwroteUserCells,
  queueAppend,
  queueRepair,
  queueUndo,
  queueUpdate,
  type AppendTicket,
  type RowRecord,
  type UpdateTicket,
} from "./rows";
import { loadNames, missingSheets, readRegisterTables, sheetNameOf } from "./tables";
import { cellOfKind, dateCell, numberCell, textCell } from "./textSafe";
import {
  caseRecord,
  familyRecord,
  findEpisode,
  nextCaseCode,
  plannedSteps,
  stepRecords,
  stepsOf,
} from "./writeCase";

/** `Excel.run` with a batch function (the only overload the adapter uses). */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A batch on the context of an earlier one: how an event handler is removed. */
  <T>(
    context: Excel.RequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

/** What the adapter asks of Office outside `Excel.run`, injectable for tests. */
export interface OfficeHost {
  /** `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported: IsSetSupported;
  /** `Excel.createWorkbook` (ExcelApi 1.8). */
  readonly createWorkbook: (base64?: string) => Promise<void>;
}

/** Ground of removal written when a level-1 episode ends by a transfer to level 2. */
export const TRANSFER_REASON = "переведён в СОП";

export const STALE_MESSAGE =
  "Книга изменилась после загрузки данных (строки добавлены или удалены вручную), поэтому запись отменена. Обновите данные в панели и повторите.";

function officeHost(): OfficeHost {
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    createWorkbook: async (base64) => {
      await Excel.createWorkbook(base64);
    },
  };
}

function needLayout(read: RegisterRead, key: LayoutKey): TableLayout {
  const layout = read.snapshot.tables[key];
  if (!layout) {
    throw new Error(
      `В книге нет листа «${sheetNameOf(key)}» с таблицей учёта. Создайте книгу учёта: вкладка «Настройки» → «Создать книгу учёта».`
    );
  }
  return layout;
}

function needEpisode(register: Register, code: string): Episode {
  const e = findEpisode(register, code);
  if (!e) {
    throw new Error(`Случай «${code}» не найден на листе «Учёт». Обновите данные в панели.`);
  }
  return e;
}

function titleOf<K extends string>(list: readonly { key: K; title: string }[], key: K): string {
  return list.find((x) => x.key === key)?.title ?? key;
}

/** The latest read with the rows just written added, so the next write needs no new read. */
function patched(
  read: RegisterRead,
  appended: Partial<Record<LayoutKey, number>>,
  changes: {
    episodes?: Episode[];
    replace?: Episode;
    actions?: Action[];
    doneRow?: { row: number; date: IsoDate };
  }
): RegisterRead {
  const tables: Partial<Record<LayoutKey, TableLayout>> = { ...read.snapshot.tables };
  for (const [key, n] of Object.entries(appended) as [LayoutKey, number][]) {
    const t = tables[key];
    if (t && n > 0) {
      const filled = t.onlyBlankRow ? 1 : 0;
      tables[key] = { ...t, bodyRows: t.bodyRows + n - filled, onlyBlankRow: false };
    }
  }
  const r = read.register;
  const replace = changes.replace;
  const episodes = (
    replace ? r.episodes.map((e) => (e.row === replace.row ? replace : e)) : r.episodes
  ).concat(changes.episodes ?? []);
  const done = changes.doneRow;
  const actions = (
    done ? r.actions.map((a) => (a.row === done.row ? { ...a, done: done.date } : a)) : r.actions
  ).concat(changes.actions ?? []);
  return { register: { ...r, episodes, actions }, issues: read.issues, snapshot: { tables } };
}

function episodeOf(draft: CaseDraft, code: string, row: number): Episode {
  return {
    row,
    code,
    lastName: draft.lastName,
    firstName: draft.firstName,
    patronymic: draft.patronymic,
    birthDate: draft.birthDate,
    className: draft.className,
    familyCode: draft.familyCode,
    identified: draft.identified,
    source: draft.source,
    indicators: draft.indicators,
    level: draft.level,
    registered: draft.registered,
    protocol: draft.protocol,
    removed: null,
    removalReason: "",
    curator: draft.curator,
    note: draft.note,
    removalProtocol: "",
    childKey: `случай:${code}`,
    familyKey: draft.familyCode || `случай:${code}`,
  };
}

function stepActions(code: string, records: readonly RowRecord[], firstRow: number): Action[] {
  return records.map((rec, i) => {
    const title = String(rec["Шаг"]?.value ?? "");
    const step = STEP_DEFINITIONS.find((s) => s.title === title)?.key ?? null;
    const due = rec["Срок"]?.value;
    return {
      row: firstRow + i,
      caseCode: code,
      step,
      section: "ребёнок",
      direction: "",
      title: String(rec["Мероприятие"]?.value ?? ""),
      due: typeof due === "number" ? excelSerialToIso(due) : null,
      responsible: String(rec["Ответственный"]?.value ?? ""),
      done: null,
      note: String(rec["Примечание"]?.value ?? ""),
      block: null,
    };
  });
}

/** The draft of a case as it stands in the register (for a transfer). */
function draftOf(e: Episode): CaseDraft {
  return {
    code: e.code,
    lastName: e.lastName,
    firstName: e.firstName,
    patronymic: e.patronymic,
    birthDate: e.birthDate,
    className: e.className,
    familyCode: e.familyCode,
    newFamily: null,
    identified: e.identified,
    source: e.source,
    indicators: e.indicators,
    level: e.level,
    registered: e.registered,
    protocol: e.protocol,
    curator: e.curator,
    note: e.note,
  };
}

const QUARTER_PARAM = /четверть\s+(с|по)$/i;

/** Creates the gateway over `Excel.run` (or the fake's `run` in tests). */
export function createExcelGateway(run: ExcelRun = Excel.run, host?: OfficeHost): RegisterGateway {
  let caps: HostCapabilities | null = null;
  let last: RegisterRead | null = null;

  const capabilities = async (): Promise<HostCapabilities> => {
    caps ??= detectCapabilities((host ?? officeHost()).isSetSupported);
    return caps;
  };

  const readRegister = async (): Promise<RegisterRead> => {
    const { sheets, snapshot } = await run((context) => readRegisterTables(context));
    const { register, issues } = parseRegister(sheets);
    last = { register, issues, snapshot };
    return last;
  };

  const current = async (opts?: { read?: RegisterRead }): Promise<RegisterRead> =>
    opts?.read ?? last ?? (await readRegister());

  /** Appends rows to one table in one sync. */
  /**
   * After a write's one sync: when the snapshot was stale — the edited row holds another case,
   * or cells written directly (a new table's empty row) were filled by the user meanwhile — puts
   * the user's cells back in one more sync (and adds the record as a table row instead).
   * Throws the Russian STALE_MESSAGE when the write cannot stand; true when it was repaired.
   */
  const settle = async (
    context: Excel.RequestContext,
    update: UpdateTicket | null,
    appends: readonly (AppendTicket | null)[]
  ): Promise<boolean> => {
    if (update && !isIntact(update)) {
      queueUndo(context, update);
      await context.sync();
      last = null;
      throw new Error(STALE_MESSAGE);
    }
    const broken = appends.filter((t): t is AppendTicket => t !== null && overwroteUserCells(t));
    if (broken.length === 0) {
      return false;
    }
    const placed = broken.map((t) => queueRepair(context, t));
    await context.sync();
    last = null;
    if (placed.includes(false)) {
      throw new Error(STALE_MESSAGE);
    }
    return true;
  };

  /** Appends one row to one table in one sync. */
  const appendOne = async (key: LayoutKey, record: RowRecord): Promise<void> => {
    const read = await current();
    const layout = needLayout(read, key);
    const c = await capabilities();
    const repaired = await run(async (context) => {
      const ticket = queueAppend(context, layout, [record], c);
      await context.sync();
      return settle(context, null, [ticket]);
    });
    last = repaired ? null : patched(read, { [key]: 1 }, {});
  };

  /** Runs a row update (plus appends) in one sync, then `settle`s it. */
  const guarded = async <T>(
    build: (context: Excel.RequestContext) => {
      update: UpdateTicket;
      appends?: readonly AppendTicket[];
      after: () => T;
    }
  ): Promise<{ value: T; repaired: boolean }> =>
    run(async (context) => {
      const { update, appends, after } = build(context);
      await context.sync();
      const repaired = await settle(context, update, appends ?? []);
      return { value: after(), repaired };
    });

  const gateway: RegisterGateway = {
    capabilities,

    async hasRegister() {
      const names = await run((context) => loadNames(context));
      const missing = missingSheets(names);
      return { present: missing.length === 0, missing };
    },

    async createRegister(opts) {
      const c = await capabilities();
      const result = await run((context) => createRegisterIn(context, opts, c));
      last = null;
      return result;
    },

    readRegister,

    async saveCase(draft, opts: WriteOptions): Promise<SaveCaseResult> {
      const read = await current(opts);
      const c = await capabilities();
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

      const result = await run(async (context) => {
        let update: UpdateTicket | null = null;
        let appended: AppendTicket | null = null;
        let familyTicket: AppendTicket | null = null;
        if (existing) {
          update = queueUpdate(context, cases, existing.row, record, {
            header: "Код",
            text: existing.code,
          });
        } else {
          appended = queueAppend(context, cases, [record], c);
        }
        if (family && familiesLayout) {
          familyTicket = queueAppend(context, familiesLayout, [familyRecord(family)], c);
        }
        const stepTicket = actionsLayout ? queueAppend(context, actionsLayout, stepRows, c) : null;
        await context.sync();
        const repaired = await settle(context, update, [appended, familyTicket, stepTicket]);
        return {
          row: existing ? existing.row : appendedRow(appended as AppendTicket),
          stepsFrom: stepTicket ? appendedRow(stepTicket) : 0,
          repaired,
        };
      });
      const episode = episodeOf(draft, code, result.row);
      last = result.repaired
        ? null
        : patched(
            read,
            { cases: existing ? 0 : 1, families: family ? 1 : 0, actions: stepRows.length },
            {
              ...(existing ? { replace: { ...existing, ...episode } } : { episodes: [episode] }),
              actions: stepActions(code, stepRows, result.stepsFrom),
            }
          );
      return { code, row: result.row, stepsAdded: stepRows.length };
    },

    async addAssistance(d: AssistanceDraft) {
      await appendOne("assistance", {
        Код: textCell(d.caseCode),
        Дата: dateCell(d.date),
        "Вид помощи": textCell(titleOf(ASSISTANCE_KINDS, d.kind)),
        Содержание: textCell(d.content),
      });
    },

    async addActivity(d: ActivityDraft) {
      await appendOne("activities", {
        Код: textCell(d.caseCode),
        Вид: textCell(titleOf(ACTIVITY_KINDS, d.kind)),
        Объединение: textCell(d.name),
        "Дата начала": dateCell(d.start),
        "Дата окончания": dateCell(d.end),
      });
    },

    async addService(d: ServiceDraft) {
      await appendOne("service", {
        Дата: dateCell(d.date),
        "Вид работы": textCell(titleOf(SERVICE_KINDS, d.kind)),
        Количество: numberCell(d.count),
        Охвачено: numberCell(d.covered),
        Примечание: textCell(d.note),
      });
    },

    async removeCase(code, date, reason) {
      const read = await current();
      const episode = needEpisode(read.register, code);
      const cases = needLayout(read, "cases");
      await guarded((context) => ({
        update: queueUpdate(
          context,
          cases,
          episode.row,
          { "Дата снятия": dateCell(date), "Основание снятия": textCell(reason) },
          { header: "Код", text: episode.code }
        ),
        after: () => undefined,
      }));
      last = patched(read, {}, { replace: { ...episode, removed: date, removalReason: reason } });
    },

    async transferToLevel2(code, date, protocol, opts) {
      const read = await current(opts);
      const c = await capabilities();
      const register = read.register;
      const old = needEpisode(register, code);
      if (old.level !== 1 || old.registered === null) {
        throw new Error(
          `Случай «${old.code}» не состоит на учёте уровня 1: перевод в СОП невозможен.`
        );
      }
      if (old.removed !== null) {
        throw new Error(`Случай «${old.code}» уже снят с учёта ${formatDateRu(old.removed)}.`);
      }
      const cases = needLayout(read, "cases");
      const actions = needLayout(read, "actions");
      const newCode = nextCaseCode(register.episodes.map((e) => e.code));
      const draft: CaseDraft = {
        ...draftOf(old),
        code: newCode,
        identified: date,
        level: 2,
        registered: date,
        protocol,
        note: `переведён из случая ${old.code}`,
      };
      const steps = plannedSteps(register, date, date);
      const stepRows = stepRecords(newCode, steps, old.curator);
      const { value: rows, repaired } = await guarded((context) => {
        const update = queueUpdate(
          context,
          cases,
          old.row,
          { "Дата снятия": dateCell(date), "Основание снятия": textCell(TRANSFER_REASON) },
          { header: "Код", text: old.code }
        );
        const added = queueAppend(context, cases, [caseRecord(draft, newCode)], c);
        const stepTicket = queueAppend(context, actions, stepRows, c);
        return {
          update,
          appends: [added, stepTicket],
          after: () => ({ row: appendedRow(added), steps: appendedRow(stepTicket) }),
        };
      });
      last = patched(
        read,
        { cases: 1, actions: stepRows.length },
        {
          replace: { ...old, removed: date, removalReason: TRANSFER_REASON },
          episodes: [episodeOf(draft, newCode, rows.row)],
          actions: stepActions(newCode, stepRows, rows.steps),
        }
      );
      if (repaired) {
        last = null;
      }
      return newCode;
    },

    async markStepDone(code, step: StepKey, date) {
      const read = await current();
      const c = await capabilities();
      const episode = needEpisode(read.register, code);
      const actions = needLayout(read, "actions");
      const open = read.register.actions
        .filter(
          (a) =>
            a.step === step && a.done === null && matchKey(a.caseCode) === matchKey(episode.code)
        )
        .sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999"))[0];
      const def = STEP_DEFINITIONS.find((s) => s.key === step);
      if (open) {
        await guarded((context) => ({
          update: queueUpdate(
            context,
            actions,
            open.row,
            { Выполнено: dateCell(date) },
            { header: "Код", text: open.caseCode }
          ),
          after: () => undefined,
        }));
        last = patched(read, {}, { doneRow: { row: open.row, date } });
        return;
      }
      const record: RowRecord = {
        Код: textCell(episode.code),
        Шаг: textCell(def?.title ?? step),
        Раздел: textCell("ребёнок"),
        Мероприятие: textCell(def?.name ?? ""),
        Выполнено: dateCell(date),
      };
      const { first, repaired } = await run(async (context) => {
        const t = queueAppend(context, actions, [record], c);
        await context.sync();
        const fixed = await settle(context, null, [t]);
        return { first: appendedRow(t), repaired: fixed };
      });
      const added: Action = {
        row: first,
        caseCode: episode.code,
        step,
        section: "ребёнок",
        direction: "",
        title: def?.name ?? "",
        due: null,
        responsible: "",
        done: date,
        note: "",
        block: null,
      };
      last = repaired ? null : patched(read, { actions: 1 }, { actions: [added] });
    },

    async goToCase(code, step?: StepKey) {
      const read = await current();
      const episode = needEpisode(read.register, code);
      let layout = needLayout(read, "cases");
      let row = episode.row;
      if (step) {
        const rows = read.register.actions.filter(
          (a) => a.step === step && matchKey(a.caseCode) === matchKey(episode.code)
        );
        const target = rows.find((a) => a.done === null) ?? rows[rows.length - 1];
        if (target) {
          layout = needLayout(read, "actions");
          row = target.row;
        }
      }
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(layout.sheet);
        ws.activate();
        ws.getRange(
          blockAddress({
            top: row - 1,
            bottom: row - 1,
            left: layout.left,
            right: layout.left + layout.headers.length - 1,
          })
        ).select();
        await context.sync();
      });
    },

    async onCaseSelected(callback) {
      const c = await capabilities();
      if (!c.selectionEvents) {
        return async () => undefined;
      }
      const read = await current();
      const cases = needLayout(read, "cases");
      const codeColumn = cases.headers.findIndex((h) => matchKey(h) === matchKey("Код"));
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(cases.sheet);
        const handler = ws.onSelectionChanged.add(async (event) => {
          const parsed = parseRangeAddress(event.address);
          const layout = last?.snapshot.tables.cases ?? cases;
          if (
            !parsed ||
            parsed.block.top <= layout.headerRow ||
            parsed.block.top > layout.headerRow + layout.bodyRows
          ) {
            return;
          }
          const row = parsed.block.top + 1;
          const known = last?.register.episodes.find((e) => e.row === row);
          if (known) {
            callback(known.code);
            return;
          }
          if (codeColumn < 0) {
            return;
          }
          const code = await run(async (context) => {
            const cell = context.workbook.worksheets.getItem(layout.sheet).getRange(
              blockAddress({
                top: row - 1,
                bottom: row - 1,
                left: layout.left + codeColumn,
                right: layout.left + codeColumn,
              })
            );
            cell.load("values");
            await context.sync();
            return String(cell.values[0]?.[0] ?? "").trim();
          });
          if (code !== "") {
            callback(code);
          }
        });
        await context.sync();
        const handlerContext = context;
        return async () => {
          // Removed in a batch on the context that added it (Excel.run(context, …)).
          await run(handlerContext, async (context) => {
            handler.remove();
            await context.sync();
          });
        };
      });
    },

    async readReportData(): Promise<ReportData> {
      const got = await run(async (context) => {
        const columns = await readSelectedColumns(context, REPORT_COLUMNS);
        if (columns) {
          return { ...columns, limited: true };
        }
        const { sheets } = await readRegisterTables(context);
        return { sheets, sheetNames: null, limited: false };
      });
      const { register, issues } = parseRegister(
        got.sheets,
        got.limited ? { columns: REPORT_COLUMNS } : {}
      );
      return { register, issues, sheetNames: got.sheetNames };
    },

    async writeReportSheet(report: ReportJson, opts) {
      const c = await capabilities();
      return run((context) =>
        writeReportSheetIn(context, report, c, opts?.sheetNames ?? undefined)
      );
    },

    async openReportWorkbook(report: ReportJson) {
      const c = await capabilities();
      if (!c.createWorkbook) {
        return false;
      }
      const base64 = await buildReportXlsxBase64(report);
      await (host ?? officeHost()).createWorkbook(base64);
      return true;
    },

    async readSettings() {
      const read = await current();
      const layout = needLayout(read, "settings");
      const rows = await run(async (context) => {
        const range = context.workbook.worksheets.getItem(layout.sheet).getRange(
          blockAddress({
            top: layout.headerRow,
            bottom: layout.headerRow + Math.max(layout.bodyRows, 1),
            left: layout.left,
            right: layout.left + layout.headers.length - 1,
          })
        );
        range.load("values");
        await context.sync();
        return range.values as unknown[][];
      });
      const headers = (rows[0] ?? []).map((h) => matchKey(String(h)));
      const p = headers.indexOf(matchKey(SETTINGS_COLUMNS[0]));
      const v = headers.indexOf(matchKey(SETTINGS_COLUMNS[1]));
      const out: Record<string, string> = {};
      for (const row of rows.slice(1)) {
        const name = String(row[p] ?? "").trim();
        if (name === "") {
          continue;
        }
        const value = row[v];
        const date =
          typeof value === "number" && QUARTER_PARAM.test(name) ? excelSerialToIso(value) : null;
        out[name] = date ? formatDateRu(date) : String(value ?? "").trim();
      }
      return out;
    },

    async writeSettings(values) {
      const read = await current();
      const c = await capabilities();
      const layout = needLayout(read, "settings");
      const rows = await run(async (context) => {
        const range = context.workbook.worksheets.getItem(layout.sheet).getRange(
          blockAddress({
            top: layout.headerRow + 1,
            bottom: layout.headerRow + Math.max(layout.bodyRows, 1),
            left: layout.left,
            right: layout.left + layout.headers.length - 1,
          })
        );
        range.load("values");
        await context.sync();
        return range.values as unknown[][];
      });
      const p = layout.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[0]));
      const v = layout.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[1]));
      const rowOf = new Map<string, number>();
      rows.forEach((r, i) => rowOf.set(matchKey(String(r[p] ?? "")), layout.headerRow + 2 + i));
      const cellOf = (name: string, text: string) => {
        if (QUARTER_PARAM.test(name)) {
          const trimmed = text.trim();
          if (trimmed === "") {
            return cellOfKind("date", null);
          }
          const date = parseDateText(trimmed);
          if (!date) {
            throw new Error(`«${name}»: «${text}» — не дата; укажите дату в виде ДД.ММ.ГГГГ.`);
          }
          return dateCell(date);
        }
        return /^\d+$/.test(text.trim()) ? numberCell(Number(text.trim())) : textCell(text);
      };
      const updates: { row: number; cell: ReturnType<typeof cellOf> }[] = [];
      const appends: RowRecord[] = [];
      for (const [name, text] of Object.entries(values)) {
        const cell = cellOf(name, text);
        const row = rowOf.get(matchKey(name));
        if (row !== undefined) {
          updates.push({ row, cell });
        } else {
          appends.push({ Параметр: textCell(name), Значение: cell });
        }
      }
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(layout.sheet);
        for (const u of updates) {
          const range = ws.getRange(
            blockAddress({
              top: u.row - 1,
              bottom: u.row - 1,
              left: layout.left + v,
              right: layout.left + v,
            })
          );
          range.numberFormat = [[u.cell.format]];
          range.values = [[u.cell.value]];
        }
        const ticket = queueAppend(context, layout, appends, c);
        await context.sync();
        await settle(context, null, [ticket]);
      });
      last = null;
    },
  };
  return gateway;
}
