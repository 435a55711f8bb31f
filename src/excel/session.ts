/**
 * The state one gateway keeps between calls and the helpers every write shares: the host's
 * capabilities (detected once), the latest register read (`last`, kept up to date after each
 * write so that the next write needs no new read), and the way a write settles after its one
 * `context.sync` (a stale snapshot is undone or repaired, see `settle`).
 */
import type { Episode, RawTable, Register } from "../core/register/model";
import { matchKey } from "../core/text";
import { parseRegister } from "../core/register/parseRegister";
import { detectCapabilities, type IsSetSupported } from "./capabilities";
import type { HostCapabilities, LayoutKey, RegisterRead, TableLayout } from "./gateway";
import { blockAddress } from "./address";
import { draftRows, journalRecords, rowsText, type JournalDraft } from "./journal";
import {
  appendedRow,
  isIntact,
  overwroteUserCells,
  queueAppend,
  queueRepair,
  queueUnappend,
  queueUndo,
  type AppendTicket,
  type UpdateTicket,
} from "./rows";
import { readRegisterTables, sheetNameOf } from "./tables";
import { TEXT_FORMAT } from "./textSafe";
import { findEpisode } from "./writeCase";

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

/** The table of a sheet in a read, or a Russian error saying how to get it. */
export function needLayout(read: RegisterRead, key: LayoutKey): TableLayout {
  const layout = layoutOf(read, key);
  if (!layout) {
    throw new Error(
      `В книге нет листа «${sheetNameOf(key)}» с таблицей учёта. Создайте книгу учёта: вкладка «Настройки» → «Создать книгу учёта».`
    );
  }
  return layout;
}

/** The table of a sheet in a read (with the workbook's date system), or null. */
export function layoutOf(read: RegisterRead, key: LayoutKey): TableLayout | null {
  const layout = read.snapshot.tables[key];
  if (!layout) {
    return null;
  }
  const system = read.snapshot.dateSystem ?? 1900;
  return layout.dateSystem === system ? layout : { ...layout, dateSystem: system };
}

/** The episode of a code, or a Russian error. */
export function needEpisode(register: Register, code: string): Episode {
  const e = findEpisode(register, code);
  if (!e) {
    throw new Error(`Случай «${code}» не найден на листе «Учёт». Обновите данные в панели.`);
  }
  return e;
}

/** One gateway's state and shared steps. */
export class GatewaySession {
  private caps: HostCapabilities | null = null;
  /** The latest read, patched after each write; null when it must be read again. */
  last: RegisterRead | null = null;

  constructor(
    readonly run: ExcelRun,
    private readonly hostOverride: OfficeHost | undefined,
    /** The computer's clock (the journal's «Когда»); injectable for tests. */
    readonly now: () => Date
  ) {}

  get host(): OfficeHost {
    return this.hostOverride ?? officeHost();
  }

  async capabilities(): Promise<HostCapabilities> {
    this.caps ??= detectCapabilities(this.host.isSetSupported);
    return this.caps;
  }

  /** The raw tables of the latest read (the CSV import checks a file against them). */
  lastSheets: Map<string, RawTable> | null = null;

  /** A read under way, shared by the callers that ask meanwhile. */
  private reading: Promise<RegisterRead> | null = null;

