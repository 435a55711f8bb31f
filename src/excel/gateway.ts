/**
 * The port between the task pane (and the ribbon commands) and the workbook: everything the
 * add-in's UI asks of Excel, as plain data in and out. `createExcelGateway()` implements it
 * with Office.js (src/excel/excelGateway.ts); tests run it against the fake Excel API
 * (test/support/fakeExcel). The UI never touches Office.js itself.
 *
 * Every method is one logical step: one batch of queued operations and as few
 * `context.sync()` calls as the step needs (saving a case: exactly one).
 */
import type { IsoDate } from "../core/dates/isoDate";
import type { Level } from "../core/indicators/catalog";
import type { Register, RegisterIssue } from "../core/register/model";
import type {
  ActivityKind,
  AssistanceKind,
  ServiceKind,
  SheetKey,
  StepKey,
} from "../core/register/schema";
import type { DocumentModel } from "../core/documents";
import type { ReportJson } from "../core/report/types";
import type { DateSystem } from "./dateSystem";
import type { DocumentSheetResult } from "./documentSheet";
import type { ImportPlan } from "../core/import/plan";
import type { ImportWriteOptions, ImportWriteResult } from "./importWrites";

export type { DocumentSheetResult } from "./documentSheet";
export type { ImportWriteOptions, ImportWriteResult } from "./importWrites";

/** What the host supports, found by feature detection (Office.context.requirements). */
export interface HostCapabilities {
  /** Highest ExcelApi minor version supported: 1 for ExcelApi 1.1 … 21 for 1.21. */
  readonly excelApi: number;
  /** `Excel.createWorkbook` (ExcelApi 1.8). */
  readonly createWorkbook: boolean;
  /** Page layout for printing (ExcelApi 1.9). */
  readonly pageLayout: boolean;
  /** List validation on new registers (ExcelApi 1.8). */
  readonly dataValidation: boolean;
  /** Multi-row `table.rows.add` (ExcelApi 1.4); otherwise rows are added one by one in one batch. */
  readonly multiRowAdd: boolean;
  /** Column widths, row heights, merged cells (ExcelApi 1.2). */
  readonly formatting: boolean;
  /** `getItemOrNullObject` and friends (ExcelApi 1.4). */
  readonly nullObjects: boolean;
  /** Frozen header rows on new sheets (ExcelApi 1.7). */
  readonly freezePanes: boolean;
  /** Selection events, used by `onCaseSelected` (ExcelApi 1.7). */
  readonly selectionEvents: boolean;
  /** Russian explanations of what is unavailable on this host, for the UI. */
  readonly limits: readonly string[];
}

/** A family created together with a case. */
export interface FamilyDraft {
  readonly code: string;
  readonly status: readonly string[];
  readonly mother: string;
  readonly father: string;
  readonly guardian: string;
  readonly address: string;
  readonly registrationAddress: string;
  readonly phone: string;
}

/** A case as the «Случай» form holds it. `code` empty → a new code is assigned. */
export interface CaseDraft {
  readonly code: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic: string;
  readonly birthDate: IsoDate | null;
  readonly className: string;
  readonly familyCode: string;
  /** When set, a new row of «Семьи» is written in the same batch. */
  readonly newFamily: FamilyDraft | null;
  readonly identified: IsoDate | null;
  readonly source: string;
  readonly indicators: readonly string[];
  readonly level: Level | null;
  readonly registered: IsoDate | null;
  readonly protocol: string;
  readonly curator: string;
  /** Includes the written reason when the decided level differs from the suggestion. */
  readonly note: string;
}

export interface SaveCaseResult extends WriteOutcome {
  readonly code: string;
  /** Sheet row of the case in «Учёт» (1-based). */
  readonly row: number;
  /** Regulated steps added to «Мероприятия» with their due dates (on registration). */
  readonly stepsAdded: number;
}

/**
 * What a write did besides its own rows: a version-1 register is brought to version 2 before
 * the first write (shared/spec/workbook.md «Contract version 2»), and the pane says so.
 */
export interface WriteOutcome {
  /** The upgrade done before this write, or null. */
  readonly upgraded: UpgradeResult | null;
}

