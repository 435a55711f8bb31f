/**
 * Feedback from the ribbon buttons that does not depend on `showAsTaskpane` (ignored for
 * Marketplace add-ins): a result the user must see goes to the pane when it is or becomes
 * visible, else to a dialog (displayDialogAsync + messageChild); the event is completed first,
 * always. The dialog host is driven through a fake `Office` global.
 */
import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { aRegister } from "../support/builders";
import type { HostCapabilities, RegisterGateway } from "../../src/excel/gateway";
import { dialogUrl, officeDialog } from "../../src/commands/dialogHost";
import {
  deliver,
  DIALOG_CLOSE,
  DIALOG_READY,
  dialogPayload,
  parseDialogPayload,
  type FeedbackDeps,
} from "../../src/commands/feedback";
import { createRibbonHandlers } from "../../src/commands/handlers";
import {
  isPaneVisible,
  lastCommandMessage,
  resetRuntimeState,
  setPaneVisible,
  waitForPane,
  type CommandMessage,
} from "../../src/commands/runtimeState";

const TODAY = "2026-11-23";
const FAILED: CommandMessage = { intent: "error", text: "Отчёт не построен: нет листа «Учёт»." };

afterEach(() => {
  resetRuntimeState();
  const g = globalThis as Record<string, unknown>;
  delete g["Office"];
  delete g["window"];
});

/** Feedback deps recording what was asked; the pane shows up when `opens`. */
function deps(opts: { visible?: boolean; opens?: boolean; dialog?: boolean | "throws" }) {
  const log: string[] = [];
  let visible = opts.visible ?? false;
  const d: FeedbackDeps = {
    paneVisible: () => visible,
    showTaskpane: async () => {
      log.push("showTaskpane");
      visible = opts.opens === true;
    },
    paneShown: async (ms) => {
      log.push(`wait ${ms}`);
      return visible;
    },
    showDialog: async (m) => {
      log.push(`dialog ${m.intent}: ${m.text}`);
      if (opts.dialog === "throws") {
        throw new Error("Office.context.ui is undefined");
      }
      return opts.dialog ?? true;
    },
  };
  return { d, log };
}

describe("where a message that must be seen goes", () => {
  const cases: [string, Parameters<typeof deps>[0], string, string[]][] = [
    ["the pane is on screen", { visible: true }, "pane", []],
    ["the pane opens when asked", { opens: true }, "pane", ["showTaskpane", "wait 1500"]],
    [
      "showAsTaskpane is ignored (Marketplace): a dialog",
      { opens: false },
      "dialog",
      ["showTaskpane", "wait 1500", `dialog error: ${FAILED.text}`],
    ],
    [
      "no dialog either (no DialogApi 1.2): the pane shows it when it opens",
      { opens: false, dialog: false },
      "later",
      ["showTaskpane", "wait 1500", `dialog error: ${FAILED.text}`],
    ],
  ];
  for (const [name, opts, where, log] of cases) {
    test(name, async () => {
      const t = deps(opts);
      assert.equal(await deliver(t.d, FAILED), where);
      assert.deepEqual(t.log, log);
    });
  }
});

describe("ribbon handlers: feedback after the event is completed", () => {
  function gateway(fails: boolean): RegisterGateway {
    return {
      capabilities: async () => ({ createWorkbook: false }) as unknown as HostCapabilities,
      hasRegister: async () => ({ present: !fails, missing: fails ? ["Учёт"] : [] }),
      readRegister: async () => {
        if (fails) {
          throw new Error("ItemNotFound");
        }
        return { register: aRegister(), issues: [], snapshot: { tables: {} } };
      },
      readReportData: async () => {
        throw new Error("ItemNotFound");
      },
    } as unknown as RegisterGateway;
  }

  test("«Отчёт» fails with the pane closed for good: completed first, then a dialog", async () => {
    const order: string[] = [];
    const t = deps({ opens: false });
    const handlers = createRibbonHandlers({
      ...t.d,
      showDialog: async (m) => {
        order.push("dialog");
        return t.d.showDialog(m);
      },
      gateway: () => gateway(true),
      today: () => TODAY,
      recallPeriod: async () => null,
    });
    const where = await handlers.buildReport({ completed: () => order.push("completed") });
    assert.equal(where, "dialog");
    assert.deepEqual(order, ["completed", "dialog"]);
    assert.match(t.log.at(-1) ?? "", /^dialog error: В книге нет листов книги учёта: «Учёт»/);
    assert.equal(lastCommandMessage()?.intent, "error");
  });

  test("«Обновить сроки» with the pane closed for good: the counts in a dialog", async () => {
    const t = deps({ opens: false });
    const handlers = createRibbonHandlers({
      ...t.d,
      gateway: () => gateway(false),
      today: () => TODAY,
      recallPeriod: async () => null,
    });
    let completed = 0;
    assert.equal(await handlers.refreshDeadlines({ completed: () => (completed += 1) }), "dialog");
    assert.equal(completed, 1);
    assert.match(t.log.at(-1) ?? "", /^dialog (success|warning): Сроки на 23\.11\.2026/);
  });

  test("a dialog that throws does not fail the command; the event is completed once", async () => {
    const t = deps({ opens: false, dialog: "throws" });
    const handlers = createRibbonHandlers({
      ...t.d,
      gateway: () => gateway(true),
      today: () => TODAY,
      recallPeriod: async () => null,
    });
    let completed = 0;
    assert.equal(await handlers.buildReport({ completed: () => (completed += 1) }), "later");
    assert.equal(completed, 1);
  });
});

