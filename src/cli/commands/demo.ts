/**
 * `vshu demo [--out DIR] [--force]`: a register of a fictional school filled with built-in
 * sample data, then read back like any user's register: its report and its deadlines list.
 *
 * Every output is checked before anything is written (outputs.ts): an existing file is replaced
 * only with --force, and a register only when it is the demo's own earlier output: it still
 * names the demo's school in «Настройки» (a user who renamed the school has made the book their
 * own). The demo marks its register with the keyword DEMO_MARKER and the school's name as the
 * subject in its document properties, so a later version whose demo school has another name
 * still knows it.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { buildDemoRegister } from "../../core/demo/demoRegister";
import { cellText } from "../../core/register/cells";
import { SETTING, SETTINGS_COLUMNS, SHEET } from "../../core/register/schema";
import { matchKey, pluralRu } from "../../core/text";
import { UserError } from "../errors";
import { prepareOutput, prepareOutputDir, writeOutput, type PreparedOutput } from "../outputs";
import { readWorkbookTables } from "../xlsx/readWorkbook";
import { coreProperties } from "../xlsx/workbookFile";
import { registerBytes } from "../xlsx/writeRegister";
import { writeDemoDocuments } from "../documents/demoDocuments";
import { formatDeadlinesText, runDeadlines } from "./deadlines";
import { runReport } from "./report";

export interface DemoOptions {
  readonly out: string;
  readonly on: IsoDate;
  /** Replace existing outputs in DIR (a register only when it is the demo's own). */
  readonly force?: boolean | undefined;
}

export const DEMO_FILES = {
  register: "книга_учёта.xlsx",
  report: "отчёт.xlsx",
  reportJson: "отчёт.json",
  deadlines: "сроки.txt",
  deadlinesJson: "сроки.json",
} as const;

/** The keyword (document properties, «Теги» in Excel) that marks the demo's register. */
export const DEMO_MARKER = "vshu-demo";

/** The school named in a register's «Настройки», or null when it cannot be read. */
async function settingsSchool(path: string): Promise<string | null> {
  const tables = await readWorkbookTables(path, () => SETTINGS_COLUMNS);
  const table = [...tables].find(([name]) => matchKey(name) === matchKey(SHEET.settings))?.[1];
  if (!table) {
    return null;
  }
  const col = (h: string): number => table.headers.findIndex((x) => matchKey(x) === matchKey(h));
  const [param, value] = [col("Параметр"), col("Значение")];
  const row = table.rows.find(
    (r) => matchKey(cellText(r.cells[param] ?? null)) === matchKey(SETTING.school)
  );
  return row ? cellText(row.cells[value] ?? null) : null;
}

/**
 * Whether a register is the demo's own earlier output (see the header): «Настройки» still names
 * the school the demo wrote — the one in its document properties, or `currentSchool` (the demo
 * of this version; a demo register written before the marker existed carries that name too).
 */
export async function isDemoRegister(path: string, currentSchool: string): Promise<boolean> {
  const props = await coreProperties(path);
  const marked = props !== null && props.keywords.split(/[\s,;]+/).includes(DEMO_MARKER);
  const names = new Set([
    currentSchool,
    ...(marked && props.subject !== "" ? [props.subject] : []),
  ]);
  try {
    const school = await settingsSchool(path);
    return school !== null && school !== "" && names.has(school);
  } catch {
    return false;
  }
}

/** The school a demo register names in «Настройки». */
function demoSchool(demo: ReturnType<typeof buildDemoRegister>): string {
  const value = demo.sheets.settings?.find((r) => r["Параметр"] === SETTING.school)?.["Значение"];
  return typeof value === "string" ? value : "";
}

export async function runDemo(opts: DemoOptions): Promise<string> {
  await prepareOutputDir(opts.out, "--out");
  const demo = buildDemoRegister(opts.on);
  const school = demoSchool(demo);
  const rules = {
    option: "--out",
    force: opts.force === true,
    replaceableRegister: (path: string) => isDemoRegister(path, school),
  };
  // Every output is checked before the first is written: a refused run writes nothing.
  const prepared = new Map<string, PreparedOutput>();
  const refusals: string[] = [];
  for (const name of Object.values(DEMO_FILES)) {
    try {
      prepared.set(name, await prepareOutput(join(opts.out, name), rules));
    } catch (error) {
      if (!(error instanceof UserError)) {
        throw error;
      }
      refusals.push(error.message);
    }
  }
  if (refusals.length > 0) {
    throw new UserError([...refusals, "Демонстрационные файлы не записаны."].join("\n"));
  }
  const output = (name: string): PreparedOutput => {
    const out = prepared.get(name);
    if (!out) {
      throw new Error(`output ${name} was not prepared`);
    }
    return out;
  };

  const book = join(opts.out, DEMO_FILES.register);
  // Marked as the demo's own, so the next `vshu demo` may replace it (and no other register).
  const bytes = await registerBytes(
    { sheets: demo.sheets },
    { keywords: DEMO_MARKER, subject: school }
  );
  await writeOutput(output(DEMO_FILES.register), (tmp) => writeFile(tmp, bytes));

  const { report } = await runReport({
    book,
    from: demo.period.from,
    to: demo.period.to,
    out: join(opts.out, DEMO_FILES.report),
    made: opts.on,
    force: opts.force,
  });
  const { rows, json } = await runDeadlines({ book, on: opts.on });
  const text = async (name: string, body: string): Promise<void> => {
    await writeOutput(output(name), (tmp) => writeFile(tmp, body, "utf8"));
  };
  await text(DEMO_FILES.reportJson, `${JSON.stringify(report, null, 2)}\n`);
  await text(DEMO_FILES.deadlines, `${formatDeadlinesText(rows, opts.on)}\n`);
  await text(DEMO_FILES.deadlinesJson, `${JSON.stringify(json, null, 2)}\n`);
  const documents = await writeDemoDocuments({
    book,
    out: opts.out,
    on: opts.on,
    force: opts.force,
  });
  const overdue = rows.filter((r) => r.status === "просрочено").length;
  return [
    `Демонстрационные файлы в папке ${opts.out}:`,
    `  ${DEMO_FILES.register} — книга учёта вымышленной школы (${demo.sheets.cases?.length ?? 0} случаев)`,
    `  ${DEMO_FILES.report} и ${DEMO_FILES.reportJson} — отчёт за ${formatDateRu(demo.period.from)}–${formatDateRu(demo.period.to)}`,
    `  ${DEMO_FILES.deadlines} и ${DEMO_FILES.deadlinesJson} — сроки на ${formatDateRu(opts.on)}: ${rows.length} ${pluralRu(rows.length, ["шаг", "шага", "шагов"])}, просрочено ${overdue}`,
    documents,
  ].join("\n");
}
