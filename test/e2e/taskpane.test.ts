/**
 * The task pane in real headless Chromium against an in-memory register (test/e2e/memoryGateway):
 * a person enters a case with the keyboard and the mouse and its rows land in the workbook; an
 * impossible date is refused; a step is marked done in «Сроки»; a selected row of «Учёт» opens;
 * quick entries, the report, the settings and the offer to create the register.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import iconv from "iconv-lite";
import { hostForSuite, openPane, type Pane } from "./harness";

type Row = Record<string, string | number | boolean | null>;

const host = hostForSuite();

async function pane(query = ""): Promise<Pane> {
  return openPane(host.browser, host.base, query);
}

function rows(page: Page, sheet: string): Promise<Row[]> {
  return page.evaluate((name) => window.__vshu?.rowsOf(name) ?? [], sheet);
}

function calls(page: Page, method: string): Promise<number> {
  return page.evaluate((m) => window.__vshu?.calls(m) ?? -1, method);
}

/** Syncs of the last call of a gateway method (-1 on the memory gateway, which has none). */
function lastSyncs(page: Page, method: string): Promise<number> {
  return page.evaluate((m) => window.__vshu?.lastSyncs(m) ?? -1, method);
}

const TAB_IDS: Record<string, string> = {
  Случай: "case",
  Сроки: "deadlines",
  Записи: "entries",
  Отчёт: "report",
  Документы: "documents",
  Импорт: "import",
  Настройки: "settings",
};

/** Opens a tab and returns its panel once its content (lazy tabs included) is there. */
async function openTab(page: Page, name: string): Promise<Locator> {
  await page.getByRole("tab", { name }).click();
  const panel = page.locator(`#panel-${TAB_IDS[name] ?? ""}`);
  await panel.locator("button, input, select").first().waitFor();
  return panel;
}

async function closePane(p: Pane): Promise<void> {
  assert.deepEqual(p.errors, [], "the page threw");
  await p.page.close();
}

