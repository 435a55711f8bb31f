/**
 * `RegisterGateway` over a `MemoryWorkbook`: the same contract as the Office.js adapter, so the
 * task pane runs in a plain browser page. It records every call (tests assert that saving a case
 * is one call) and lets a test simulate the user selecting a row of «Учёт».
 */
import { formatDateRu, type IsoDate } from "../../src/core/dates/isoDate";
import { formatIndicatorCodes } from "../../src/core/indicators/parseCodes";
import { defaultSettings, parseSchoolYear } from "../../src/core/register/defaults";
import type { Cell } from "../../src/core/register/model";
import { parseRegister } from "../../src/core/register/parseRegister";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  SERVICE_KINDS,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  type StepKey,
} from "../../src/core/register/schema";
import { cellText } from "../../src/core/register/cells";
import type { ReportJson } from "../../src/core/report/types";
import { documentSheet, documentSheetName, type DocumentModel } from "../../src/core/documents";
import { rowsToImport, type ImportPlan } from "../../src/core/import/plan";
import { prepareImport } from "../../src/csv/parseCsv";
import type {
  ActivityDraft,
  AssistanceDraft,
  CaseDraft,
  CreateRegisterResult,
  DocumentSheetResult,
  ImportWriteOptions,
  ImportWriteResult,
  HostCapabilities,
  RegisterRead,
  ReportData,
  RegisterGateway,
  RemovalDraft,
  SaveCaseResult,
  ServiceDraft,
  TransferDecision,
  TransferResult,
  UpgradeResult,
  UpgradeStatus,
  WriteOptions,
  WriteOutcome,
} from "../../src/excel/gateway";
import { plannedSteps, stepName, stepTitle } from "../../src/excel/writeCase";
import { MemoryWorkbook } from "./memoryWorkbook";

const date = (d: IsoDate | null): Cell => (d === null ? null : { date: d });

export const FULL_CAPABILITIES: HostCapabilities = {
  excelApi: 17,
  createWorkbook: true,
  pageLayout: true,
  dataValidation: true,
  multiRowAdd: true,
  formatting: true,
  nullObjects: true,
  freezePanes: true,
  selectionEvents: true,
  limits: [],
};

export interface GatewayCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

export class MemoryGateway implements RegisterGateway {
  readonly calls: GatewayCall[] = [];
  readonly reports = new Map<string, ReportJson>();
  /** Documents written by «Документы», by sheet name. */
  readonly documents = new Map<string, DocumentModel>();
  selection: { code: string; step: StepKey | null } | null = null;
  private listeners: ((code: string) => void)[] = [];

  constructor(
    readonly book: MemoryWorkbook,
    private readonly caps: HostCapabilities = FULL_CAPABILITIES
  ) {}

