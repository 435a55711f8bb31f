/**
 * `vshu demo [--out DIR]`: a register of a fictional school filled with built-in sample data,
 * then read back like any user's register: its report and its deadlines list.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatDateRu, type IsoDate } from "../../core/dates/isoDate";
import { buildDemoRegister } from "../../core/demo/demoRegister";
import { pluralRu } from "../../core/text";
import { writeDemoDocuments } from "../documents/demoDocuments";
import { writeAtomically } from "../files";
import { buildRegisterWorkbook } from "../xlsx/writeRegister";
import { formatDeadlinesText, runDeadlines } from "./deadlines";
import { runReport } from "./report";

export interface DemoOptions {
  readonly out: string;
  readonly on: IsoDate;
}

export const DEMO_FILES = {
  register: "книга_учёта.xlsx",
  report: "отчёт.xlsx",
  reportJson: "отчёт.json",
  deadlines: "сроки.txt",
  deadlinesJson: "сроки.json",
} as const;

export async function runDemo(opts: DemoOptions): Promise<string> {
  const demo = buildDemoRegister(opts.on);
  const book = join(opts.out, DEMO_FILES.register);
  const wb = buildRegisterWorkbook({ sheets: demo.sheets });
  await writeAtomically(book, (tmp) => wb.xlsx.writeFile(tmp));

  const reportPath = join(opts.out, DEMO_FILES.report);
  const { report } = await runReport({
    book,
    from: demo.period.from,
    to: demo.period.to,
    out: reportPath,
  });
  const { rows, json } = await runDeadlines({ book, on: opts.on });
  const text = async (name: string, body: string): Promise<void> => {
    await writeAtomically(join(opts.out, name), (tmp) => writeFile(tmp, body, "utf8"));
  };
  await text(DEMO_FILES.reportJson, `${JSON.stringify(report, null, 2)}\n`);
  await text(DEMO_FILES.deadlines, `${formatDeadlinesText(rows, opts.on)}\n`);
  await text(DEMO_FILES.deadlinesJson, `${JSON.stringify(json, null, 2)}\n`);
  const documents = await writeDemoDocuments({ book, out: opts.out, on: opts.on });
  const overdue = rows.filter((r) => r.status === "просрочено").length;
  return [
    `Демонстрационные файлы в папке ${opts.out}:`,
    `  ${DEMO_FILES.register} — книга учёта вымышленной школы (${demo.sheets.cases?.length ?? 0} случаев)`,
    `  ${DEMO_FILES.report} и ${DEMO_FILES.reportJson} — отчёт за ${formatDateRu(demo.period.from)}–${formatDateRu(demo.period.to)}`,
    `  ${DEMO_FILES.deadlines} и ${DEMO_FILES.deadlinesJson} — сроки на ${formatDateRu(opts.on)}: ${rows.length} ${pluralRu(rows.length, ["шаг", "шага", "шагов"])}, просрочено ${overdue}`,
    documents,
  ].join("\n");
}