/** What «Обновить книгу до версии 2» (or a first write on a version-1 register) added. */
export interface UpgradeResult {
  /** «Версия книги» before the upgrade (1 when the parameter was absent). */
  readonly fromVersion: number;
  /** Columns appended at the right end of their tables. */
  readonly columns: readonly { readonly sheet: string; readonly column: string }[];
  /** Parameters added to «Настройки» (or «Версия книги» set to 2). */
  readonly settings: readonly string[];
  /** Quarter dates of «Настройки» turned into date cells shown ДД.ММ.ГГГГ. */
  readonly dates: readonly string[];
  /** Sheets laid out («Регламент», «Журнал»). */
  readonly sheets: readonly string[];
  /** Sheets left alone because they hold the user's own content, with the reason (Russian). */
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
}

/** Whether the register read is at the contract's version, and what the pane can do about it. */
export interface UpgradeStatus {
  /** «Версия книги» as read (1 when absent). */
  readonly version: number;
  /**
   * current: version 2 with everything it has; needed: the pane can upgrade (or complete) it;
   * unsupported: this Excel cannot append the columns (the pane writes version 1 as before);
   * newer: made by a newer ВШУ — the pane does not write to it.
   */
  readonly state: "current" | "needed" | "unsupported" | "newer";
  /** What the upgrade adds, in Russian («столбец «Протокол снятия» листа «Учёт»», …). */
  readonly missing: readonly string[];
  /** A Russian sentence for the pane; "" when current. */
  readonly message: string;
}

/** Removal from the register by the body that decides it (workbook.md «Протокол снятия»). */
export interface RemovalDraft {
  /** «Основание снятия»: the ground («положительная динамика», …, with a detail). */
  readonly ground: string;
  /**
   * The decision: the protocol of the Совет профилактики (level 1, or a child not yet
   * registered) or the постановление of the КДН и ЗП (level 2). Its date is «Дата снятия».
   */
  readonly decisionNumber: string;
  readonly decisionDate: IsoDate;
}

/** A transfer 1 → 2: the постановление of the КДН и ЗП that registers the child at level 2. */
export interface TransferDecision {
  readonly number: string;
  readonly date: IsoDate;
}

export interface TransferResult extends WriteOutcome {
  /** The new level-2 episode's code. */
  readonly code: string;
}

export interface AssistanceDraft {
  readonly caseCode: string;
  readonly date: IsoDate;
  readonly kind: AssistanceKind;
  readonly content: string;
}

export interface ActivityDraft {
  readonly caseCode: string;
  readonly kind: ActivityKind;
  readonly name: string;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
}

export interface ServiceDraft {
  readonly date: IsoDate;
  readonly kind: ServiceKind;
  readonly count: number;
  readonly covered: number;
  readonly note: string;
}

/** A table the adapter reads and writes: «Календарь» besides the contract's sheets. */
export type LayoutKey = SheetKey | "calendar";

/** Where one register table is in the workbook, as read by `readRegister`. */
export interface TableLayout {
  readonly key: LayoutKey;
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  /** The Excel table (ListObject) name; null for a sheet typed by hand without a table. */
  readonly table: string | null;
  /** Header texts in the workbook's column order (order free, extra columns kept). */
  readonly headers: readonly string[];
  /** 0-based sheet row of the header row. */
  readonly headerRow: number;
  /** 0-based sheet column of the first column. */
  readonly left: number;
  /** Rows under the header, empty ones included. */
  readonly bodyRows: number;
  /**
   * The body is the one empty row Excel keeps in a new table: the next appended row is
   * written into it instead of below it.
   */
  readonly onlyBlankRow: boolean;
  /** The workbook's date system, how this table's dates are stored (default 1900). */
  readonly dateSystem?: DateSystem;
}

/**
 * Where the register's tables are: what a write needs to know without reading the workbook
 * again, so that saving a case takes exactly one `context.sync`. `readRegister` returns it and
 * the gateway also keeps the latest one (and updates it after its own writes); pass it
 * explicitly only when several gateways share a workbook.
 */
export interface RegisterSnapshot {
  readonly tables: Readonly<Partial<Record<LayoutKey, TableLayout>>>;
  /** The workbook's sheet names at the read (absent in snapshots not read from Excel). */
  readonly sheetNames?: readonly string[];
  /** The workbook's date system (dateSystem.ts); absent: 1900. */
  readonly dateSystem?: DateSystem;
}