  private log(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** Simulates the user selecting the row of a case in «Учёт». */
  selectCase(code: string): void {
    for (const l of this.listeners) {
      l(code);
    }
  }

  async capabilities(): Promise<HostCapabilities> {
    return this.caps;
  }

  async hasRegister(): Promise<{ present: boolean; missing: readonly string[] }> {
    const missing = SHEET_ORDER.map((k) => SHEET[k]).filter((n) => !this.book.sheets.has(n));
    return { present: missing.length === 0, missing };
  }

  async createRegister(opts: {
    school: string;
    district: string;
    schoolYear: string;
    today: IsoDate;
  }): Promise<CreateRegisterResult> {
    this.log("createRegister", opts);
    const start = parseSchoolYear(opts.schoolYear)?.start ?? Number(opts.today.slice(0, 4));
    const created: string[] = [];
    const kept: string[] = [];
    for (const key of SHEET_ORDER) {
      if (this.book.sheets.has(SHEET[key])) {
        kept.push(SHEET[key]);
        continue;
      }
      created.push(SHEET[key]);
      this.book.addSheet(SHEET[key], SHEET_COLUMNS[key]);
      if (key === "settings") {
        for (const [p, v] of defaultSettings({
          school: opts.school,
          district: opts.district,
          startYear: start,
        })) {
          this.book.append(SHEET.settings, { Параметр: p, Значение: v });
        }
      }
    }
    return { created, kept, skipped: [], limits: this.caps.limits };
  }

  async readRegister(): Promise<RegisterRead> {
    this.log("readRegister");
    return { ...parseRegister(this.book.raw()), snapshot: { tables: {} } };
  }

  /** The memory book is always laid out at version 2 (the pane's upgrade runs on Excel). */
  async upgradeStatus(read?: RegisterRead): Promise<UpgradeStatus> {
    const version = (read ?? (await this.readRegister())).register.settings.version;
    return { version, state: "current", missing: [], message: "" };
  }

  async upgradeRegister(): Promise<UpgradeResult> {
    this.log("upgradeRegister");
    return { fromVersion: 2, columns: [], settings: [], dates: [], sheets: [], skipped: [] };
  }

  async saveCase(draft: CaseDraft, opts: WriteOptions): Promise<SaveCaseResult> {
    this.log("saveCase", draft, opts);
    const cases = SHEET.cases;
    let index = draft.code === "" ? -1 : this.book.find(cases, "Код", draft.code);
    if (draft.code !== "" && index < 0) {
      throw new Error(`случай «${draft.code}» не найден на листе «Учёт»`);
    }
    const wasRegistered =
      index >= 0 && cellText(this.book.get(cases, index, "Дата постановки")) !== "";
    const code = draft.code !== "" ? draft.code : this.nextCode();
    const values: Record<string, Cell> = {
      Код: code,
      Фамилия: draft.lastName,
      Имя: draft.firstName,
      Отчество: draft.patronymic,
      "Дата рождения": date(draft.birthDate),
      Класс: draft.className,
      "Код семьи": draft.familyCode,
      "Дата выявления": date(draft.identified),
      Источник: draft.source,
      Показатели: formatIndicatorCodes(draft.indicators),
      Уровень: draft.level,
      "Дата постановки": date(draft.registered),
      Протокол: draft.protocol,
      Куратор: draft.curator,
      Примечание: draft.note,
    };
    let row: number;
    if (index < 0) {
      row = this.book.append(cases, values);
      index = row - 2;
    } else {
      for (const [h, v] of Object.entries(values)) {
        this.book.set(cases, index, h, v);
      }
      row = index + 2;
    }
    if (draft.newFamily !== null) {
      const f = draft.newFamily;
      this.book.append(SHEET.families, {
        "Код семьи": f.code,
        "Социальный статус": f.status.join(", "),
        Мать: f.mother,
        Отец: f.father,
        "Опекун (попечитель)": f.guardian,
        "Адрес проживания": f.address,
        "Адрес регистрации": f.registrationAddress,
        Телефон: f.phone,
      });
    }
    const stepsAdded =
      draft.level !== null && draft.registered !== null && !wasRegistered
        ? this.addSteps(code, draft.identified, draft.registered, draft.level)
        : 0;
    return { code, row, stepsAdded, upgraded: null };
  }

  async addAssistance(d: AssistanceDraft): Promise<WriteOutcome> {
    this.log("addAssistance", d);
    const kind = ASSISTANCE_KINDS.find((k) => k.key === d.kind)?.title ?? d.kind;
    this.book.append(SHEET.assistance, {
      Код: d.caseCode,
      Дата: date(d.date),
      "Вид помощи": kind,
      Содержание: d.content,
    });
    return { upgraded: null };
  }

  async addActivity(d: ActivityDraft): Promise<WriteOutcome> {
    this.log("addActivity", d);
    const kind = ACTIVITY_KINDS.find((k) => k.key === d.kind)?.title ?? d.kind;
    this.book.append(SHEET.activities, {
      Код: d.caseCode,
      Вид: kind,
      Объединение: d.name,
      "Дата начала": date(d.start),
      "Дата окончания": date(d.end),
    });
    return { upgraded: null };
  }

  async addService(d: ServiceDraft): Promise<WriteOutcome> {
    this.log("addService", d);
    const kind = SERVICE_KINDS.find((k) => k.key === d.kind)?.title ?? d.kind;
    this.book.append(SHEET.service, {
      Дата: date(d.date),
      "Вид работы": kind,
      Количество: d.count,
      Охвачено: d.covered,
      Примечание: d.note,
    });
    return { upgraded: null };
  }

  async removeCase(code: string, removal: RemovalDraft): Promise<WriteOutcome> {
    this.log("removeCase", code, removal);
    if (removal.decisionNumber.trim() === "") {
      throw new Error("Снятие с учёта не записано: нужно решение — укажите его номер и дату.");
    }
    const i = this.caseIndex(code);
    this.book.set(SHEET.cases, i, "Дата снятия", date(removal.decisionDate));
    this.book.set(SHEET.cases, i, "Основание снятия", removal.ground);
    this.book.set(SHEET.cases, i, "Протокол снятия", removal.decisionNumber);
    return { upgraded: null };
  }

  async transferToLevel2(
    code: string,
    decision: TransferDecision,
    _opts: WriteOptions
  ): Promise<TransferResult> {
    this.log("transferToLevel2", code, decision);
    const on = decision.date;
    const protocol = decision.number;
    const i = this.caseIndex(code);
    const copy = (h: string): Cell => this.book.get(SHEET.cases, i, h);
    this.book.set(SHEET.cases, i, "Дата снятия", date(on));
    this.book.set(SHEET.cases, i, "Основание снятия", "переведён в СОП");
    this.book.set(SHEET.cases, i, "Протокол снятия", protocol);
    const newCode = this.nextCode();
    this.book.append(SHEET.cases, {
      Код: newCode,
      Фамилия: copy("Фамилия"),
      Имя: copy("Имя"),
      Отчество: copy("Отчество"),
      "Дата рождения": copy("Дата рождения"),
      Класс: copy("Класс"),
      "Код семьи": copy("Код семьи"),
      "Дата выявления": date(on),
      Источник: "КДН и ЗП",
      Показатели: copy("Показатели"),
      Уровень: 2,
      "Дата постановки": date(on),
      Протокол: protocol,
      Куратор: copy("Куратор"),
      Примечание: `переведён с уровня 1 (случай ${code})`,
    });
    this.addSteps(newCode, on, on, 2);
    return { code: newCode, upgraded: null };
  }

  async markStepDone(code: string, step: StepKey, on: IsoDate): Promise<WriteOutcome> {
    this.log("markStepDone", code, step, on);
    const def = { title: stepTitle(step), name: stepName(step) };
    const sheet = this.book.sheet(SHEET.actions);
    const codeCol = sheet.headers.indexOf("Код");
    const stepCol = sheet.headers.indexOf("Шаг");
    const doneCol = sheet.headers.indexOf("Выполнено");
    const open = sheet.rows.findIndex(
      (r) =>
        cellText(r[codeCol]) === code &&
        cellText(r[stepCol]) === def.title &&
        cellText(r[doneCol]) === ""
    );
    if (open >= 0) {
      this.book.set(SHEET.actions, open, "Выполнено", date(on));
    } else {
      this.book.append(SHEET.actions, {
        Код: code,
        Шаг: def.title,
        Мероприятие: def.name,
        Выполнено: date(on),
      });
    }
    return { upgraded: null };
  }

  async goToCase(code: string, step?: StepKey): Promise<void> {
    this.log("goToCase", code, step);
    this.selection = { code, step: step ?? null };
  }

  async onCaseSelected(callback: (code: string) => void): Promise<() => Promise<void>> {
    this.listeners.push(callback);
    return async () => {
      this.listeners = this.listeners.filter((l) => l !== callback);
    };
  }

  async readReportData(): Promise<ReportData> {
    this.log("readReportData");
    return { ...parseRegister(this.book.raw()), sheetNames: null };
  }

  async writeReportSheet(
    report: ReportJson,
    opts: { readonly kind?: "school" | "district" } = {}
  ): Promise<{ sheet: string }> {
    this.log("writeReportSheet", report);
    const prefix = opts.kind === "district" ? "Свод" : "Отчёт";
    const sheet = `${prefix} ${formatDateRu(report.from)}–${formatDateRu(report.to)}`;
    this.reports.set(sheet, report);
    return { sheet };
  }

  async planImport(input: { bytes: Uint8Array; sheet: string }): Promise<ImportPlan> {
    this.log("planImport", input.sheet);
    return prepareImport({ bytes: input.bytes, sheet: input.sheet, register: this.book.raw() });
  }

  async importRows(plan: ImportPlan, opts: ImportWriteOptions): Promise<ImportWriteResult> {
    this.log("importRows", plan.sheet, opts);
    if (plan.errors.length > 0 || plan.sheet === null) {
      throw new Error("В файле ошибки: ничего не записано.");
    }
    const rows = rowsToImport(plan, opts.duplicates);
    let first = 0;
    for (const r of rows) {
      const values: Record<string, Cell> = {};
      for (const [k, v] of Object.entries(r.values)) {
        values[k] = v;
      }
      const index = this.book.append(plan.sheet, values);
      first ||= index;
    }
    return {
      sheet: plan.sheet,
      rows: rows.length,
      skipped: plan.rows.length - rows.length,
      first,
      last: first + rows.length - 1,
      batches: rows.length === 0 ? 0 : 1,
      upgraded: null,
    };
  }

  async writeDocumentSheet(model: DocumentModel): Promise<DocumentSheetResult> {
    this.log("writeDocumentSheet", model);
    const sheet = documentSheetName(model, [...this.book.sheets.keys(), ...this.documents.keys()]);
    this.documents.set(sheet, model);
    return { sheet, rows: documentSheet(model).rowHeights.length, limits: [] };
  }

  async openReportWorkbook(report: ReportJson): Promise<boolean> {
    this.log("openReportWorkbook", report);
    return this.caps.createWorkbook;
  }

  async readSettings(): Promise<Record<string, string>> {
    const s = this.book.rowsOf(SHEET.settings);
    return Object.fromEntries(
      s.map((r) => {
        const v = r["Значение"];
        const text =
          typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)
            ? formatDateRu(v)
            : cellText(v ?? null);
        return [cellText(r["Параметр"] ?? null), text];
      })
    );
  }

