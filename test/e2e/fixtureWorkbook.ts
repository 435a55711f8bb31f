/**
 * A small register of a fictional school for the task pane's tests and screenshots, on the
 * test date 23.11.2026 (a Monday): overdue steps (В-1, В-3), steps due today (В-2), steps of the
 * next 7 days (В-3, В-4), a removed case (В-5). Version 2 by default (`fixtureWorkbook(1)`: the
 * same register as version 1). Every name is invented.
 */
import type { IsoDate } from "../../src/core/dates/isoDate";
import { defaultSettings } from "../../src/core/register/defaults";
import type { Cell } from "../../src/core/register/model";
import { defaultRegulationRows } from "../../src/core/register/regulation";
import {
  DEFAULT_REGION,
  SETTING,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  V2_SETTINGS_PARAMS,
  V2_SHEETS,
  requiredColumns,
} from "../../src/core/register/schema";
import { MemoryWorkbook } from "./memoryWorkbook";

export const FIXTURE_TODAY: IsoDate = "2026-11-23";

const d = (iso: IsoDate): Cell => ({ date: iso });

/**
 * The workbook with every sheet and no rows except the settings and «Регламент» (what «Создать
 * книгу» gives): version 2, or version 1 — without «Регламент», «Журнал», the version-2
 * columns and parameters — as a register made before version 2.
 */
export function emptyRegisterWorkbook(
  school = "МБОУ «СОШ № 1» (учебная)",
  version: 1 | 2 = 2
): MemoryWorkbook {
  const book = new MemoryWorkbook();
  for (const key of SHEET_ORDER) {
    if (version === 1 && V2_SHEETS.includes(key)) {
      continue;
    }
    book.addSheet(SHEET[key], version === 1 ? requiredColumns(key) : SHEET_COLUMNS[key]);
  }
  // A version-1 register has none of version 2's parameters (defaultSettings lists them all).
  const settings = defaultSettings({ school, district: "Учебный район", startYear: 2026 }).filter(
    ([p]) => version === 2 || !V2_SETTINGS_PARAMS.includes(p)
  );
  for (const [p, v] of settings) {
    book.append(SHEET.settings, { Параметр: p, Значение: v });
  }
  if (version === 2) {
    const listed = new Set(settings.map(([p]) => p));
    for (const p of V2_SETTINGS_PARAMS.filter((x) => !listed.has(x))) {
      const value = p === SETTING.version ? 2 : p === SETTING.region ? DEFAULT_REGION : null;
      book.append(SHEET.settings, { Параметр: p, Значение: value });
    }
    for (const row of defaultRegulationRows()) {
      book.append(SHEET.regulation, row);
    }
  }
  return book;
}

/** A workbook with no register sheets at all (a fresh Excel file with the user's notes). */
export function blankWorkbook(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet("Лист1", ["Заметки"]);
  return book;
}