/** What «Создать книгу учёта» did. */
export interface CreateRegisterResult {
  /** Sheets laid out now. */
  readonly created: readonly string[];
  /** Sheets whose table was already there (left as they are). */
  readonly kept: readonly string[];
  /** Sheets left alone because they hold the user's own content, with the reason (Russian). */
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
  /** Features this Excel lacks that the layout would use (Russian, from capabilities). */
  readonly limits: readonly string[];
}

/** The register as read, with its issues and where its tables are. */
export interface RegisterRead {
  readonly register: Register;
  readonly issues: readonly RegisterIssue[];
  readonly snapshot: RegisterSnapshot;
}

/** What the report is built from, as `readReportData` reads it. */
export interface ReportData {
  readonly register: Register;
  readonly issues: readonly RegisterIssue[];
  /** The workbook's sheet names at the read (null when the general read was used). */
  readonly sheetNames: readonly string[] | null;
}

/**
 * Options of a write: `today` for computed dates; `read` to write against a register read
 * earlier (default: the one from this gateway's latest `readRegister`; when there is none the
 * gateway reads the register first, which costs extra syncs).
 */
export interface WriteOptions {
  readonly today: IsoDate;
  readonly read?: RegisterRead;
}

export interface RegisterGateway {
  /** What this host can do. */
  capabilities(): Promise<HostCapabilities>;
  /** Whether the active workbook holds the register's sheets (all those of version 1). */
  hasRegister(): Promise<{ present: boolean; missing: readonly string[] }>;
  /**
   * Lays out every sheet of the contract (version 2) in this workbook, the same as `vshu init`
   * (tables, headers, formats, list validation, settings defaults, «Регламент» with the seed's
   * periods, «Журнал» with its first row), without touching anything the user typed outside the
   * register's tables: a sheet that already has its table is kept; an existing sheet with other
   * content is skipped and reported. 2 syncs (3 when some contract sheets already exist and must
   * be checked for content).
   */
  createRegister(opts: {
    school: string;
    district: string;
    schoolYear: string;
    today: IsoDate;
  }): Promise<CreateRegisterResult>;
  /**
   * Reads and parses the whole register: 1 sync for names, 1 for table addresses, then the
   * values in blocks of ≤ 150 000 cells per sync (a register of up to ~5 000 episodes: 3 syncs;
   * 10 000 episodes with 10 000 rows in each other sheet: 5 syncs, each response < 2.5 MB). The
   * gateway keeps the snapshot for the writes that follow.
   */
  readRegister(): Promise<RegisterRead>;
  /** The version of the register last read (or of `read`), and whether the pane can upgrade it. */
  upgradeStatus(read?: RegisterRead): Promise<UpgradeStatus>;
  /**
   * Brings a version-1 register to version 2 (or completes a version-2 one that lacks a sheet
   * or a column): appends the version-2 columns at the right end of their tables, the
   * version-2 parameters to «Настройки» («Версия книги» 2, «Регион» «Республика Тыва»),
   * turns quarter dates stored as numbers or text into date cells, lays out «Регламент» and
   * «Журнал», and writes a «Журнал» row. The user's columns, their order, data and formulas stay.
   * 2 syncs (a read of what is there, then one batch of writes). A register of a newer version
   * is refused with a Russian message and nothing is written.
   */
  upgradeRegister(): Promise<UpgradeResult>;
  /**
   * Writes a new (empty or unknown `code`) or edited case in ONE sync; a new family row in the
   * same batch; on registration adds the regulated steps with their due dates (the periods of
   * «Регламент» for the decided level). An edit checks, in the same sync, that the row still
   * holds this case; when the workbook changed since it was read, it undoes the write (one more
   * sync) and throws a Russian message.
   *
   * Every write below appends its «Журнал» rows (what, which sheet and rows, episode codes) in
   * the same batch, and, on a version-1 register, first upgrades it (`upgradeRegister`: 2 more
   * syncs, reported in `upgraded`). A register of a newer version is refused.
   */
  saveCase(draft: CaseDraft, opts: WriteOptions): Promise<SaveCaseResult>;
  /** One row of «Помощь» (1 sync). */
  addAssistance(draft: AssistanceDraft): Promise<WriteOutcome>;
  /** One row of «Занятость» (1 sync). */
  addActivity(draft: ActivityDraft): Promise<WriteOutcome>;
  /** One row of «Служба» (1 sync). */
  addService(draft: ServiceDraft): Promise<WriteOutcome>;
  /**
   * Ends an episode by its body's decision (1 sync): «Дата снятия» = the decision's date,
   * «Основание снятия», «Протокол снятия» = its number. Refused in Russian without the number
   * or the date, with a date before the registration (identification), or on a removed episode.
   */
  removeCase(code: string, removal: RemovalDraft): Promise<WriteOutcome>;
  /**
   * Ends a level-1 episode («переведён в СОП», «Протокол снятия» = the постановление) and opens
   * its level-2 episode (registered on the постановление's date under its number, with its
   * regulated steps) in 1 sync.
   */
  transferToLevel2(
    code: string,
    decision: TransferDecision,
    opts: WriteOptions
  ): Promise<TransferResult>;
  /** Writes «Выполнено» for a regulated step (the open row of that step, or a new row); 1 sync. */
  markStepDone(code: string, step: StepKey, date: IsoDate): Promise<WriteOutcome>;
  /** Selects the case's row of «Учёт» (or the step's row of «Мероприятия»). */
  goToCase(code: string, step?: StepKey): Promise<void>;
  /** Calls back with the episode code when the user selects a row of «Учёт»; returns an unsubscribe. */
  onCaseSelected(callback: (code: string) => void): Promise<() => Promise<void>>;
  /**
   * Reads only what the report needs (REPORT_COLUMNS of the core): 1 sync for a register laid
   * out by «Создать книгу учёта» or `vshu init` — a 10 000-episode register in one response of
   * ~3 MB — 2 when columns were moved; a workbook with other table names is read as by
   * `readRegister`. Issues are those of the columns read. The gateway's snapshot is not changed.
   */
  readReportData(): Promise<ReportData>;
  /**
   * Writes the report form into a sheet of this workbook («Отчёт ДД.ММ.ГГГГ–ДД.ММ.ГГГГ», or
   * «Свод ДД.ММ.ГГГГ–ДД.ММ.ГГГГ» for `kind: "district"`, the coordinator's consolidation): 1 sync with the
   * sheet names of a read just before (`sheetNames`), 2 otherwise. A new sheet beside the
   * register, not a change of its tables: no upgrade, no «Журнал» row. Works in any workbook
   * (the coordinator's need not be a register).
   */
  writeReportSheet(
    report: ReportJson,
    opts?: {
      readonly sheetNames?: readonly string[] | null;
      readonly kind?: "school" | "district";
    }
  ): Promise<{ sheet: string }>;
  /**
   * Opens the report as a new workbook where the host supports it (Excel 2019 or newer; false
   * otherwise, nothing done). `base64`: the workbook the caller built and checked (default:
   * built here from `report`). One request (`Excel.createWorkbook`), no batch.
   */
  openReportWorkbook(report: ReportJson, opts?: { readonly base64?: string }): Promise<boolean>;
  /**
   * Writes a document of a case (src/core/documents) into a new sheet named after the document
   * and its subject (31 characters, unique), print-ready (A4 portrait, margins, one page wide,
   * no gridlines, as far as the host allows: `limits` says what it could not set) and activates
   * it: 1 sync after a read of the register (its sheet names), 2 otherwise. A new sheet beside
   * the register, not a change of its tables: no upgrade, no «Журнал» row.
   */
  writeDocumentSheet(model: DocumentModel): Promise<DocumentSheetResult>;
  /**
   * A CSV file checked for import into a register sheet (src/csv/parseCsv.ts `prepareImport`):
   * encoding, delimiter, the first rows, every error and the duplicates, against the register
   * read now (its usual read syncs). Writes nothing.
   */
  planImport(input: { readonly bytes: Uint8Array; readonly sheet: string }): Promise<ImportPlan>;
  /**
   * Appends the rows of a plan without errors to its sheet's table — all or none: at most
   * 2 000 rows and ~4 MB a `context.sync` (10 000 rows: 5 syncs after the upgrade check), the
   * «Журнал» row in the last; when a batch fails, the rows added are deleted again and a Russian
   * message says the sheet is as it was. `duplicates`: add them or leave them out.
   */
  importRows(plan: ImportPlan, opts: ImportWriteOptions): Promise<ImportWriteResult>;
  /** Settings as parameter → text, and their update (2 syncs: the rows, the write). */
  readSettings(): Promise<Record<string, string>>;
  writeSettings(values: Readonly<Record<string, string>>): Promise<WriteOutcome>;
}
