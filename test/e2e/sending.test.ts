/**
 * «Отправка в министерство» and «Свод района» in real headless Chromium, on the Office.js
 * adapter over the fake Excel: the report due is checked and shown with its figures, opened as
 * a new workbook (or saved as a file on an Excel without ExcelApi 1.8), the letter's texts are
 * copied; the coordinator picks schools' report files, a bad one is named and nothing is
 * written, then the good ones give the district sheet.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { reportMail } from "../../src/core/report/mailText";
import { buildReportXlsxBytes } from "../../src/excel/reportWorkbook";
import { aSchoolReport } from "../support/schoolReports";
import { hostForSuite, openPane, type Pane } from "./harness";

const host = hostForSuite();

/** The pane on 02.12.2026: the report due is November's, by 05.12.2026. */
async function pane(query = ""): Promise<Pane> {
  return openPane(host.browser, host.base, `?today=2026-12-02${query}`);
}

async function openView(page: Page, view: string): Promise<void> {
  await page.getByRole("tab", { name: "Отчёт" }).click();
  await page.getByRole("tab", { name: view }).click();
}

async function closePane(p: Pane): Promise<void> {
  assert.deepEqual(p.errors, [], "the page threw");
  await p.page.close();
}

/** How far the page scrolls sideways at 320 px (0: usable in the narrowest pane). */
async function overflowAt320(page: Page): Promise<number> {
  await page.setViewportSize({ width: 320, height: 800 });
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
}

const sheetNames = (page: Page) => page.evaluate(() => window.__vshu?.sheetNames() ?? []);

describe("«Отправка в министерство»", () => {
  test("the report due, checked, its figures, a new workbook, the letter copied", async () => {
    const p = await pane();
    const { page } = p;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openView(page, "Отправка");
    await page.getByTestId("send-checked").waitFor();
    assert.equal(
      await page.getByTestId("send-headline").innerText(),
      "Отчёт за ноябрь 2026 г.: срок сдачи — 05.12.2026"
    );
    const figures = await page.getByTestId("report-figures").innerText();
    assert.match(figures, /II\. Учёт \(дети \/ семьи\)/);
    assert.match(figures, /Уровень 1: состоит на учёте\s+2 \/ 2/);
    assert.match(figures, /VII\. Координатор/);
    assert.equal(
      await page.getByRole("textbox", { name: "Кому" }).inputValue(),
      "yospitanie17@yandex.ru"
    );
    const subject = await page.getByRole("textbox", { name: "Тема" }).inputValue();
    assert.match(subject, /^Отчёт ВШУ за ноябрь 2026 г\.: .+, Учебный район$/);
    const fileName = await page.getByRole("textbox", { name: "Имя файла вложения" }).inputValue();
    assert.match(fileName, /^Отчёт ВШУ .+ ноябрь 2026\.xlsx$/);
    assert.match(
      await page.getByRole("textbox", { name: "Текст письма" }).inputValue(),
      /только количественные/
    );
    await page.getByRole("button", { name: "Копировать: Тема" }).click();
    await page.getByText("Скопировано").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), subject);
    assert.match(await page.getByTestId("send-note").innerText(), /vshu monthly .+ --send/);
    await page.getByRole("button", { name: "Открыть отчёт новой книгой" }).click();
    await page.getByText("Отчёт открыт новой книгой.").waitFor();
    assert.equal(await page.evaluate(() => window.__vshu?.createdWorkbooks()), 1);
    assert.equal(await overflowAt320(page), 0, "«Отправка» scrolls sideways at 320 px");
    await closePane(p);
  });

  test("Excel without ExcelApi 1.8: no new workbook, the checked file is saved", async () => {
    const p = await pane("&api=7");
    const { page } = p;
    await openView(page, "Отправка");
    await page.getByTestId("send-checked").waitFor();
    assert.equal(await page.getByRole("button", { name: "Открыть отчёт новой книгой" }).count(), 0);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Сохранить файл отчёта" }).click();
    const file = await download;
    assert.equal(
      file.suggestedFilename(),
      await page.getByRole("textbox", { name: "Имя файла вложения" }).inputValue()
    );
    await page.getByText(/передан на сохранение \(обычно в папку «Загрузки»\)/).waitFor();
    assert.equal(await page.evaluate(() => window.__vshu?.createdWorkbooks()), 0);
    await closePane(p);
  });
});

describe("«Свод района»", () => {
  test("a bad file is named and nothing is written; the good ones give the district sheet", async () => {
    const p = await pane();
    const { page } = p;
    await openView(page, "Свод района");
    const schools = await Promise.all(
      [1, 2, 3].map(async (n) => ({
        name: reportMail(aSchoolReport(n)).attachmentName,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await buildReportXlsxBytes(aSchoolReport(n), "2026-12-01")),
      }))
    );
    const bad = {
      name: "список класса.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("Фамилия;Имя\nИванов;Пётр\n"),
    };
    const before = await sheetNames(page);
    await page.getByTestId("report-files").setInputFiles([...schools, bad]);
    await page.getByText("Выбрано файлов: 4").waitFor();
    await page.getByRole("textbox", { name: "Район" }).fill("Барун-Хемчикский кожуун");
    await page.getByRole("button", { name: "Построить сводный отчёт" }).click();
    const problems = page.getByTestId("consolidate-problems");
    await problems.waitFor();
    assert.match(await problems.innerText(), /^список класса\.xlsx: это не книга Excel/);
    await page.getByText(/не прочитано отчётов: 1 из 4/).waitFor();
    assert.deepEqual(await sheetNames(page), before, "nothing written");

    await page.getByTestId("report-files").setInputFiles(schools);
    await page.getByText("Выбрано файлов: 3").waitFor();
    await page.getByRole("button", { name: "Построить сводный отчёт" }).click();
    await page
      .getByText(
        "Сводный отчёт района (Барун-Хемчикский кожуун, школ: 3) записан на лист «Свод 01.11.2026–30.11.2026»."
      )
      .waitFor();
    assert.deepEqual(await sheetNames(page), [...before, "Свод 01.11.2026–30.11.2026"]);
    const figures = await page.getByTestId("district-figures").innerText();
    assert.match(figures, /Уровень 1: состоит на учёте\s+6 \/ 6/);
    assert.match(figures, /Ооржак А\. А\., методист, 8-394-00-00-00/);
    assert.equal(await overflowAt320(page), 0, "«Свод района» scrolls sideways at 320 px");
    const syncs = await page.evaluate(() => window.__vshu?.lastSyncs("writeReportSheet"));
    assert.ok(syncs !== undefined && syncs >= 1 && syncs <= 3, `syncs ${syncs}`);
    await closePane(p);
  });

  test("a workbook that is not a register: the coordinator's section builds the sheet", async () => {
    const p = await pane("&book=blank");
    const { page } = p;
    await page.getByRole("button", { name: "Сводный отчёт района (для координатора)" }).click();
    await page.getByRole("button", { name: "Выбрать отчёты школ…" }).waitFor();
    const schools = await Promise.all(
      [1, 2].map(async (n) => ({
        name: `школа ${n}.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(await buildReportXlsxBytes(aSchoolReport(n), "2026-12-01")),
      }))
    );
    await page.getByTestId("report-files").setInputFiles(schools);
    await page.getByRole("button", { name: "Построить сводный отчёт" }).click();
    await page.getByTestId("district-figures").waitFor();
    assert.ok((await sheetNames(page)).includes("Свод 01.11.2026–30.11.2026"));
    // VII: both schools name the same coordinator.
    assert.match(await page.getByTestId("district-figures").innerText(), /Ооржак А\. А\./);
    await closePane(p);
  });
});
