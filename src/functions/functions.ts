/*
 * Custom functions of the add-in (shared runtime).
 *
 * Rules (see docs/office-addin guide §2):
 * - every function here is a thin, top-level `@customfunction` wrapper; logic lives elsewhere;
 * - ids are ASCII and NEVER change once shipped (workbooks store them); names may be Russian;
 * - custom-functions-metadata-plugin builds functions.json from these JSDoc tags and appends
 *   the `CustomFunctions.associate(...)` calls itself, so this file never calls associate;
 * - dates come in and go out as Excel serial numbers (a function cannot return a JS Date);
 * - errors: throw `CustomFunctions.Error` (a custom message is shown only for #VALUE! and #N/A).
 */

import { excelSerialToIso } from "../excel/convert";
import { fullYears } from "./age";

/**
 * Возраст в полных годах на указанную дату.
 * @customfunction AGE ВОЗРАСТ
 * @param birth Дата рождения (дата Excel).
 * @param on Дата, на которую считается возраст (дата Excel).
 * @returns Число полных лет.
 */
export function age(birth: number, on: number): number {
  const birthIso = excelSerialToIso(birth);
  if (birthIso === null) {
    throw invalid("Дата рождения не является датой.");
  }
  const onIso = excelSerialToIso(on);
  if (onIso === null) {
    throw invalid("Дата расчёта не является датой.");
  }
  const years = fullYears(birthIso, onIso);
  if (years === null) {
    throw invalid("Дата расчёта раньше даты рождения.");
  }
  return years;
}

function invalid(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}
