/**
 * The sheets and columns the report is computed from: a reader that fetches only these (the
 * add-in reads a 10 000-episode register in one request this way) gets the same report as from
 * the whole register. Everything else — «Семьи», «Мероприятия», «Сигналы», «Календарь», names of
 * specialists, notes, protocols — does not change a single figure of the form. «Объединение»
 * is read for the names of «Другие объединения (указать)» in section V, «Основание снятия» to
 * tell a transfer to level 2 from a removal.
 *
 * Children are told apart by full name and birth date (see `childKeyOf`), so those columns are
 * read; the report itself never carries them.
 */
import type { ColumnSelection } from "../register/parseRegister";
import { PASSPORT_COLUMNS, SETTINGS_COLUMNS } from "../register/schema";

export const REPORT_COLUMNS: ColumnSelection = {
  settings: SETTINGS_COLUMNS,
  cases: [
    "Код",
    "Фамилия",
    "Имя",
    "Отчество",
    "Дата рождения",
    "Код семьи",
    "Показатели",
    "Уровень",
    "Дата постановки",
    "Дата снятия",
    "Основание снятия",
  ],
  assistance: ["Код", "Дата", "Вид помощи"],
  activities: ["Код", "Вид", "Объединение", "Дата начала", "Дата окончания"],
  service: ["Дата", "Вид работы", "Количество", "Охвачено"],
  passport: PASSPORT_COLUMNS,
};
