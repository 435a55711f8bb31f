/**
 * `vshu consolidate R1.xlsx R2.xlsx … --out DISTRICT.xlsx [--json] [--district D]
 * [--settings FILE] [--coordinator-name …] [--coordinator-position …] [--coordinator-phone …]`:
 * the coordinator's district report from the schools' report workbooks.
 *
 * Every file is read and checked (src/cli/xlsx/readReport.ts) and every bad one is named at
 * once; then the set is checked (one period, no school twice, no district report among them);
 * then the core sums it (src/core/report/consolidate.ts). Section VII comes from the options,
 * else the settings file, else the schools' reports when they all name the same coordinator.
 * A folder or a wildcard (`отчёты\*.xlsx`, for Windows where the shell does not expand it)
 * stands for its .xlsx files.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { consolidateReports } from "../../core/report/consolidate";
import { districtNames, inSchoolOrder, sameCoordinator } from "../../core/report/district";
import { periodName } from "../../core/report/duePeriod";
import { checkReportSet, type NamedReport } from "../../core/report/reportSet";
import type { ReportJson } from "../../core/report/types";
import { SETTING, SETTINGS_COLUMNS, SHEET } from "../../core/register/schema";
import { matchKey } from "../../core/text";
import { UserError } from "../errors";
import { prepareOutput } from "../outputs";
import { exists } from "../files";
import { readReportFile, ReportFileError } from "../xlsx/readReport";

export interface ConsolidateOptions {
  readonly inputs: readonly string[];
  readonly out?: string | undefined;
  /** Replace an existing --out file (never a register, never one of the schools' reports). */
  readonly force?: boolean | undefined;
  readonly district?: string | undefined;
  readonly settings?: string | undefined;
  readonly coordinatorName?: string | undefined;
  readonly coordinatorPosition?: string | undefined;
  readonly coordinatorPhone?: string | undefined;
  /** Progress of reading (a terminal only): called with the count read so far. */
  readonly progress?: ((done: number, total: number) => void) | undefined;
  /** Warnings for the user (standard error). */
  readonly note: (line: string) => void;
}

/** What the coordinator's settings give: the district, VII, the ministry's address. */
interface DistrictSettings {
  district?: string;
  name?: string;
  position?: string;
  phone?: string;
  ministryAddress?: string;
}

const SETTINGS_FIELDS: readonly [string, keyof DistrictSettings][] = [
  [SETTING.district, "district"],
  [SETTING.coordinatorName, "name"],
  [SETTING.coordinatorPosition, "position"],
  [SETTING.coordinatorPhone, "phone"],
  [SETTING.ministryAddress, "ministryAddress"],
];

function fieldOf(parameter: string): keyof DistrictSettings | undefined {
  return SETTINGS_FIELDS.find(([p]) => matchKey(p) === matchKey(parameter))?.[1];
}

/** Reads the coordinator's settings: JSON with the «Настройки» names, or a workbook's «Настройки». */
async function readDistrictSettings(path: string): Promise<DistrictSettings> {
  if (!(await exists(path))) {
    throw new UserError(`--settings ${path}: файл не найден`);
  }
  const out: DistrictSettings = {};
  if (/\.json$/i.test(path)) {
    let data: unknown;
    try {
      data = JSON.parse((await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new UserError(`--settings ${path}: не JSON (${(error as Error).message})`);
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      throw new UserError(
        `--settings ${path}: ожидается объект JSON, например {"Район": "…", "Координатор ФИО": "…"}`
      );
    }
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const field = fieldOf(key);
      if (field === undefined) {
        throw new UserError(
          `--settings ${path}: неизвестный параметр «${key}» — допустимы ${SETTINGS_FIELDS.map(([p]) => `«${p}»`).join(", ")}`
        );
      }
      out[field] = String(value ?? "").trim();
    }
    return out;
  }
  if (!/\.xlsx$/i.test(path)) {
    throw new UserError(
      `--settings ${path}: укажите файл .json или книгу .xlsx с листом «${SHEET.settings}»`
    );
  }
  // The workbook readers and writers (exceljs) are loaded only when needed: loading them costs
  // more than reading a hundred reports.
  const { readWorkbookTables } = await import("../xlsx/readWorkbook");
  let tables;
  try {
    tables = await readWorkbookTables(path, (name) =>
      matchKey(name) === matchKey(SHEET.settings) ? SETTINGS_COLUMNS : []
    );
  } catch (error) {
    throw new UserError(
      `--settings ${path}: не удалось прочитать книгу Excel: ${(error as Error).message}`
    );
  }
  const sheet = [...tables.entries()].find(
    ([name]) => matchKey(name) === matchKey(SHEET.settings)
  )?.[1];
  if (!sheet) {
    throw new UserError(`--settings ${path}: в книге нет листа «${SHEET.settings}»`);
  }
  const pIndex = sheet.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[0]));
  const vIndex = sheet.headers.findIndex((h) => matchKey(h) === matchKey(SETTINGS_COLUMNS[1]));
  for (const row of sheet.rows) {
    const p = row.cells[pIndex];
    const v = row.cells[vIndex];
    const field = typeof p === "string" ? fieldOf(p) : undefined;
    if (field !== undefined && v !== null && v !== undefined) {
      out[field] = (typeof v === "object" ? v.date : String(v)).trim();
    }
  }
  return out;
}

