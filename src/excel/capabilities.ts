/**
 * Feature detection: which ExcelApi requirement sets the host supports
 * (`Office.context.requirements.isSetSupported`), and what the add-in does without them, in
 * Russian for the task pane. Case entry and the report work from ExcelApi 1.1.
 *
 * Users are told which Excel they need, never a requirement set: Office 2016 (volume) has
 * ExcelApi 1.1 only, Office 2019 up to 1.8, Office 2021 up to 1.14; Microsoft 365 and Excel on
 * the web have them all (shared/guides/office-addin.md §3.1).
 */
import type { HostCapabilities } from "./gateway";

/** `Office.context.requirements.isSetSupported`, injectable for tests. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Highest minor version probed (ExcelApi 1.21). */
const HIGHEST_MINOR = 21;

export const LIMIT_PAGE_LAYOUT =
  "Параметры печати (альбомная ориентация, A4, размещение по ширине страницы) не задаются: нужен Excel 2021 или новее (или Microsoft 365). Настройте печать вручную: Файл → Печать.";
export const LIMIT_CREATE_WORKBOOK =
  "Отчёт нельзя открыть отдельной книгой: нужен Excel 2019 или новее. Отчёт строится на листе этой книги — скопируйте лист в новую книгу вручную.";
export const LIMIT_DATA_VALIDATION =
  "Раскрывающиеся списки и проверка дат в новой книге учёта не создаются: нужен Excel 2019 или новее. Значения можно вводить вручную.";
export const LIMIT_MULTI_ROW =
  "Эта версия Excel добавляет строки в таблицы по одной: сохранение работает, но медленнее (быстрее — в Excel 2019 или новее).";
export const LIMIT_FREEZE =
  "Строка заголовков новых листов не закрепляется: нужен Excel 2019 или новее.";
export const LIMIT_SELECTION =
  "Выбор строки на листе «Учёт» не открывает случай в панели: нужен Excel 2019 или новее. Выберите случай в списке панели.";
export const LIMIT_FORMATTING =
  "Ширина столбцов, объединение ячеек и высота строк не задаются: нужен Excel 2019 или новее.";

/** The highest supported minor version of ExcelApi (0 when even 1.1 is missing). */
export function highestExcelApi(isSetSupported: IsSetSupported): number {
  let best = 0;
  for (let minor = 1; minor <= HIGHEST_MINOR; minor++) {
    if (!isSetSupported("ExcelApi", `1.${minor}`)) {
      break;
    }
    best = minor;
  }
  return best;
}

/** What this host can do, with the Russian explanation of each missing feature. */
export function detectCapabilities(isSetSupported: IsSetSupported): HostCapabilities {
  const excelApi = highestExcelApi(isSetSupported);
  const limits: string[] = [];
  if (excelApi < 2) {
    limits.push(LIMIT_FORMATTING);
  }
  if (excelApi < 4) {
    limits.push(LIMIT_MULTI_ROW);
  }
  if (excelApi < 7) {
    limits.push(LIMIT_FREEZE, LIMIT_SELECTION);
  }
  if (excelApi < 8) {
    limits.push(LIMIT_DATA_VALIDATION, LIMIT_CREATE_WORKBOOK);
  }
  if (excelApi < 9) {
    limits.push(LIMIT_PAGE_LAYOUT);
  }
  return {
    excelApi,
    createWorkbook: excelApi >= 8,
    pageLayout: excelApi >= 9,
    dataValidation: excelApi >= 8,
    multiRowAdd: excelApi >= 4,
    formatting: excelApi >= 2,
    nullObjects: excelApi >= 4,
    freezePanes: excelApi >= 7,
    selectionEvents: excelApi >= 7,
    limits,
  };
}
