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
import type { ActivityKind, AssistanceKind, ServiceKind, StepKey } from "../core/register/schema";
import type { ReportJson } from "../core/report/types";

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

export interface SaveCaseResult {
  readonly code: string;
  /** Sheet row of the case in «Учёт» (1-based). */
  readonly row: number;
  /** Regulated steps added to «Мероприятия» with their due dates (on registration). */
  readonly stepsAdded: number;
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

export interface RegisterGateway {
  /** What this host can do. */
  capabilities(): Promise<HostCapabilities>;
  /** Whether the active workbook holds the register's sheets (all of them). */
  hasRegister(): Promise<{ present: boolean; missing: readonly string[] }>;
  /**
   * Lays out every sheet of the contract in this workbook, the same as `vshu init`, without
   * touching anything the user typed outside the register's tables. Sheets that exist are kept.
   */
  createRegister(opts: { school: string; district: string; schoolYear: string; today: IsoDate }): Promise<void>;
  /** Reads and parses the whole register (one sync). */
  readRegister(): Promise<{ register: Register; issues: readonly RegisterIssue[] }>;
  /** Writes a new or edited case in ONE sync; on registration adds the regulated steps. */
  saveCase(draft: CaseDraft, opts: { today: IsoDate }): Promise<SaveCaseResult>;
  addAssistance(draft: AssistanceDraft): Promise<void>;
  addActivity(draft: ActivityDraft): Promise<void>;
  addService(draft: ServiceDraft): Promise<void>;
  /** Ends an episode: «Дата снятия» and «Основание снятия». */
  removeCase(code: string, date: IsoDate, reason: string): Promise<void>;
  /** Ends a level-1 episode («переведён в СОП») and opens its level-2 episode; returns the new code. */
  transferToLevel2(code: string, date: IsoDate, protocol: string, opts: { today: IsoDate }): Promise<string>;
  /** Writes «Выполнено» for a regulated step (the open row of that step, or a new row). */
  markStepDone(code: string, step: StepKey, date: IsoDate): Promise<void>;
  /** Selects the case's row of «Учёт» (or the step's row of «Мероприятия»). */
  goToCase(code: string, step?: StepKey): Promise<void>;
  /** Calls back with the episode code when the user selects a row of «Учёт»; returns an unsubscribe. */
  onCaseSelected(callback: (code: string) => void): Promise<() => Promise<void>>;
  /** Writes the report form into a sheet of this workbook («Отчёт ДД.ММ.ГГГГ–ДД.ММ.ГГГГ»). */
  writeReportSheet(report: ReportJson): Promise<{ sheet: string }>;
  /** Opens the report as a new workbook where the host supports it (ExcelApi 1.8). */
  openReportWorkbook(report: ReportJson): Promise<boolean>;
  /** Settings as parameter → text, and their update. */
  readSettings(): Promise<Record<string, string>>;
  writeSettings(values: Readonly<Record<string, string>>): Promise<void>;
}
