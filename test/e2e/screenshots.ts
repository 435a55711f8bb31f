/**
 * Screenshots of the task pane 350 px wide, one per tab (and the removal, the upgrade offer), for docs/ (README, docs/user-guide.md):
 * `node --import tsx test/e2e/screenshots.ts`. The pane runs on the Office.js adapter over the
 * fake Excel with the e2e fixture register, on the fixture date 23.11.2026.
 * `node --import tsx test/e2e/screenshots.ts 14-documents` renews only the shots whose names
 * start with the arguments.
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import type { Browser, Page } from "playwright-core";
import { reportMail } from "../../src/core/report/mailText";
import { buildReportXlsxBytes } from "../../src/excel/reportWorkbook";
import { aSchoolReport } from "../support/schoolReports";
import { buildHost, launch, openPane, removeDir, serve } from "./harness";

const OUT = resolve(__dirname, "../../docs/screenshots");

const ONLY = process.argv.slice(2);

async function shot(page: Page, name: string): Promise<void> {
  if (ONLY.length > 0 && !ONLY.some((prefix) => name.startsWith(prefix))) {
    return;
  }
  await page.waitForTimeout(150); // let focus rings and transitions settle
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** «Отправка в министерство» on 02.12.2026, and «Свод района» with one bad file. */
async function sendingShots(browser: Browser, base: string): Promise<void> {
  const { page } = await openPane(browser, base, "?today=2026-12-02", 1100);
  await page.getByRole("tab", { name: "Отчёт" }).click();
  await page.getByRole("tab", { name: "Отправка" }).click();
  await page.getByTestId("send-checked").waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "11-send");
  await page.getByRole("button", { name: "Копировать: Тема" }).click();
  await page.evaluate(() =>
    document.querySelector('[data-testid="send-actions"]')?.scrollIntoView({ block: "start" })
  );
  await shot(page, "11-send-letter");
  await page.getByRole("tab", { name: "Свод района" }).click();
  const files = await Promise.all(
    [1, 2, 3].map(async (n) => ({
      name: reportMail(aSchoolReport(n)).attachmentName,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await buildReportXlsxBytes(aSchoolReport(n), "2026-12-01")),
    }))
  );
  await page.getByTestId("report-files").setInputFiles([
    ...files,
    {
      name: "список класса.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("Фамилия;Имя\n"),
    },
  ]);
  await page.getByRole("textbox", { name: "Район" }).fill("Барун-Хемчикский кожуун");
  await page.getByRole("button", { name: "Построить сводный отчёт" }).click();
  await page.getByTestId("consolidate-problems").waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "12-district-bad-file");
  await page.getByTestId("report-files").setInputFiles(files);
  await page.getByRole("button", { name: "Построить сводный отчёт" }).click();
  await page.getByTestId("district-figures").waitFor();
  await page.evaluate(() =>
    document.querySelector('[data-testid="action-message"]')?.scrollIntoView({ block: "start" })
  );
  await shot(page, "13-district");
  await page.close();
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const dir = await buildHost();
  const { server, base } = await serve(dir);
  const browser = await launch();
  try {
    if (process.argv.includes("--sending")) {
      await sendingShots(browser, base);
      return;
    }
    const { page } = await openPane(browser, base, "", 900);
    // «Случай»: a new case being entered.
    await page.getByLabel("Фамилия").fill("Алексеев");
    await page.getByLabel("Имя").fill("Тимур");
    await page.getByLabel("Отчество").fill("Олегович");
    await page.getByLabel("Дата рождения").fill("14.03.2013");
    await page.getByLabel("Класс").fill("7А");
    await page.getByRole("radio", { name: "Выбрать из листа «Семьи»" }).click();
    await page.getByLabel("Код семьи").selectOption("С-02");
    await page.getByLabel("Дата выявления").fill("10.11.2026");
    await page.getByLabel("Источник").selectOption("ПДН ОВД");
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "01-case-child");
    await page.getByRole("checkbox", { name: /^Р7\./ }).check();
    await page.getByRole("checkbox", { name: /^С8\./ }).check();
    await page.getByLabel("Уровень учёта").selectOption("1");
    await page.getByLabel("Дата постановки (решения)").fill("17.11.2026");
    await page.getByLabel("Протокол Совета профилактики №").fill("7");
    await page.getByTestId("level-mismatch").waitFor();
    await page.evaluate(() =>
      document.querySelector('[data-testid="suggestion"]')?.scrollIntoView({ block: "start" })
    );
    await page.evaluate(() => window.scrollBy(0, -12));
    await shot(page, "02-case-decision");
    await page.getByRole("tab", { name: "Сроки" }).click();
    await page.locator('section[data-section="overdue"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "03-deadlines");
    await page.getByRole("tab", { name: "Записи" }).click();
    await page.getByRole("button", { name: "Записать помощь" }).waitFor();
    await page.getByLabel("Случай").selectOption("В-2");
    await page.getByLabel("Вид помощи").selectOption({ label: "вещевая" });
    await page.getByLabel("Содержание").fill("зимняя одежда");
    await shot(page, "04-entries");
    // Removal of a level-2 child: the commission's постановление, which the school records.
    await page.getByRole("radio", { name: "Снятие с учёта" }).click();
    await page.getByLabel("Случай").selectOption("В-4");
    await page.getByTestId("removal-body").waitFor();
    await page.getByLabel("Уточнение (например, куда выбыл)").fill("ИПС выполнен");
    await page.getByLabel("Постановление КДН и ЗП №").fill("КДН-51");
    await page.evaluate(() =>
      document.querySelector('[data-testid="removal-body"]')?.scrollIntoView({ block: "center" })
    );
    await shot(page, "09-removal");
    await page.getByRole("tab", { name: "Отчёт" }).click();
    await page.getByRole("button", { name: "Сформировать на листе" }).click();
    await page.getByTestId("report-summary").waitFor();
    await shot(page, "05-report");
    // «Документы»: form 4 asked for a level-1 case — the warning to confirm.
    await page.getByRole("tab", { name: "Документы" }).click();
    const docs = page.locator("#panel-documents");
    await docs.getByLabel("Случай").selectOption("В-1");
    await docs.getByLabel("Документ").selectOption({ label: "Представление КДН (ребёнок)" });
    await docs.getByRole("button", { name: "Сформировать на листе" }).click();
    await page.getByTestId("document-warning").waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "14-documents");
    // «Импорт»: a class list with one impossible date — the preview and the error, nothing written.
    await page.getByRole("tab", { name: "Импорт" }).click();
    await page.getByTestId("import-file").setInputFiles({
      name: "7А.csv",
      mimeType: "text/csv",
      buffer: iconv.encode(
        "Код;Фамилия;Имя;Отчество;Дата рождения;Класс\r\n" +
          "В-10;Ооржак;Саян;Алексеевич;01.02.2013;7А\r\n" +
          "В-11;Сат;Аяна;Олеговна;31.02.2013;7А\r\n" +
          "В-12;Монгуш;Чечек;Айдысовна;15.09.2012;7А\r\n",
        "win1251"
      ),
    });
    await page.getByTestId("import-errors").waitFor();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "15-import");
    await page.getByRole("tab", { name: "Настройки" }).click();
    await page.getByRole("button", { name: "Сохранить настройки" }).waitFor();
    await shot(page, "06-settings");
    await page.close();

    const blank = await openPane(browser, base, "?book=blank", 700);
    await shot(blank.page, "07-create-register");
    await blank.page.close();
    const old = await openPane(browser, base, "?api=7", 700);
    await shot(old.page, "08-limits");
    await old.page.close();
    const v1 = await openPane(browser, base, "?book=v1", 700);
    await v1.page.getByTestId("upgrade").waitFor();
    await shot(v1.page, "10-upgrade");
    await v1.page.close();
    await sendingShots(browser, base);
  } finally {
    await browser.close();
    server.close();
    await removeDir(dir);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