  async writeSettings(values: Readonly<Record<string, string>>): Promise<WriteOutcome> {
    this.log("writeSettings", values);
    for (const [p, v] of Object.entries(values)) {
      const i = this.book.find(SHEET.settings, "Параметр", p);
      if (i >= 0) {
        this.book.set(SHEET.settings, i, "Значение", v);
      } else {
        this.book.append(SHEET.settings, { Параметр: p, Значение: v });
      }
    }
    return { upgraded: null };
  }

  private caseIndex(code: string): number {
    const i = this.book.find(SHEET.cases, "Код", code);
    if (i < 0) {
      throw new Error(`случай «${code}» не найден на листе «Учёт»`);
    }
    return i;
  }

  /** «В-N» after the highest number used with the register's prefix. */
  private nextCode(): string {
    let max = 0;
    let prefix = "В-";
    for (const r of this.book.rowsOf(SHEET.cases)) {
      const m = /^(.*?)(\d+)$/.exec(cellText(r["Код"] ?? null));
      if (m && Number(m[2]) > max) {
        max = Number(m[2]);
        prefix = m[1] ?? prefix;
      }
    }
    return `${prefix}${max + 1}`;
  }

  /** The regulated steps of the register's «Регламент» with their due dates, as rows of «Мероприятия». */
  private addSteps(
    code: string,
    identified: IsoDate | null,
    registered: IsoDate,
    level: 1 | 2 = 1
  ): number {
    const { register } = parseRegister(this.book.raw());
    const steps = plannedSteps(register, identified, registered, level);
    for (const step of steps) {
      this.book.append(SHEET.actions, {
        Код: code,
        Шаг: step.title,
        Мероприятие: step.name,
        Срок: date(step.due),
        Ответственный: step.responsible,
      });
    }
    return steps.length;
  }
}
