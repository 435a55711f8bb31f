/**
 * The shared runtime's page as Office loads it — hidden, for a custom function or a ribbon
 * button — built from the add-in's own entries (taskpane.ts, commands.ts) and run in headless
 * Chromium over the fake Excel (host/runtimeStub.ts stands in for office.js):
 * - loaded hidden, the page asks nothing of the workbook; shown, the pane reads the register;
 * - a button pressed while the pane is hidden does its work, and where `showAsTaskpane` is
 *   ignored (a Marketplace add-in) its message appears in the dialog; a workbook that is not a
 *   register is not read beyond its sheet names;
 * - the dialog page shows the message it is sent.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { hostForSuite, runWebpack } from "./harness";
import { dialogPayload, parseDialogPayload } from "../../src/commands/feedback";

const require = createRequire(import.meta.url);

const host = hostForSuite(build);

async function build(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "vshu-runtime-"));
  const config = require("./webpack.runtime.config.js") as (o: { outDir: string }) => object;
  await runWebpack(config({ outDir }));
  return outDir;
}

/** Makes the document hidden until `window.__shown` (Office's hidden runtime). */
const HIDDEN_DOCUMENT = `(() => {
  window.__shown = false;
  Object.defineProperty(Document.prototype, "visibilityState", {
    configurable: true,
    get: () => (window.__shown ? "visible" : "hidden"),
  });
  Object.defineProperty(Document.prototype, "hidden", {
    configurable: true,
    get: () => !window.__shown,
  });
})();`;

/** Opens a page of the build with `officeJs` for the CDN's office.js, hidden or not. */
async function open(path: string, officeJs: string, hidden: boolean): Promise<Page> {
  const page = await host.browser.newPage({
    viewport: { width: 350, height: 700 },
    locale: "ru-RU",
  });
  page.setDefaultTimeout(30_000);
  if (hidden) {
    await page.addInitScript(HIDDEN_DOCUMENT);
  }
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/")) {
      return route.fulfill({ contentType: "text/javascript", body: officeJs });
    }
    return url.startsWith(host.base) ? route.continue() : route.abort();
  });
  await page.goto(`${host.base}/${path}`, { timeout: 90_000 });
  return page;
}

async function runtimePage(book: "fixture" | "blank"): Promise<Page> {
  const stub = await readFile(join(host.dir, "runtimeStub.js"), "utf8");
  const page = await open(`taskpane.html?book=${book}`, stub, true);
  // Loaded: the ribbon's handlers are associated and Office.onReady has run.
  await page.waitForFunction(() => window.__runtime !== undefined);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  return page;
}

function runs(page: Page): Promise<number> {
  return page.evaluate(() => window.__runtime?.runs ?? -1);
}

describe("the shared runtime loaded hidden", () => {
  test("touches no workbook until the pane is shown; then the pane reads the register", async () => {
    const page = await runtimePage("fixture");
    // Give a hidden page every chance to misbehave: several animation frames and timers.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    assert.equal(await runs(page), 0, "no Excel.run while hidden");
    assert.match(await page.locator("#root").innerText(), /Загрузка/);

    await page.evaluate(() => {
      (window as unknown as { __shown: boolean }).__shown = true;
      window.__runtime?.setVisibility("Taskpane");
    });
    await page.locator('input[name="lastName"]').waitFor();
    assert.ok((await runs(page)) > 0, "the pane read the register once shown");
    await page.close();
  });

  test("a button pressed meanwhile: its message in the dialog; a non-register read by its names only", async () => {
    const page = await runtimePage("blank");
    await page.evaluate(() => window.__runtime?.press("buildReport"));
    await page.waitForFunction(() => (window.__runtime?.sentToDialog.length ?? 0) > 0);
    const state = await page.evaluate(() => ({
      dialogs: window.__runtime?.dialogs ?? [],
      sent: window.__runtime?.sentToDialog ?? [],
      asked: window.__runtime?.showAsTaskpane ?? -1,
      ops: window.__runtime?.operations() ?? [],
    }));
    assert.equal(state.asked, 1, "the pane was asked for first");
    assert.equal(state.dialogs.length, 1);
    assert.match(state.dialogs[0] ?? "", /\/dialog\.html$/);
    const message = parseDialogPayload(state.sent[0] ?? "");
    assert.equal(message?.intent, "error");
    assert.match(message?.text ?? "", /нет листов книги учёта/);
    // Only names (and table lookups that failed) were asked of a workbook that is no register.
    assert.ok(
      !state.ops.some((op) => /^load\(.*(values|formulas|text)/.test(op)),
      state.ops.join("; ")
    );
    assert.match(await page.locator("#root").innerText(), /Загрузка/, "the pane stays unmounted");
    await page.close();
  });
});

describe("the ribbon's «Документы»", () => {
  test("pressed while the pane is hidden: reads nothing, a dialog says how to open it; shown, the pane opens on «Документы»", async () => {
    const page = await runtimePage("fixture");
    await page.evaluate(() => window.__runtime?.press("openDocuments"));
    await page.waitForFunction(() => (window.__runtime?.sentToDialog.length ?? 0) > 0);
    const sent = await page.evaluate(() => window.__runtime?.sentToDialog ?? []);
    const message = parseDialogPayload(sent[0] ?? "");
    assert.equal(message?.intent, "warning");
    assert.match(message?.text ?? "", /«Учёт и сроки».*«Документы»/);
    assert.equal(await runs(page), 0, "the button reads nothing");
    await page.evaluate(() => {
      (window as unknown as { __shown: boolean }).__shown = true;
      window.__runtime?.setVisibility("Taskpane");
    });
    await page.getByRole("tab", { name: "Документы", selected: true }).waitFor();
    await page
      .locator("#panel-documents")
      .getByRole("button", { name: "Сформировать на листе" })
      .waitFor();
    await page.close();
  });
});

/** office.js for dialog.html: the dialog API's side in the dialog. */
const DIALOG_OFFICE = `window.__parent = [];
window.Office = {
  AsyncResultStatus: { Succeeded: "succeeded" },
  EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" },
  context: { ui: {
    addHandlerAsync: function (type, handler, cb) { window.__fromParent = handler; cb({ status: "succeeded" }); },
    messageParent: function (m) { window.__parent.push(m); }
  } },
  onReady: function (cb) { return Promise.resolve().then(function () { if (cb) { cb({}); } }); }
};`;

describe("dialog.html", () => {
  test("says it is ready, shows the message it is sent, asks to be closed", async () => {
    const page = await open("dialog.html", DIALOG_OFFICE, false);
    await page.waitForFunction(
      () => (window as unknown as { __parent: string[] }).__parent.length > 0
    );
    const text = "Отчёт не построен: в книге нет листов книги учёта: «Учёт».";
    await page.evaluate(
      (payload) =>
        (window as unknown as { __fromParent: (a: { message: string }) => void }).__fromParent({
          message: payload,
        }),
      dialogPayload({ intent: "error", text })
    );
    assert.equal(await page.locator("#heading").innerText(), "Команда не выполнена");
    assert.equal(await page.locator("#text").innerText(), text);
    await page.getByRole("button", { name: "Закрыть" }).click();
    const parent = await page.evaluate(
      () => (window as unknown as { __parent: string[] }).__parent
    );
    assert.deepEqual(parent, ["vshu-dialog-ready", "vshu-dialog-close"]);
    if (process.env.VSHU_DIALOG_SHOT) {
      await page.screenshot({ path: process.env.VSHU_DIALOG_SHOT });
    }
    await page.close();
  });
});
