/**
 * The report form of order No. 223-д (annex «Форма отчета»), sections I–VII, as rows of
 * cells with their roles and merged blocks: a pure layout the adapters write into a workbook
 * (the CLI with its xlsx writer, the add-in through the Office API or as a new workbook).
 * Counts only: nothing about a child or a parent can reach this layout, because it is built
 * from ReportJson alone (the names in it are the school's, the coordinator's, the director's
 * and the executor's, and the names of clubs).
 *
 * The title names the period as people say it and the district in the seed's words
 * (./formTitle.ts); under section VII stands the signature block with the date the report was
 * made, which the caller passes (the core never reads the clock).
 */
import { formatDateRu, type IsoDate } from "../dates/isoDate";
import { layoutForm, type FormLayout } from "./formLayout";
import {
  sectionI,
  sectionII,
  sectionIII,
  sectionIV,
  sectionV,
  sectionVI,
  sectionVII,
  row,
  textRow,
} from "./formSections";
import { asOfPhrase, districtWords, periodPhrase } from "./formTitle";
import type { ReportJson } from "./types";

export type FormCell = string | number | null;

export type RowStyle =
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "group"
  | "data"
  | "total"
  | "note"
  | "blank"
  | "signature";

/** A merged block starting at this row: from column `col` (0-based), `cols` wide, `rows` tall. */
export interface FormSpan {
  readonly col: number;
  readonly cols: number;
  readonly rows: number;
}

export interface FormRow {
  readonly style: RowStyle;
  /** Cells from column A; at most FORM_COLUMNS. A cell covered by a merged block is null. */
  readonly cells: readonly FormCell[];
  /** The merged blocks that start in this row. */
  readonly spans: readonly FormSpan[];
  /** Columns framed as a table, from column A; 0 for a row of text. */
  readonly frame: number;
}

/** Columns of the form: № | title | up to seven numbers. */
export const FORM_COLUMNS = 9;

export interface FormOptions {
  /** The day the report was made (signature block); null leaves a blank to fill by hand. */
  readonly made: IsoDate | null;
}

const LINE = "______________________";

/** The title lines: the form's name, the period, «по состоянию на», the district, the school. */
function titleRows(r: ReportJson): ReturnType<typeof textRow>[] {
  const district = districtWords(r.district);
  const period = periodPhrase(r);
  const rows = [
    textRow(
      "title",
      "Форма отчёта деятельности образовательной организации с несовершеннолетними (семьёй) группы риска",
      true
    ),
    textRow(
      "subtitle",
      district.locative
        ? `${period} ${district.locative}`
        : r.district.trim()
          ? period
          : `${period} в ${LINE} районе (кожууне)`,
      true
    ),
    textRow("subtitle", asOfPhrase(r.to), true),
  ];
  if (!district.locative && r.district.trim() !== "") {
    rows.push(textRow("subtitle", `Муниципальное образование: ${r.district.trim()}`, true));
  }
  if (r.school.trim() !== "") {
    rows.push(textRow("subtitle", `Образовательная организация: ${r.school.trim()}`, true));
  }
  return rows;
}

/** Under section VII: «Директор ___ (ФИО)», «Исполнитель: ФИО, телефон», the date. */
function signatureRows(r: ReportJson, made: IsoDate | null): ReturnType<typeof textRow>[] {
  const s = r.signature;
  const director = s.director.trim() !== "" ? s.director.trim() : LINE;
  const executor = s.executorName.trim() !== "" ? s.executorName.trim() : LINE;
  const phone = s.executorPhone.trim() !== "" ? s.executorPhone.trim() : "______________";
  return [
    textRow("signature", `Директор  ${LINE}  (${director})`),
    textRow("signature", `Исполнитель: ${executor}, тел. ${phone}`),
    textRow(
      "signature",
      `Дата составления отчёта: ${made !== null ? formatDateRu(made) : "«___» ____________ 20___ г."}`
    ),
  ];
}

/** The whole form as rows, from the report's counts. */
export function buildReportForm(r: ReportJson, opts: FormOptions): FormRow[] {
  const blank = row("blank", []);
  return [
    ...titleRows(r),
    blank,
    ...sectionI(r, districtWords(r.district).genitive),
    blank,
    ...sectionII(r),
    blank,
    ...sectionIII(r),
    blank,
    ...sectionIV(r),
    blank,
    ...sectionV(r),
    blank,
    ...sectionVI(r),
    blank,
    ...sectionVII(r),
    blank,
    ...signatureRows(r, opts.made),
  ];
}

/** The form with its merges, column widths and row heights (./formLayout.ts). */
export function reportFormLayout(r: ReportJson, opts: FormOptions): FormLayout {
  return layoutForm(buildReportForm(r, opts));
}
