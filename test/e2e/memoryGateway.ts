/**
 * `RegisterGateway` over a `MemoryWorkbook`: the same contract as the Office.js adapter, so the
 * task pane runs in a plain browser page. It records every call (tests assert that saving a case
 * is one call) and lets a test simulate the user selecting a row of «Учёт».
 */
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import { formatDateRu, type IsoDate } from "../../src/core/dates/isoDate";
import { computeDueDate } from "../../src/core/deadlines/computeDueDate";
import { STEP_DEFINITIONS } from "../../src/core/deadlines/steps";
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
import type {
  ActivityDraft,
  AssistanceDraft,
  CaseDraft,
  CreateRegisterResult,
  HostCapabilities,
  RegisterRead,
  ReportData,
  RegisterGateway,
  SaveCaseResult,
  ServiceDraft,
  WriteOptions,
} from "../../src/excel/gateway";
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
        ? this.addSteps(code, draft.identified, draft.registered)
        : 0;
    return { code, row, stepsAdded };
  }

  async addAssistance(d: AssistanceDraft): Promise<void> {
    this.log("addAssistance", d);
    const kind = ASSISTANCE_KINDS.find((k) => k.key === d.kind)?.title ?? d.kind;
    this.book.append(SHEET.assistance, {
      Код: d.caseCode,
      Дата: date(d.date),
      "Вид помощи": kind,
      Содержание: d.content,
    });
  }

  async addActivity(d: ActivityDraft): Promise<void> {
    this.log("addActivity", d);
    const kind = ACTIVITY_KINDS.find((k) => k.key === d.kind)?.title ?? d.kind;
    this.book.append(SHEET.activities, {
      Код: d.caseCode,
      Вид: kind,
      Объединение: d.name,
      "Дата начала": date(d.start),
      "Дата окончания": date(d.end),
    });
  }

  async addService(d: ServiceDraft): Promise<void> {
    this.log("addService", d);
    const kind = SERVICE_KINDS.find((k) => k.key === d.kind)?.title ?? d.kind;
    this.book.append(SHEET.service, {
      Дата: date(d.date),
      "Вид работы": kind,
      Количество: d.count,
      Охвачено: d.covered,
      Примечание: d.note,
    });
  }

  async removeCase(code: string, on: IsoDate, reason: string): Promise<void> {
    this.log("removeCase", code, on, reason);
    const i = this.caseIndex(code);
    this.book.set(SHEET.cases, i, "Дата снятия", date(on));
    this.book.set(SHEET.cases, i, "Основание снятия", reason);
  }

  async transferToLevel2(
    code: string,
    on: IsoDate,
    protocol: string,
    _opts: WriteOptions
  ): Promise<string> {
    this.log("transferToLevel2", code, on, protocol);
    const i = this.caseIndex(code);
    const copy = (h: string): Cell => this.book.get(SHEET.cases, i, h);
    this.book.set(SHEET.cases, i, "Дата снятия", date(on));
    this.book.set(SHEET.cases, i, "Основание снятия", "переведён в СОП");
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
    this.addSteps(newCode, on, on);
    return newCode;
  }

  async markStepDone(code: string, step: StepKey, on: IsoDate): Promise<void> {
    this.log("markStepDone", code, step, on);
    const def = STEP_DEFINITIONS.find((s) => s.key === step);
    if (!def) {
      throw new Error(`неизвестный шаг «${step}»`);
    }
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

  async writeReportSheet(report: ReportJson): Promise<{ sheet: string }> {
    this.log("writeReportSheet", report);
    const sheet = `Отчёт ${formatDateRu(report.from)}–${formatDateRu(report.to)}`;
    this.reports.set(sheet, report);
    return { sheet };
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

  async writeSettings(values: Readonly<Record<string, string>>): Promise<void> {
    this.log("writeSettings", values);
    for (const [p, v] of Object.entries(values)) {
      const i = this.book.find(SHEET.settings, "Параметр", p);
      if (i >= 0) {
        this.book.set(SHEET.settings, i, "Значение", v);
      } else {
        this.book.append(SHEET.settings, { Параметр: p, Значение: v });
      }
    }
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

  /** The one-time regulated steps with their due dates, as rows of «Мероприятия». */
  private addSteps(code: string, identified: IsoDate | null, registered: IsoDate): number {
    const calendar = createProductionCalendar();
    let added = 0;
    for (const step of STEP_DEFINITIONS) {
      if (step.rule.kind !== "once") {
        continue;
      }
      const base = step.rule.from === "identification" ? identified : registered;
      if (base === null) {
        continue;
      }
      const due = computeDueDate(base, step.rule.period, calendar).due;
      this.book.append(SHEET.actions, {
        Код: code,
        Шаг: step.title,
        Мероприятие: step.name,
        Срок: date(due),
      });
      added += 1;
    }
    return added;
  }
}
