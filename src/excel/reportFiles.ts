/**
 * Report workbooks in the add-in, without Excel: a school's report file the coordinator picked
 * (consolidation), or the report workbook the pane just built (checked before it is offered
 * for sending). The package is opened with JSZip and checked by the core exactly as `vshu send`
 * and `vshu consolidate` check it (src/core/report/reportPackage.ts): the sheets «Отчёт» and
 * «Данные» only, counts only, nothing of the register. JSZip is the chunk the report workbook
 * already loads, fetched on first use.
 */
import type { IsoDate } from "../core/dates/isoDate";
import type { ReportMeta } from "../core/report/flatten";
import {
  checkReportPackage,
  partKey,
  ReportPackageError,
  type ReportParts,
} from "../core/report/reportPackage";
import type { ReportJson } from "../core/report/types";
import { buildReportXlsxBytes } from "./reportWorkbook";

export { ReportPackageError } from "../core/report/reportPackage";

/** What a school should do about a refused report file (the coordinator passes it on). */
export const HOW_TO_REBUILD_SCHOOL =
  "попросите школу построить отчёт в ВШУ заново (надстройка: «Отчёт» → «Отправка в министерство», или «vshu monthly») и прислать файл без изменений";

/** What to do when the pane's own report workbook fails the check (a bug, never expected). */
export const HOW_TO_REBUILD_OWN = "постройте отчёт заново в панели ВШУ";

export interface CheckedReport {
  readonly report: ReportJson;
  readonly meta: ReportMeta;
}

/**
 * Opens and checks a report workbook.
 * @param name - the file's name, for messages
 * @param bytes - the .xlsx file
 * @param options.printed - also check the sheet «Отчёт» holds only the form's texts and numbers
 * @throws ReportPackageError naming the file and saying what to do
 */
export async function readReportBytes(
  name: string,
  bytes: Uint8Array | ArrayBuffer,
  options: { readonly printed?: boolean; readonly howTo?: string } = {}
): Promise<CheckedReport> {
  const howTo = options.howTo ?? HOW_TO_REBUILD_SCHOOL;
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ "jszip");
  const parts = new Map<string, () => Promise<string>>();
  try {
    const zip = await JSZip.loadAsync(bytes);
    zip.forEach((path, entry) => {
      if (!entry.dir) {
        parts.set(partKey(path), () => entry.async("string"));
      }
    });
  } catch {
    throw new ReportPackageError(
      `${name}: это не книга Excel (.xlsx) или файл повреждён — ${howTo}`,
      "notXlsx"
    );
  }
  return checkReportPackage(name, parts as ReportParts, {
    howTo,
    printed: options.printed === true,
  });
}

/** A report workbook ready to leave the school: its bytes, checked, and the same as base64. */
export interface PreparedReport extends CheckedReport {
  readonly bytes: Uint8Array;
  readonly base64: string;
}

/**
 * Builds the report workbook and checks its bytes as `vshu send` does before sending (the
 * printed form too): what the pane offers is what was checked.
 * @param name - the attachment's name, for the message should the check ever fail
 */
export async function prepareReportWorkbook(
  report: ReportJson,
  made: IsoDate,
  meta: Omit<ReportMeta, "made">,
  name: string
): Promise<PreparedReport> {
  const bytes = await buildReportXlsxBytes(report, made, meta);
  const checked = await readReportBytes(name, bytes, {
    printed: true,
    howTo: HOW_TO_REBUILD_OWN,
  });
  return { ...checked, bytes, base64: bytesToBase64(bytes) };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 (RFC 4648, with padding) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      BASE64.charAt(n >> 18) +
      BASE64.charAt((n >> 12) & 63) +
      BASE64.charAt((n >> 6) & 63) +
      BASE64.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += `${BASE64.charAt(n >> 18)}${BASE64.charAt((n >> 12) & 63)}==`;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += `${BASE64.charAt(n >> 18)}${BASE64.charAt((n >> 12) & 63)}${BASE64.charAt((n >> 6) & 63)}=`;
  }
  return out;
}
