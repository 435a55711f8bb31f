/**
 * `vshu init BOOK.xlsx`: a new, empty register workbook with every sheet, table, list
 * validation and settings default.
 */
import { writeFile } from "node:fs/promises";
import type { IsoDate } from "../../core/dates/isoDate";
import { defaultSettings, parseSchoolYear, schoolYearOf } from "../../core/register/defaults";
import { UserError } from "../errors";
import { prepareOutput, writeOutput } from "../outputs";
import { registerBytes, type RegisterContent } from "../xlsx/writeRegister";

export interface InitOptions {
  readonly book: string;
  readonly school?: string | undefined;
  readonly district?: string | undefined;
  readonly year?: string | undefined;
  readonly today: IsoDate;
}

/** The content of a new register: settings with defaults, every other sheet empty. */
export function emptyRegisterContent(opts: Omit<InitOptions, "book">): RegisterContent {
  const yearText = opts.year ?? schoolYearOf(opts.today);
  const year = parseSchoolYear(yearText);
  if (!year) {
    throw new UserError(`--year: «${yearText}» — укажите учебный год в виде 2026/2027`);
  }
  const settings = defaultSettings({
    school: opts.school ?? "",
    district: opts.district ?? "",
    startYear: year.start,
  }).map(([p, v]) => ({ Параметр: p, Значение: v }));
  return { sheets: { settings } };
}

export async function runInit(opts: InitOptions): Promise<string> {
  if (!/\.xlsx$/i.test(opts.book)) {
    throw new UserError(`${opts.book}: книга учёта должна иметь расширение .xlsx`);
  }
  // No --force: a register is never replaced by an empty one, whatever is at the path.
  const out = await prepareOutput(opts.book, { forceOption: false });
  const content = emptyRegisterContent(opts);
  const bytes = await registerBytes(content);
  await writeOutput(out, (tmp) => writeFile(tmp, bytes));
  return `Создана книга учёта: ${opts.book}`;
}