describe("the pane's visibility in the shared runtime", () => {
  test("waitForPane: true as soon as the pane says it is on screen, false after the wait", async () => {
    assert.equal(isPaneVisible(), false);
    const waiting = waitForPane(10_000);
    setPaneVisible(true);
    assert.equal(await waiting, true);
    assert.equal(await waitForPane(1), true, "already visible");
    setPaneVisible(false);
    assert.equal(await waitForPane(5), false);
  });
});

describe("the dialog", () => {
  test("its message goes through messageChild as JSON, and nothing else is taken for one", () => {
    assert.deepEqual(parseDialogPayload(dialogPayload(FAILED)), FAILED);
    for (const junk of ["", "{", "null", '{"intent":"error","text":"x"}', DIALOG_READY]) {
      assert.equal(parseDialogPayload(junk), null, junk);
    }
    assert.equal(
      dialogUrl("https://school.example/vshu/taskpane.html?_host_Info=Excel"),
      "https://school.example/vshu/dialog.html"
    );
  });

  /** A fake `Office` with the dialog API; `dialogApi12` says whether DialogApi 1.2 is there. */
  function fakeOffice(dialogApi12: boolean) {
    const sent: string[] = [];
    const opened: { url: string; options: unknown }[] = [];
    let closed = 0;
    const handlers = new Map<string, (args: unknown) => void>();
    const dialog = {
      addEventHandler: (type: string, h: (args: unknown) => void) => handlers.set(type, h),
      messageChild: (m: string) => sent.push(m),
      close: () => (closed += 1),
    };
    const g = globalThis as Record<string, unknown>;
    g["window"] = { location: { href: "https://school.example/vshu/taskpane.html" } };
    g["Office"] = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: {
        DialogMessageReceived: "dialogMessageReceived",
        DialogEventReceived: "dialogEventReceived",
      },
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) =>
            name === "DialogApi" && v === "1.2" && dialogApi12,
        },
        ui: {
          displayDialogAsync: (
            url: string,
            options: unknown,
            cb: (r: { status: string; value: unknown }) => void
          ) => {
            opened.push({ url, options });
            cb({ status: "succeeded", value: dialog });
          },
        },
      },
    };
    return { sent, opened, handlers, closed: () => closed };
  }

  test("opened beside the page, the message sent once the page is ready, closed on «Закрыть»", async () => {
    const office = fakeOffice(true);
    const show = officeDialog()(FAILED);
    assert.equal(office.opened[0]?.url, "https://school.example/vshu/dialog.html");
    assert.deepEqual(office.sent, [], "nothing before the page says it is ready");
    office.handlers.get("dialogMessageReceived")?.({ message: DIALOG_READY, origin: undefined });
    assert.equal(await show, true);
    assert.deepEqual(office.sent.map(parseDialogPayload), [FAILED]);
    office.handlers.get("dialogMessageReceived")?.({ message: DIALOG_CLOSE, origin: undefined });
    assert.equal(office.closed(), 1);
  });

  test("closed by the user before it was ready: not shown", async () => {
    const office = fakeOffice(true);
    const show = officeDialog()(FAILED);
    office.handlers.get("dialogEventReceived")?.({ error: 12006 });
    assert.equal(await show, false);
  });

  test("no DialogApi 1.2 (no messageChild): no dialog, and no message in a URL", async () => {
    const office = fakeOffice(false);
    assert.equal(await officeDialog()(FAILED), false);
    assert.deepEqual(office.opened, []);
  });
});