describe("«Случай»", () => {
  test("a new case typed with the keyboard and mouse lands in «Учёт», «Семьи», «Мероприятия» in one save", async () => {
    const p = await pane();
    const { page } = p;
    // The child, by keyboard: Tab goes Фамилия → Имя → Отчество → Дата рождения → Класс.
    await page.getByLabel("Фамилия").focus();
    await page.keyboard.type("Алексеев");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Тимур");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Олегович");
    await page.keyboard.press("Tab");
    await page.keyboard.type("14.03.2013");
    await page.keyboard.press("Tab");
    await page.keyboard.type("7А");
    // A new family, by mouse.
    await page.getByRole("radio", { name: "Новая семья" }).click();
    assert.equal(await page.getByLabel("Код семьи").inputValue(), "С-04");
    await page.getByLabel("Мать (ФИО)").fill("Алексеева Марина Юрьевна");
    await page.getByLabel("Дата выявления").fill("10.11.2026");
    await page.getByLabel("Источник").selectOption("ПДН ОВД");
    // The deadline of the order shows as the date is typed (10.11 + 14 days = 24.11.2026, вт).
    await page.getByTestId("deadline-preview").getByText("до 24.11.2026 (вт)").waitFor();
    // Indicators: the suggestion follows them live.
    // By keyboard: the indicator checkboxes are reachable with focus and toggle with Space.
    await page.getByRole("checkbox", { name: /^Р2\./ }).focus();
    await page.keyboard.press("Space");
    assert.equal(await page.getByRole("checkbox", { name: /^Р2\./ }).isChecked(), true);
    await page.getByTestId("suggestion").getByText("уровень 1").waitFor();
    await page.getByRole("checkbox", { name: /^С14\./ }).check();
    await page.getByTestId("suggestion").getByText("уровень 2 — СОП").waitFor();
    assert.match(
      (await page
        .getByRole("checkbox", { name: /^С14\./ })
        .locator("xpath=ancestor::*[@title][1]")
        .getAttribute("title")) ?? "",
      /жестокое обращение с детьми/
    );
    // The council decided level 1 against the suggestion: a reason is required.
    await page.getByLabel("Уровень учёта").selectOption("1");
    await page.getByTestId("level-mismatch").waitFor();
    await page.getByLabel("Дата постановки (решения)").fill("17.11.2026");
    await page.getByLabel("Протокол Совета профилактики №").fill("7");
    await page.getByRole("button", { name: "Сохранить случай" }).click();
    await page.getByText("напишите причину решения").waitFor();
    assert.equal(await calls(page, "saveCase"), 0);
    await page.getByLabel("Причина решения").fill("жестокое обращение не подтвердилось");
    // Registration brings the 7-day steps into the preview (17.11 + 7 = 24.11).
    await page
      .getByTestId("deadline-preview")
      .locator('[data-step="visit"]')
      .getByText("до 24.11.2026")
      .waitFor();
    // Save with Enter in a field (the form's submit).
    await page.getByLabel("Протокол Совета профилактики №").press("Enter");
    await page.getByText("Случай В-6 сохранён").waitFor();

    assert.equal(await calls(page, "saveCase"), 1);
    if (await page.evaluate(() => window.__vshu?.kind === "excel")) {
      assert.equal(await lastSyncs(page, "saveCase"), 1, "saving a case takes one context.sync");
    }
    const cases = await rows(page, "Учёт");
    const saved = cases.find((r) => r["Код"] === "В-6");
    assert.ok(saved, "no row В-6 in «Учёт»");
    assert.equal(saved["Фамилия"], "Алексеев");
    assert.equal(saved["Имя"], "Тимур");
    assert.equal(saved["Отчество"], "Олегович");
    assert.equal(saved["Дата рождения"], "2013-03-14");
    assert.equal(saved["Класс"], "7А");
    assert.equal(saved["Код семьи"], "С-04");
    assert.equal(saved["Дата выявления"], "2026-11-10");
    assert.equal(saved["Источник"], "ПДН ОВД");
    assert.equal(saved["Показатели"], "Р2, С14");
    assert.equal(String(saved["Уровень"]), "1");
    assert.equal(saved["Дата постановки"], "2026-11-17");
    assert.equal(saved["Протокол"], "7");
    assert.match(
      String(saved["Примечание"]),
      /Причина решения об уровне: жестокое обращение не подтвердилось/
    );
    const family = (await rows(page, "Семьи")).find((r) => r["Код семьи"] === "С-04");
    assert.equal(family?.["Мать"], "Алексеева Марина Юрьевна");
    const steps = (await rows(page, "Мероприятия")).filter((r) => r["Код"] === "В-6");
    const due = new Map(steps.map((r) => [r["Шаг"], r["Срок"]]));
    // Order: identification + 14 days; the 7-day steps: registration + 7 days.
    for (const step of ["приказ", "заседание", "выход в семью", "обследование", "характеристика"]) {
      assert.equal(due.get(step), "2026-11-24", `«${step}» of В-6`);
    }
    // The form now edits В-6: saving again changes the row, it does not add one.
    await page.getByLabel("Класс").fill("7Б");
    await page.getByRole("button", { name: "Сохранить изменения (В-6)" }).click();
    await page.getByText("Случай В-6 сохранён").waitFor();
    const after = await rows(page, "Учёт");
    assert.equal(after.length, cases.length);
    assert.equal(after.find((r) => r["Код"] === "В-6")?.["Класс"], "7Б");
    await closePane(p);
  });

  test("an impossible date is refused in the form with a Russian message", async () => {
    const p = await pane();
    const { page } = p;
    await page.getByLabel("Фамилия").fill("Проверкин");
    await page.getByLabel("Имя").fill("Пётр");
    await page.getByLabel("Дата рождения").fill("31.02.2026");
    await page.getByLabel("Дата рождения").press("Tab");
    await page.getByText("Такой даты нет в календаре: 31.02.2026").waitFor();
    assert.equal(await page.getByLabel("Дата рождения").getAttribute("aria-invalid"), "true");
    await page.getByLabel("Дата выявления").fill("2026-13-01");
    await page.getByRole("button", { name: "Сохранить случай" }).click();
    await page.getByText("Случай не сохранён: исправьте отмеченные поля (2).").waitFor();
    await page.getByText("Такой даты нет в календаре: 2026-13-01").waitFor();
    assert.equal(await calls(page, "saveCase"), 0);
    await closePane(p);
  });

  test("selecting a row of «Учёт» opens that case", async () => {
    const p = await pane();
    const { page } = p;
    await page.getByRole("tab", { name: "Сроки" }).click();
    await page.evaluate(() => window.__vshu?.selectCase("В-4"));
    await page.getByRole("tab", { name: "Случай", selected: true }).waitFor();
    assert.equal(await page.getByLabel("Фамилия").inputValue(), "Кузнецова");
    assert.equal(await page.getByLabel("Уровень учёта").inputValue(), "2");
    assert.equal(await page.getByRole("checkbox", { name: /^С14\./ }).isChecked(), true);
    await closePane(p);
  });
});