  /** Reads and parses the whole register; keeps it as `last`. Concurrent calls share one read. */
  readRegister(): Promise<RegisterRead> {
    this.reading ??= this.readNow().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readNow(): Promise<RegisterRead> {
    const caps = await this.capabilities();
    const { sheets, snapshot } = await this.run((context) => readRegisterTables(context, caps));
    const { register, issues } = parseRegister(sheets);
    this.last = { register, issues, snapshot };
    this.lastSheets = sheets;
    return this.last;
  }

  /** The read a write works against: the one given, the latest one, or a new read. */
  async current(opts?: { read?: RegisterRead | undefined }): Promise<RegisterRead> {
    return opts?.read ?? this.last ?? (await this.readRegister());
  }

  /**
   * Runs one write: the batch `build` queues, its «Журнал» rows appended in the same batch, ONE
   * sync; then, only when the snapshot was stale, one more: a rewritten row that holds another
   * case undoes the whole write (its appends and journal rows too) and throws the Russian
   * STALE_MESSAGE; cells written directly that the user filled meanwhile get their content
   * back and the record goes below as a table row (`repaired`); «Строки» of the journal is
   * corrected when appended rows landed elsewhere than the snapshot expected.
   */
  async write<T>(
    read: RegisterRead,
    build: (context: Excel.RequestContext) => BatchPlan<T>
  ): Promise<WriteDone<T>> {
    const caps = await this.capabilities();
    const journal = layoutOf(read, "journal");
    const when = this.now();
    return this.run(async (context) => {
      const plan = build(context);
      const records = journal === null ? [] : journalRecords(plan.journal, when);
      const journalTicket =
        journal !== null && records.length > 0
          ? queueAppend(context, journal, records, caps)
          : null;
      await context.sync();
      const appends = [...(plan.appends ?? []), journalTicket].filter(
        (t): t is AppendTicket => t !== null
      );
      if (plan.update && !isIntact(plan.update)) {
        queueUndo(context, plan.update);
        for (const t of [...appends].reverse()) {
          queueUnappend(context, t);
        }
        await context.sync();
        this.last = null;
        throw new Error(STALE_MESSAGE);
      }
      const repaired = await this.repair(context, appends);
      if (journalTicket !== null) {
        await this.fixJournalRows(context, journalTicket, plan.journal);
      }
      return { value: plan.after(), repaired, journalRows: records.length };
    });
  }

  /** Cells written directly that the user filled meanwhile: given back, the record added below. */
  private async repair(
    context: Excel.RequestContext,
    appends: readonly AppendTicket[]
  ): Promise<boolean> {
    const broken = appends.filter((t) => overwroteUserCells(t));
    if (broken.length === 0) {
      return false;
    }
    const placed = broken.map((t) => queueRepair(context, t));
    await context.sync();
    this.last = null;
    if (placed.includes(false)) {
      throw new Error(STALE_MESSAGE);
    }
    return true;
  }

  /** Rewrites «Строки» of the journal rows whose appended rows are not where expected (1 sync). */
  private async fixJournalRows(
    context: Excel.RequestContext,
    journalTicket: AppendTicket,
    drafts: readonly JournalDraft[]
  ): Promise<void> {
    const moved = drafts.some(
      (d) =>
        !Array.isArray(d.rows) &&
        appendedRow(d.rows as AppendTicket) !== (d.rows as AppendTicket).expected
    );
    const layout = journalTicket.layout;
    const column = layout.headers.findIndex((h) => matchKey(h) === matchKey("Строки"));
    if (!moved || column < 0) {
      return;
    }
    const first = appendedRow(journalTicket);
    const ws = context.workbook.worksheets.getItem(layout.sheet);
    drafts.forEach((d, i) => {
      const cell = ws.getRange(
        blockAddress({
          top: first - 1 + i,
          bottom: first - 1 + i,
          left: layout.left + column,
          right: layout.left + column,
        })
      );
      cell.numberFormat = [[TEXT_FORMAT]];
      cell.values = [[rowsText(draftRows(d, appendedRow))]];
    });
    await context.sync();
  }
}

/** What a write queues in its batch (see `GatewaySession.write`). */
export interface BatchPlan<T> {
  /** A guarded rewrite of one row (at most one per write). */
  readonly update?: UpdateTicket | null;
  readonly appends?: readonly (AppendTicket | null)[];
  /** The «Журнал» rows of this write, one per sheet changed. */
  readonly journal: readonly JournalDraft[];
  /** The write's result, read after the sync. */
  readonly after: () => T;
}

export interface WriteDone<T> {
  readonly value: T;
  /** The snapshot was stale and the write was placed elsewhere: read the register again. */
  readonly repaired: boolean;
  /** «Журнал» rows appended. */
  readonly journalRows: number;
}