export function fixtureWorkbook(version: 1 | 2 = 2): MemoryWorkbook {
  const book = emptyRegisterWorkbook("МБОУ «СОШ № 3 с. Учебное»", version);
  const fam = (
    code: string,
    status: string,
    mother: string,
    father: string,
    address: string
  ): void => {
    book.append(SHEET.families, {
      "Код семьи": code,
      "Социальный статус": status,
      Мать: mother,
      Отец: father,
      "Адрес проживания": address,
      Телефон: "+7 900 000-00-00",
    });
  };
  fam(
    "С-01",
    "многодетная, малообеспеченная",
    "Монгуш Айлана Кара-ооловна",
    "Монгуш Орлан Сергеевич",
    "с. Учебное, ул. Школьная, 1"
  );
  fam("С-02", "одинокая мать", "Петрова Ольга Викторовна", "", "с. Учебное, ул. Садовая, 12");
  fam(
    "С-03",
    "полная",
    "Кузнецова Ирина Павловна",
    "Кузнецов Иван Петрович",
    "с. Учебное, ул. Лесная, 7"
  );

  const episode = (v: Record<string, Cell>): void => {
    book.append(SHEET.cases, v);
  };
  episode({
    Код: "В-1",
    Фамилия: "Монгуш",
    Имя: "Айдын",
    Отчество: "Орланович",
    "Дата рождения": d("2014-05-12"),
    Класс: "6А",
    "Код семьи": "С-01",
    "Дата выявления": d("2026-10-01"),
    Источник: "классный руководитель",
    Показатели: "Р2, Р3",
    Уровень: 1,
    "Дата постановки": d("2026-10-08"),
    Протокол: "3",
    Куратор: "Иванова Н. П.",
  });
  episode({
    Код: "В-2",
    Фамилия: "Петрова",
    Имя: "Анна",
    Отчество: "Сергеевна",
    "Дата рождения": d("2012-02-20"),
    Класс: "8Б",
    "Код семьи": "С-02",
    "Дата выявления": d("2026-11-02"),
    Источник: "социальный педагог",
    Показатели: "Р7, Р11",
    Уровень: 1,
    "Дата постановки": d("2026-11-16"),
    Протокол: "5",
    Куратор: "Сидорова Е. А.",
  });
  episode({
    Код: "В-3",
    Фамилия: "Ондар",
    Имя: "Саян",
    Отчество: "Артурович",
    "Дата рождения": d("2015-09-03"),
    Класс: "5А",
    "Дата выявления": d("2026-11-12"),
    Источник: "здравоохранение",
    Показатели: "Р4, Р6",
  });
  episode({
    Код: "В-4",
    Фамилия: "Кузнецова",
    Имя: "Мария",
    Отчество: "Ивановна",
    "Дата рождения": d("2013-07-14"),
    Класс: "7В",
    "Код семьи": "С-03",
    "Дата выявления": d("2026-11-10"),
    Источник: "ПДН ОВД",
    Показатели: "С5, С14",
    Уровень: 2,
    "Дата постановки": d("2026-11-18"),
    Протокол: "КДН-12",
    Куратор: "Иванова Н. П.",
  });
  episode({
    Код: "В-5",
    Фамилия: "Смирнов",
    Имя: "Илья",
    Отчество: "Андреевич",
    "Дата рождения": d("2011-01-30"),
    Класс: "9А",
    "Дата выявления": d("2026-09-05"),
    Источник: "классный руководитель",
    Показатели: "Р8",
    Уровень: 1,
    "Дата постановки": d("2026-09-12"),
    Протокол: "1",
    "Дата снятия": d("2026-11-02"),
    "Основание снятия": "положительная динамика",
  });

  const step = (code: string, title: string, due: IsoDate | null, done: IsoDate | null): void => {
    book.append(SHEET.actions, {
      Код: code,
      Шаг: title,
      Мероприятие: title,
      Срок: due === null ? null : d(due),
      Выполнено: done === null ? null : d(done),
    });
  };
  // В-3 (identified 12.11, not registered) was not reported yet: «информирование» is overdue.
  step("В-1", "информирование", "2026-10-01", "2026-10-01");
  step("В-2", "информирование", "2026-11-02", "2026-11-02");
  step("В-4", "информирование", "2026-11-10", "2026-11-10");
  step("В-1", "приказ", "2026-10-15", "2026-10-08");
  step("В-1", "заседание", "2026-10-15", "2026-10-14");
  step("В-1", "выход в семью", "2026-10-15", "2026-10-15");
  step("В-1", "обследование", "2026-10-15", null);
  step("В-1", "характеристика", "2026-10-15", "2026-10-15");
  step("В-1", "наблюдение", null, "2026-11-05");
  step("В-1", "успешность", null, "2026-11-09");
  step("В-1", "пересмотр ИПС", null, "2026-10-26");
  step("В-2", "приказ", "2026-11-16", "2026-11-16");
  step("В-2", "заседание", "2026-11-23", null);
  step("В-2", "выход в семью", "2026-11-23", null);
  step("В-2", "обследование", "2026-11-23", null);
  step("В-2", "характеристика", "2026-11-23", null);
  step("В-4", "приказ", "2026-11-24", "2026-11-18");

  book.append(SHEET.assistance, {
    Код: "В-1",
    Дата: d("2026-10-20"),
    "Вид помощи": "вещевая",
    Содержание: "школьная форма",
  });
  book.append(SHEET.service, {
    Дата: d("2026-11-10"),
    "Вид работы": "индивидуальная консультация",
    Количество: 2,
    Охвачено: 2,
  });
  return book;
}