describe("«Сроки»", () => {
  test("overdue, today and next 7 days with the child, class and curator; a click goes to the row; «Выполнено» writes today's date", async () => {
    const p = await pane();
    const { page } = p;
    // Keyboard: the tab list is reached and switched with the arrow keys.
    await page.getByRole("tab", { name: "Случай" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Сроки", selected: true }).waitFor();
    // The cases' rows (the school's own rows have keys «школа:…»).
    const section = (id: string) =>
      page.locator(`section[data-section="${id}"] li:not([data-key^="школа"])`);
    assert.equal(await section("overdue").count(), 3);
    assert.equal(await section("today").count(), 4);
    assert.equal(await section("nextWeek").count(), 6);
    const item = page.locator('li[data-key="В-2:inspection"]');
    assert.match(await item.innerText(), /В-2 · Петрова Анна Сергеевна/);
    assert.match(await item.innerText(), /8Б класс · куратор Сидорова Е\. А\./);
    assert.match(await item.innerText(), /до 23\.11\.2026/);
    // No curator: the person «Регламент» names for the step.
    assert.match(
      await page.locator('li[data-key="В-3:inform"]').innerText(),
      /5А класс · отвечает: социальный педагог/
    );
    // Done steps only when asked.
    assert.equal(await page.locator('section[data-section="done"]').count(), 0);
    await page.getByRole("switch", { name: /Показать выполненные \(9\)/ }).check();
    await page.locator('section[data-section="done"] li').first().waitFor();
    assert.equal(await page.locator('section[data-section="done"] li').count(), 9);
    assert.match(
      await page.locator('section[data-section="done"] li').first().innerText(),
      /В-4 · Кузнецова Мария Ивановна[\s\S]*выполнено 18\.11\.2026/
    );
    await page.getByRole("switch", { name: /Показать выполненные/ }).uncheck();

    await page
      .locator('li[data-key="В-1:inspection"]')
      .getByRole("button", { name: /^В-1 · Монгуш/ })
      .click();
    await page.getByText("Выделена строка случая В-1.").waitFor();
    assert.match(
      (await page.evaluate(() => window.__vshu?.selection())) ?? "",
      /^(Учёт|Мероприятия)!/
    );

    await item
      .getByRole("button", {
        name: "Выполнено: В-2, обследование жилищно-бытовых условий (акт обследования)",
      })
      .click();
    await page.getByText("выполнено 23.11.2026").waitFor();
    await item.waitFor({ state: "detached" });
    assert.equal(await section("today").count(), 3);
    const inspection = (await rows(page, "Мероприятия")).filter(
      (r) => r["Код"] === "В-2" && r["Шаг"] === "обследование"
    );
    assert.equal(inspection.length, 1);
    assert.equal(inspection[0]?.["Выполнено"], "2026-11-23");
    await closePane(p);
  });
});

describe("«Записи», «Отчёт», «Настройки»", () => {
  test("quick entries: assistance, service log, transfer by the постановление, removal by the decision", async () => {
    const p = await pane();
    const page = await openTab(p.page, "Записи");
    await page.getByLabel("Случай").selectOption("В-2");
    await page.getByLabel("Вид помощи").selectOption({ label: "финансовая" });
    await page.getByLabel("Содержание").fill("материальная помощь к зиме");
    await page.getByRole("button", { name: "Записать помощь" }).click();
    await page.getByText("Помощь записана: случай В-2, 23.11.2026.").waitFor();
    const help = (await rows(p.page, "Помощь")).at(-1);
    assert.deepEqual(help, {
      Код: "В-2",
      Дата: "2026-11-23",
      "Вид помощи": "финансовая",
      Содержание: "материальная помощь к зиме",
    });

    await page.getByRole("radio", { name: "Журнал службы" }).click();
    await page.getByLabel("Охвачено (человек)").fill("12");
    await page.getByLabel("Вид работы").selectOption({ label: "тренинг" });
    await page.getByRole("button", { name: "Записать в журнал" }).click();
    await page.getByText("Запись журнала службы сохранена").waitFor();
    assert.deepEqual((await rows(p.page, "Служба")).at(-1), {
      Дата: "2026-11-23",
      "Вид работы": "тренинг",
      Количество: 1,
      Охвачено: 12,
      Примечание: null,
    });

    await page.getByRole("radio", { name: "Перевод с уровня 1 на уровень 2 (СОП)" }).click();
    await page.getByLabel("Случай").selectOption("В-1");
    assert.equal(await page.getByLabel(/Протокол/).count(), 0, "a transfer asks for no protocol");
    await page.getByRole("button", { name: "Перевести на уровень 2" }).click();
    await page.getByText("Укажите номер постановления КДН и ЗП").waitFor();
    assert.equal(await calls(p.page, "transferToLevel2"), 0);
    await page.getByLabel("Постановление КДН и ЗП №").fill("КДН-15");
    await page.getByRole("button", { name: "Перевести на уровень 2" }).click();
    await page.getByText("открыт случай В-6 уровня 2").waitFor();
    const cases = await rows(p.page, "Учёт");
    const ended = cases.find((r) => r["Код"] === "В-1");
    assert.equal(ended?.["Основание снятия"], "переведён в СОП");
    assert.equal(ended?.["Протокол снятия"], "КДН-15");
    assert.equal(String(cases.find((r) => r["Код"] === "В-6")?.["Уровень"]), "2");
    assert.equal(cases.find((r) => r["Код"] === "В-6")?.["Протокол"], "КДН-15");

    // Level 2: the school records the commission's постановление; without it, nothing is written.
    await page.getByRole("radio", { name: "Снятие с учёта" }).click();
    await page.getByLabel("Случай").selectOption("В-4");
    await page
      .getByTestId("removal-body")
      .getByText(/школа сама снять ребёнка не может/)
      .waitFor();
    await page.getByRole("button", { name: "Записать снятие по постановлению" }).click();
    await page.getByText("Укажите номер постановления КДН и ЗП").waitFor();
    assert.equal(await calls(p.page, "removeCase"), 0);

    // Not registered (В-3): closed by the council's protocol.
    await page.getByLabel("Случай").selectOption("В-3");
    await page
      .getByTestId("removal-body")
      .getByText(/не поставлен на учёт/)
      .waitFor();
    await page.getByLabel("Дата протокола Совета профилактики").fill("30.02.2026");
    await page.getByLabel("Протокол Совета профилактики №").fill("9");
    await page.getByRole("button", { name: "Снять с учёта" }).click();
    await page.getByText("Такой даты нет в календаре: 30.02.2026").waitFor();
    assert.equal(await calls(p.page, "removeCase"), 0);
    await page.getByLabel("Дата протокола Совета профилактики").fill("23.11.2026");
    await page.getByLabel("Основание снятия").selectOption("выбыл из школы");
    await page.getByLabel("Уточнение (например, куда выбыл)").fill("переезд в г. Кызыл");
    await page.getByRole("button", { name: "Снять с учёта" }).click();
    await page.getByText("Случай В-3 снят с учёта 23.11.2026").waitFor();
    const removed = (await rows(p.page, "Учёт")).find((r) => r["Код"] === "В-3");
    assert.equal(removed?.["Дата снятия"], "2026-11-23");
    assert.equal(removed?.["Основание снятия"], "выбыл из школы: переезд в г. Кызыл");
    assert.equal(removed?.["Протокол снятия"], "9");
    if (await page.evaluate(() => window.__vshu?.kind === "excel")) {
      assert.equal(await lastSyncs(p.page, "removeCase"), 1, "a removal takes one context.sync");
      const journal = await rows(p.page, "Журнал");
      assert.deepEqual(
        journal.map((r) => r["Действие"]),
        [
          "помощь семье",
          "журнал службы",
          "перевод на уровень 2 (СОП): случай уровня 1 закрыт",
          "перевод на уровень 2 (СОП): новый случай",
          "регламентные шаги (постановка на учёт, уровень 2)",
          "снятие с учёта",
        ]
      );
    }
    await closePane(p);
  });

  test("the report for a month goes to a sheet and to a new workbook", async () => {
    const p = await pane();
    const { page } = p;
    const panel = await openTab(page, "Отчёт");
    await panel.getByRole("combobox", { name: "Месяц" }).selectOption("2026-11");
    await page.getByRole("button", { name: "Сформировать на листе" }).click();
    await page
      .getByText("Отчёт за 01.11.2026–30.11.2026 записан на лист «Отчёт 01.11.2026–30.11.2026».")
      .waitFor();
    await page.getByTestId("report-summary").waitFor();
    const names = await page.evaluate(() => window.__vshu?.sheetNames() ?? []);
    assert.ok(names.includes("Отчёт 01.11.2026–30.11.2026"), names.join(", "));
    const summary = await page.getByTestId("report-summary").innerText();
    assert.match(summary, /Уровень 1: состоит на учёте \(дети \/ семьи\): 2 \/ 2/);
    assert.match(summary, /Уровень 2 \(СОП\): поставлено за период: 1 \/ 1/);
    await page.getByRole("button", { name: "Открыть как новую книгу" }).click();
    await page.getByText("открыт в новой книге").waitFor();
    assert.equal(await page.evaluate(() => window.__vshu?.createdWorkbooks()), 1);
    // The ribbon's «Отчёт» button will build the same period.
    assert.deepEqual(await page.evaluate(() => window.__vshu?.ribbon?.period()), {
      from: "2026-11-01",
      to: "2026-11-30",
    });
    await closePane(p);
  });

  test("settings are read, checked and written; a bad quarter date is refused", async () => {
    const p = await pane();
    const { page } = p;
    await openTab(page, "Настройки");
    const school = page.getByLabel("Образовательная организация", { exact: true }).first();
    assert.equal(await school.inputValue(), "МБОУ «СОШ № 3 с. Учебное»");
    assert.equal(await page.getByLabel("I четверть с", { exact: true }).inputValue(), "01.09.2026");
    await page.getByLabel("II четверть по", { exact: true }).fill("31.11.2026");
    await page.getByLabel("Совет отцов").fill("2");
    await page.getByRole("button", { name: "Сохранить настройки" }).click();
    await page.getByText("Такой даты нет в календаре: 31.11.2026").waitFor();
    assert.equal(await calls(page, "writeSettings"), 0);
    await page.getByLabel("II четверть по", { exact: true }).fill("29.12.2026");
    await page.getByRole("button", { name: "Сохранить настройки" }).click();
    await page.getByText("Настройки сохранены").waitFor();
    assert.equal(await calls(page, "writeSettings"), 1);
    // Read back from the workbook: leave the tab and come back.
    await openTab(page, "Сроки");
    await openTab(page, "Настройки");
    assert.equal(
      await page.getByLabel("II четверть по", { exact: true }).inputValue(),
      "29.12.2026"
    );
    assert.equal(await page.getByLabel("Совет отцов").inputValue(), "2");
    const settings = Object.fromEntries(
      (await rows(page, "Настройки")).map((r) => [r["Параметр"], String(r["Значение"])])
    );
    assert.equal(settings["Совет отцов"], "2");
    await closePane(p);
  });
});

describe("the workbook and the host", () => {
  test("a workbook without the register's sheets offers to create them, keeping the user's sheet", async () => {
    const p = await pane("?book=blank");
    const { page } = p;
    await page.getByText("В этой книге нет листов книги учёта").waitFor();
    await page.getByLabel("Образовательная организация").fill("МБОУ «Гимназия № 2»");
    await page.getByRole("button", { name: "Создать книгу учёта" }).click();
    await page.getByRole("tablist").waitFor();
    const sheets = await page.evaluate(() => window.__vshu?.sheetNames() ?? []);
    assert.equal(sheets[0], "Лист1", "the user's sheet stays first");
    for (const name of [
      "Настройки",
      "Учёт",
      "Семьи",
      "Мероприятия",
      "Помощь",
      "Занятость",
      "Служба",
      "Соцпаспорт",
      "Сигналы",
      "Регламент",
      "Журнал",
    ]) {
      assert.ok(sheets.includes(name), `no sheet «${name}» in ${sheets.join(", ")}`);
    }
    await page.getByText("МБОУ «Гимназия № 2» · сегодня 23.11.2026").waitFor();
    await closePane(p);
  });

  test("a version-1 register: the pane offers the upgrade, does it in 2 syncs, and the offer goes", async () => {
    const p = await pane("?book=v1");
    const { page } = p;
    const bar = page.getByTestId("upgrade");
    await bar.getByText("Книга учёта версии 1").waitFor();
    assert.match(await bar.innerText(), /«Регламент».*«Журнал».*останутся на месте/s);
    await page.getByRole("button", { name: "Обновить книгу до версии 2" }).click();
    await page.getByText(/^Книга обновлена до версии 2: листы «Регламент», «Журнал»/).waitFor();
    await bar.waitFor({ state: "detached" });
    assert.equal(await lastSyncs(page, "upgradeRegister"), 2);
    const sheets = await page.evaluate(() => window.__vshu?.sheetNames() ?? []);
    assert.ok(sheets.includes("Регламент") && sheets.includes("Журнал"), sheets.join(", "));
    const settings = Object.fromEntries(
      (await rows(page, "Настройки")).map((r) => [r["Параметр"], r["Значение"]])
    );
    assert.equal(settings["Версия книги"], 2);
    assert.equal(settings["Регион"], "Республика Тыва");
    assert.equal((await rows(page, "Регламент")).length, 9);
    await closePane(p);
  });

  test("a version-1 register: the first write upgrades it first and says so", async () => {
    const p = await pane("?book=v1");
    const page = await openTab(p.page, "Записи");
    await page.getByLabel("Случай").selectOption("В-2");
    await page.getByRole("button", { name: "Записать помощь" }).click();
    await page
      .getByText(/^Книга обновлена до версии 2: .* Помощь записана: случай В-2, 23\.11\.2026\.$/)
      .waitFor();
    assert.equal(await lastSyncs(p.page, "addAssistance"), 3, "the upgrade (2) and the entry (1)");
    assert.equal(await p.page.getByTestId("upgrade").count(), 0);
    assert.deepEqual(
      (await rows(p.page, "Журнал")).map((r) => r["Действие"]),
      ["обновление книги до версии 2", "помощь семье"]
    );
    await closePane(p);
  });

  test("the host's limits show in a message bar; no «new workbook» button without ExcelApi 1.8", async () => {
    const p = await pane("?api=7");
    const { page } = p;
    await page
      .getByTestId("limits")
      .getByText(/нужен Excel 2019 или новее/)
      .first()
      .waitFor();
    const limits = await page.getByTestId("limits").innerText();
    assert.doesNotMatch(limits, /ExcelApi|SharedRuntime|requirement/i);
    await openTab(page, "Отчёт");
    assert.equal(await page.getByRole("button", { name: "Открыть как новую книгу" }).count(), 0);
    await closePane(p);
  });

  test("on ExcelApi 1.1 (Office 2016) the limits show and a case is still saved", async () => {
    const p = await pane("?api=1");
    const { page } = p;
    await page.getByTestId("limits").waitFor();
    await page.getByLabel("Фамилия").fill("Старых");
    await page.getByLabel("Имя").fill("Олег");
    await page.getByLabel("Дата выявления").fill("20.11.2026");
    await page.getByRole("checkbox", { name: /^Р5\./ }).check();
    await page.getByRole("button", { name: "Сохранить случай" }).click();
    await page.getByText("Случай В-6 сохранён").waitFor();
    const saved = (await rows(page, "Учёт")).find((r) => r["Код"] === "В-6");
    assert.equal(saved?.["Фамилия"], "Старых");
    assert.equal(saved?.["Показатели"], "Р5");
    await closePane(p);
  });

  test("the ribbon: «Обновить сроки» shows «Сроки» re-read; a command's message shows", async () => {
    const p = await pane();
    const { page } = p;
    const reads = await calls(page, "readRegister");
    await page.evaluate(() => window.__vshu?.ribbon?.refresh());
    await page.getByRole("tab", { name: "Сроки", selected: true }).waitFor();
    await page.locator('section[data-section="overdue"]').waitFor();
    assert.equal(await calls(page, "readRegister"), reads + 1);
    await page.evaluate(() => window.__vshu?.ribbon?.message("Отчёт записан на лист «Отчёт»."));
    await page.getByText("Отчёт записан на лист «Отчёт».").waitFor();
    await closePane(p);
  });

  test("«Документы»: a municipal form for a level-1 case only after confirming; one sync a sheet; the ribbon opens the tab", async () => {
    const p = await pane();
    const { page } = p;
    // The case open in «Случай» is the one «Документы» starts with.
    await page.evaluate(() => window.__vshu?.selectCase("В-1"));
    await page.getByRole("tab", { name: "Случай", selected: true }).waitFor();
    await page.evaluate(() => window.__vshu?.ribbon?.documents());
    await page.getByRole("tab", { name: "Документы", selected: true }).waitFor();
    const panel = page.locator("#panel-documents");
    await panel.getByRole("button", { name: "Сформировать на листе" }).waitFor();
    assert.equal(await panel.getByLabel("Случай").inputValue(), "В-1");
    // A school form of the level-1 case: at once.
    await panel.getByRole("button", { name: "Сформировать на листе" }).click();
    await page.getByText(/на листе «Представление ВШУ .+»\. Проверьте и распечатайте/).waitFor();
    assert.equal(await calls(page, "writeDocumentSheet"), 1);
    if (await page.evaluate(() => window.__vshu?.kind === "excel")) {
      assert.equal(await lastSyncs(page, "writeDocumentSheet"), 1, "one context.sync a document");
    }
    // Form 4 for the same level-1 case: the warning first; «Отмена» writes nothing.
    await panel.getByLabel("Документ").selectOption({ label: "Представление КДН (ребёнок)" });
    await panel.getByRole("button", { name: "Сформировать на листе" }).click();
    const warning = page.getByTestId("document-warning");
    await warning.getByText(/социально опасном положении.*решён уровень 1/).waitFor();
    await warning.getByRole("button", { name: "Отмена" }).click();
    await warning.waitFor({ state: "detached" });
    assert.equal(await calls(page, "writeDocumentSheet"), 1);
    // Confirmed: written and shown.
    await panel.getByRole("button", { name: "Сформировать на листе" }).click();
    await warning.getByRole("button", { name: "Всё равно сформировать" }).click();
    await page.getByText(/на листе «Представление КДН .+»/).waitFor();
    assert.equal(await calls(page, "writeDocumentSheet"), 2);
    const names = await page.evaluate(() => window.__vshu?.sheetNames() ?? []);
    assert.ok(
      names.some((n) => n.startsWith("Представление КДН")),
      names.join(", ")
    );
    // A plan for a quarter the removed case В-5 was not on the register: warned too.
    await panel.getByLabel("Случай").selectOption("В-5");
    await panel.getByLabel("Документ").selectOption({ label: "План сопровождения" });
    await panel.getByLabel("Четверть").selectOption("IV");
    await panel.getByRole("button", { name: "Сформировать на листе" }).click();
    await warning.getByText(/не состоял на учёте в IV четверти/).waitFor();
    assert.equal(await calls(page, "writeDocumentSheet"), 2);
    await closePane(p);
  });

  test("«Импорт»: the preview with its error row writes nothing; a clean file goes in, a duplicate only when ticked", async () => {
    const p = await pane();
    const { page } = p;
    const panel = await openTab(page, "Импорт");
    const file = page.getByTestId("import-file");
    // Windows-1251 with «;», as Russian Excel saves «CSV»; row 3 has an impossible date.
    const bad = iconv.encode(
      "Код;Фамилия;Имя;Дата рождения;Класс\r\nВ-10;Ооржак;Саян;01.02.2013;5Б\r\nВ-11;Сат;Аяна;31.02.2012;6А\r\n",
      "win1251"
    );
    await file.setInputFiles({ name: "класс.csv", mimeType: "text/csv", buffer: bad });
    const preview = page.getByTestId("import-preview");
    await preview
      .getByText(/«класс\.csv»: кодировка Windows-1251, разделитель «;», строк с данными: 2/)
      .waitFor();
    await preview.getByRole("cell", { name: "Ооржак" }).waitFor();
    const errors = page.getByTestId("import-errors");
    await errors.getByText("Ошибки в файле: 1.").waitFor();
    await errors.getByText(/Ничего не будет записано/).waitFor();
    await errors
      .getByText(/^строка 3, столбец «Дата рождения», значение «31\.02\.2012»: /)
      .waitFor();
    assert.equal(await panel.getByRole("button", { name: "Импортировать" }).isDisabled(), true);
    assert.equal(await calls(page, "importRows"), 0);
    // A clean file in UTF-8 with «,»: one new child and one already on the register (В-1).
    const good = Buffer.from(
      "Код,Фамилия,Имя,Дата рождения,Класс\nВ-12,Ооржак,Саян,2013-02-01,5Б\nВ-13,Монгуш,Айдын,12.05.2014,6А\n",
      "utf8"
    );
    await file.setInputFiles({ name: "список.csv", mimeType: "text/csv", buffer: good });
    await page
      .getByTestId("import-duplicates")
      .getByText(/Уже в книге учёта: 1/)
      .waitFor();
    await panel.getByText("1 строка на лист «Учёт»").waitFor();
    await panel.getByRole("button", { name: "Импортировать" }).click();
    await page
      .getByText(
        /На лист «Учёт» добавлено: 1 строка из файла «список\.csv» \(строка \d+\)\. Не добавлены уже учтённые дети: 1/
      )
      .waitFor();
    assert.equal(await calls(page, "importRows"), 1);
    if (await page.evaluate(() => window.__vshu?.kind === "excel")) {
      assert.equal(await lastSyncs(page, "importRows"), 1, "one sync for ≤ 2 000 rows");
    }
    const cases = await rows(page, "Учёт");
    assert.equal(cases.find((r) => r["Код"] === "В-12")?.["Дата рождения"], "2013-02-01");
    assert.equal(cases.filter((r) => r["Фамилия"] === "Монгуш" && r["Имя"] === "Айдын").length, 1);
    assert.ok(
      (await rows(page, "Журнал")).some((r) => r["Действие"] === "импорт из файла CSV: 1 строка")
    );
    // The duplicate, ticked: added too.
    const again = Buffer.from(
      "Код,Фамилия,Имя,Дата рождения\nВ-14,Монгуш,Айдын,12.05.2014\n",
      "utf8"
    );
    await file.setInputFiles({ name: "ещё.csv", mimeType: "text/csv", buffer: again });
    await page.getByTestId("import-duplicates").waitFor();
    await panel.getByRole("checkbox", { name: "Всё равно добавить и их" }).check();
    await panel.getByRole("button", { name: "Импортировать" }).click();
    await page.getByText(/На лист «Учёт» добавлено: 1 строка из файла «ещё\.csv»/).waitFor();
    assert.ok((await rows(page, "Учёт")).some((r) => r["Код"] === "В-14"));
    await closePane(p);
  });

  test("the pane also runs on the in-memory gateway (pane-only development)", async () => {
    const p = await pane("?gateway=memory");
    const { page } = p;
    await page.getByLabel("Фамилия").fill("Память");
    await page.getByLabel("Имя").fill("Вера");
    await page.getByLabel("Дата выявления").fill("21.11.2026");
    await page.getByRole("button", { name: "Сохранить случай" }).click();
    await page.getByText("Случай В-6 сохранён").waitFor();
    assert.equal((await rows(page, "Учёт")).find((r) => r["Код"] === "В-6")?.["Имя"], "Вера");
    await closePane(p);
  });

  test("usable at 320 px: nothing scrolls sideways on any tab", async () => {
    const p = await pane();
    const { page } = p;
    await page.setViewportSize({ width: 320, height: 800 });
    for (const tab of ["Случай", "Сроки", "Записи", "Отчёт", "Документы", "Импорт", "Настройки"]) {
      await openTab(page, tab);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      assert.equal(overflow, 0, `«${tab}» scrolls sideways at 320 px by ${overflow} px`);
    }
    await closePane(p);
  });
});
