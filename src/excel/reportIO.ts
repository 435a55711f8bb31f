/**
 * The report from the add-in: the columns it counts read in one batch (readColumns.ts, with the
 * general read as the fallback), the form written to a sheet of this workbook (reportSheet.ts),
 * or opened as a new workbook where the host can (Excel 2019 or newer).
 */
import { parseRegister } from "../core/register/parseRegister";
import { REPORT_COLUMNS } from "../core/report/columns";
import type { ReportJson } from "../core/report/types";
import type { ReportData } from "./gateway";
import { readSelectedColumns } from "./readColumns";
import { writeReportSheetIn, type ReportSheetKind } from "./reportSheet";
import { buildReportXlsxBase64 } from "./reportWorkbook";
import type { GatewaySession } from "./session";
import { readRegisterTables } from "./tables";

export async function readReportData(s: GatewaySession): Promise<ReportData> {
  const caps = await s.capabilities();
  const got = await s.run(async (context) => {
    const columns = await readSelectedColumns(context, REPORT_COLUMNS, caps);
    if (columns) {
      return { ...columns, limited: true };
    }
    const { sheets } = await readRegisterTables(context, caps);
    return { sheets, sheetNames: null, limited: false };
  });
  const { register, issues } = parseRegister(
    got.sheets,
    got.limited ? { columns: REPORT_COLUMNS } : {}
  );
  return { register, issues, sheetNames: got.sheetNames };
}

export async function writeReportSheet(
  s: GatewaySession,
  report: ReportJson,
  sheetNames: readonly string[] | null | undefined,
  kind: ReportSheetKind = "school"
): Promise<{ sheet: string }> {
  const c = await s.capabilities();
  return s.run((context) =>
    writeReportSheetIn(context, report, c, sheetNames ?? undefined, undefined, kind)
  );
}

/**
 * Opens the report as a new workbook (`Excel.createWorkbook`, ExcelApi 1.8): false, doing
 * nothing, where the host lacks it. `base64` is the workbook already built (and checked) by the
 * caller; without it the workbook is built here.
 */
export async function openReportWorkbook(
  s: GatewaySession,
  report: ReportJson,
  base64?: string
): Promise<boolean> {
  const c = await s.capabilities();
  if (!c.createWorkbook) {
    return false;
  }
  base64 ??= await buildReportXlsxBase64(report);
  await s.host.createWorkbook(base64);
  return true;
}