/** A wildcard pattern of a file name as a regular expression (`*`, `?`), case-insensitive. */
function wildcard(pattern: string): RegExp {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${re}$`, "i");
}

/** The .xlsx files of a folder, without Excel's lock files («~$…») and hidden ones. */
async function xlsxIn(dir: string, match: RegExp = /\.xlsx$/i): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => match.test(n) && extname(n).toLowerCase() === ".xlsx" && !/^(~\$|\.)/.test(n))
    .sort((a, b) => a.localeCompare(b, "ru", { numeric: true }))
    .map((n) => join(dir, n));
}

/** The files the arguments name: files as given, folders and wildcards expanded. */
export async function expandInputs(args: readonly string[], out?: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const s = await stat(arg).catch(() => null);
    if (s?.isDirectory()) {
      files.push(...(await xlsxIn(arg)));
    } else if (s === null && /[*?]/.test(basename(arg))) {
      const dir = dirname(arg);
      const found = await xlsxIn(dir, wildcard(basename(arg))).catch(() => []);
      if (found.length === 0) {
        throw new UserError(`${arg}: нет ни одного файла .xlsx по этому шаблону`);
      }
      files.push(...found);
    } else {
      files.push(arg);
    }
  }
  const outPath = out === undefined ? null : resolve(out);
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (key === outPath || seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Runs `vshu consolidate`; resolves to the district report and the message for the user. */
export async function runConsolidate(
  opts: ConsolidateOptions
): Promise<{ report: ReportJson; message: string }> {
  if (opts.out !== undefined && !/\.xlsx$/i.test(opts.out)) {
    throw new UserError(`--out ${opts.out}: сводный отчёт должен быть файлом .xlsx`);
  }
  const files = await expandInputs(opts.inputs, opts.out);
  if (files.length === 0) {
    throw new UserError(
      "Не указано ни одного отчёта школы: перечислите файлы .xlsx или папку с ними"
    );
  }
  // Checked before the slow work: never a register or one of the schools' reports; an
  // existing file (an earlier district report too) only with --force.
  const out =
    opts.out === undefined
      ? null
      : await prepareOutput(opts.out, {
          option: "--out",
          inputs: files,
          force: opts.force === true,
        });
  const settings = opts.settings !== undefined ? await readDistrictSettings(opts.settings) : {};

  const named: NamedReport[] = [];
  const errors: string[] = [];
  for (const [i, file] of files.entries()) {
    try {
      const r = await readReportFile(file);
      named.push({ name: file, report: r.report });
    } catch (error) {
      if (!(error instanceof ReportFileError)) {
        throw error;
      }
      errors.push(error.message);
    }
    opts.progress?.(i + 1, files.length);
  }
  if (errors.length > 0) {
    throw new UserError(
      `${errors.join("\n")}\nНе прочитано отчётов: ${errors.length} из ${files.length}. Сводный отчёт не построен: уберите или замените эти файлы и запустите снова.`
    );
  }
  const set = checkReportSet(named);
  if (set.problems.length > 0) {
    throw new UserError(
      `${set.problems.join("\n")}\nСводный отчёт не построен: исправьте набор отчётов и запустите снова.`
    );
  }
  const district = (opts.district ?? settings.district ?? set.district ?? "").trim();
  if (district === "") {
    const names = districtNames(named);
    throw new UserError(
      `Отчёты школ называют разные районы («${names}»): укажите район сводного отчёта параметром --district`
    );
  }
  const reports = inSchoolOrder(named);
  const given = {
    name: opts.coordinatorName ?? settings.name,
    position: opts.coordinatorPosition ?? settings.position,
    phone: opts.coordinatorPhone ?? settings.phone,
  };
  const anyGiven = Object.values(given).some((v) => v !== undefined);
  const coordinator = anyGiven
    ? { name: given.name ?? "", position: given.position ?? "", phone: given.phone ?? "" }
    : sameCoordinator(reports);
  if (coordinator === null) {
    opts.note(
      "Раздел VII (координатор) не заполнен: укажите --coordinator-name, --coordinator-position, --coordinator-phone или --settings ФАЙЛ."
    );
  }
  const report = consolidateReports(reports, {
    district,
    schoolYear: set.schoolYear,
    from: set.from,
    to: set.to,
    coordinator: coordinator ?? { name: "", position: "", phone: "" },
  });
  const lines = [
    `Сводный отчёт: ${district}, ${periodName(set.from, set.to)}, школ: ${reports.length}`,
  ];
  if (out !== null) {
    const { writeReportWorkbook } = await import("../mail/reportWorkbook");
    const { today } = await import("../clock");
    await writeReportWorkbook(out, report, {
      made: today(),
      meta: settings.ministryAddress ? { ministryAddress: settings.ministryAddress } : {},
    });
    lines.push(`Записан: ${out.path}`);
  }
  return { report, message: lines.join("\n") };
}
