/**
 * The ribbon commands' logic and handlers against a tiny in-memory RegisterGateway: «Отчёт»
 * (period from the task pane or the month to date, sheet + new workbook where supported),
 * «Обновить сроки» (counts to the task pane), Russian messages, event.completed() always.
 */
import { afterEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { requireFresh } from "../support/freshModule";
import type { IsoDate } from "../../src/core/dates/isoDate";
import type { Register, RegisterIssue } from "../../src/core/register/model";
import type { ReportJson } from "../../src/core/report/types";
import type { HostCapabilities, RegisterGateway, RegisterRead } from "../../src/excel/gateway";
import {
  monthToDate,
  runRefreshDeadlinesCommand,
  runReportCommand,
} from "../../src/commands/commandLogic";
import { commandGateway, setGatewayFactory } from "../../src/commands/gatewayFactory";
import { createRibbonHandlers, DOCUMENTS_NO_PANE } from "../../src/commands/handlers";
import {
  lastCommandMessage,
  onCommandMessage,
  onDocumentsRequest,
  requestDocumentsTab,
  onDeadlinesRefresh,
  recallReportPeriod,
  rememberReportPeriod,
  REPORT_PERIOD_KEY,
  resetRuntimeState,
  type CommandMessage,
  type DeadlinesSummary,
  type KeyValueStorage,
} from "../../src/commands/runtimeState";
import { aRegister, anEpisode } from "../support/builders";

const TODAY = "2026-11-23";

interface StubOptions {
  register?: Register;
  issues?: RegisterIssue[];
  createWorkbook?: boolean;
  readFails?: Error;
  openFails?: Error;
  missing?: string[];
}

/** The few gateway methods the commands use; any other call fails the test. */
function stubGateway(options: StubOptions = {}) {
  const calls: string[] = [];
  const written: ReportJson[] = [];
  const capabilities = {
    excelApi: options.createWorkbook === false ? 7 : 16,
    createWorkbook: options.createWorkbook ?? true,
    limits: [],
  } as unknown as HostCapabilities;
  const impl: Partial<RegisterGateway> = {
    async capabilities() {
      calls.push("capabilities");
      return capabilities;
    },
    async hasRegister() {
      calls.push("hasRegister");
      const missing = options.missing ?? [];
      return { present: missing.length === 0, missing };
    },
    async readRegister() {
      calls.push("readRegister");
      if (options.readFails) {
        throw options.readFails;
      }
      // The snapshot is the adapter's business; the commands never look at it.
      return {
        register: options.register ?? aRegister(),
        issues: options.issues ?? [],
      } as unknown as RegisterRead;
    },
    async readReportData() {
      calls.push("readReportData");
      if (options.readFails) {
        throw options.readFails;
      }
      return {
        register: options.register ?? aRegister(),
        issues: options.issues ?? [],
        sheetNames: ["Учёт"],
      };
    },
    async writeReportSheet(report: ReportJson, opts) {
      calls.push("writeReportSheet");
      assert.deepEqual(opts?.sheetNames, ["Учёт"], "the names read with the data are passed on");
      written.push(report);
      return { sheet: `Отчёт ${report.from}` };
    },
    async openReportWorkbook(report: ReportJson) {
      calls.push("openReportWorkbook");
      if (options.openFails) {
        throw options.openFails;
      }
      written.push(report);
      return true;
    },
  };
  const gateway = new Proxy(impl, {
    get(target, key: string) {
      const value = (target as Record<string, unknown>)[key];
      if (value === undefined) {
        throw new Error(`unexpected gateway call: ${key}`);
      }
      return value;
    },
  }) as RegisterGateway;
  return { gateway, calls, written };
}

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    async getItem(key) {
      return data.get(key) ?? null;
    },
    async setItem(key, value) {
      data.set(key, value);
    },
  };
}

afterEach(() => {
  resetRuntimeState();
  setGatewayFactory(null);
});

describe("«Отчёт»: runReportCommand", () => {
  test("the month to date by default: sheet, then a new workbook", async () => {
    const { gateway, calls, written } = stubGateway();
    const outcome = await runReportCommand(gateway, { today: TODAY, period: null });
    assert.deepEqual(outcome.period, { from: "2026-11-01", to: "2026-11-23" });
    assert.deepEqual(calls, [
      "readReportData",
      "writeReportSheet",
      "capabilities",
      "openReportWorkbook",
    ]);
    assert.equal(written[0]?.from, "2026-11-01");
    assert.equal(written[0]?.to, "2026-11-23");
    assert.equal(outcome.message.intent, "success");
    assert.match(
      outcome.message.text,
      /Отчёт за 01\.11\.2026–23\.11\.2026 записан на лист «Отчёт 2026-11-01»/
    );
    assert.match(outcome.message.text, /открыт в новой книге/);
    assert.equal(outcome.workbookOpened, true);
  });

  test("the period last chosen in the task pane", async () => {
    const { gateway, written } = stubGateway();
    const outcome = await runReportCommand(gateway, {
      today: TODAY,
      period: { from: "2026-09-01", to: "2026-10-24" },
    });
    assert.equal(written[0]?.from, "2026-09-01");
    assert.match(outcome.message.text, /01\.09\.2026–24\.10\.2026/);
  });

  test("counts the register: a case registered in the period is on the report", async () => {
    const register = aRegister({
      episodes: [anEpisode({ registered: "2026-11-10", identified: "2026-11-02", level: 1 })],
    });
    const { gateway, written } = stubGateway({ register });
    await runReportCommand(gateway, { today: TODAY, period: null });
    assert.ok(JSON.stringify(written[0]?.register).match(/[1-9]/), "section II has a count");
  });

  test("no new workbook before ExcelApi 1.8: the sheet only, and why", async () => {
    const { gateway, calls } = stubGateway({ createWorkbook: false });
    const outcome = await runReportCommand(gateway, { today: TODAY, period: null });
    assert.ok(!calls.includes("openReportWorkbook"));
    assert.equal(outcome.workbookOpened, false);
    assert.match(outcome.message.text, /Excel 2019 или новее/);
  });

  test("the new workbook fails after the sheet is written: a warning, not a failure", async () => {
    const { gateway } = stubGateway({ openFails: new Error("InvalidOperation") });
    const outcome = await runReportCommand(gateway, { today: TODAY, period: null });
    assert.equal(outcome.message.intent, "warning");
    assert.equal(outcome.sheet, "Отчёт 2026-11-01");
    assert.match(
      outcome.message.text,
      /записан на лист .* Новую книгу открыть не удалось: ошибка Excel \(InvalidOperation\)/
    );
  });

  test("register issues: built, with a warning", async () => {
    const issues = [
      { sheet: "Учёт", row: 5, column: "Дата", message: "дата 31.02.2026 невозможна" },
    ];
    const { gateway } = stubGateway({ issues });
    const outcome = await runReportCommand(gateway, { today: TODAY, period: null });
    assert.equal(outcome.message.intent, "warning");
    assert.match(
      outcome.message.text,
      /замечаний: 1 \(первое — Учёт, строка 5: дата 31\.02\.2026 невозможна\)/
    );
  });

  test("no register sheets: nothing written, a Russian explanation", async () => {
    const { gateway, calls } = stubGateway({
      readFails: new Error("ItemNotFound"),
      missing: ["Учёт", "Семьи"],
    });
    const outcome = await runReportCommand(gateway, { today: TODAY, period: null });
    assert.deepEqual(calls, ["readReportData", "hasRegister"]);
    assert.equal(outcome.message.intent, "error");
    assert.match(outcome.message.text, /нет листов книги учёта: «Учёт», «Семьи»/);
  });

  test("an Excel error is reported in Russian", async () => {
    const { gateway } = stubGateway({ readFails: new Error("RichApi.Error: GeneralException") });
    const outcome = await runReportCommand(gateway, { today: TODAY, period: null });
    assert.match(
      outcome.message.text,
      /^Не удалось прочитать книгу учёта: ошибка Excel \(RichApi\.Error: GeneralException\)/
    );
  });

  test("a reversed period is refused before touching the workbook", async () => {
    const { gateway, calls } = stubGateway();
    const outcome = await runReportCommand(gateway, {
      today: TODAY,
      period: { from: "2026-11-20", to: "2026-11-01" },
    });
    assert.deepEqual(calls, []);
    assert.match(outcome.message.text, /Неверный период отчёта/);
  });

  test("month to date", () => {
    const cases: [IsoDate, IsoDate][] = [
      ["2026-11-23", "2026-11-01"],
      ["2026-12-01", "2026-12-01"],
      ["2027-02-28", "2027-02-01"],
    ];
    for (const [today, from] of cases) {
      assert.deepEqual(monthToDate(today), { from, to: today });
    }
  });
});

describe("«Обновить сроки»: runRefreshDeadlinesCommand", () => {
  test("counts overdue, today and next 7 days of the open cases", async () => {
    const register = aRegister({
      episodes: [
        // identified 02.11, not registered: the order was due 16.11 → overdue on 23.11
        anEpisode({ code: "В-1", identified: "2026-11-02", registered: null, level: null }),
        // registered 16.11: meeting, visit, inspection, characteristic due 23.11 → today
        anEpisode({ code: "В-2", identified: "2026-11-02", registered: "2026-11-16", level: 1 }),
      ],
    });
    const { gateway } = stubGateway({ register });
    const outcome = await runRefreshDeadlinesCommand(gateway, { today: TODAY });
    assert.ok(outcome.summary);
    assert.equal(outcome.summary.on, TODAY);
    assert.equal(outcome.summary.today, 4);
    assert.ok(outcome.summary.overdue >= 1);
    assert.equal(outcome.message.intent, "warning");
    assert.match(
      outcome.message.text,
      /^Сроки на 23\.11\.2026: просрочено — \d+, сегодня — 4, в ближайшие 7 дней — \d+\.$/
    );
  });

  test("an empty register: nothing due", async () => {
    const { gateway } = stubGateway();
    const outcome = await runRefreshDeadlinesCommand(gateway, { today: TODAY });
    assert.deepEqual(outcome.summary, { on: TODAY, overdue: 0, today: 0, nextWeek: 0 });
    assert.equal(outcome.message.intent, "success");
  });
});

describe("ribbon handlers", () => {
  function setup(options: StubOptions & { period?: { from: IsoDate; to: IsoDate } | null } = {}) {
    const stub = stubGateway(options);
    let completed = 0;
    let panes = 0;
    const messages: CommandMessage[] = [];
    const refreshes: DeadlinesSummary[] = [];
    onCommandMessage((m) => messages.push(m));
    onDeadlinesRefresh((s) => refreshes.push(s));
    // The pane opens when asked (a sideloaded add-in: showAsTaskpane works).
    let visible = false;
    const handlers = createRibbonHandlers({
      gateway: () => stub.gateway,
      today: () => TODAY,
      recallPeriod: async () => options.period ?? null,
      paneVisible: () => visible,
      showTaskpane: async () => {
        panes += 1;
        visible = true;
      },
      paneShown: async () => visible,
      showDialog: async () => {
        throw new Error("no dialog where the pane opens");
      },
    });
    const event = { completed: () => (completed += 1) };
    return {
      ...stub,
      handlers,
      event,
      messages,
      refreshes,
      completed: () => completed,
      panes: () => panes,
    };
  }

  test("«Отчёт» succeeds: one message, event completed, the pane stays closed", async () => {
    const t = setup({ period: { from: "2026-10-01", to: "2026-10-31" } });
    await t.handlers.buildReport(t.event);
    assert.equal(t.completed(), 1);
    assert.equal(t.panes(), 0);
    assert.equal(t.messages.length, 1);
    assert.match(t.messages[0]?.text ?? "", /01\.10\.2026–31\.10\.2026/);
    assert.deepEqual(lastCommandMessage(), t.messages[0]);
  });

  test("«Отчёт» fails: event completed, the pane opens with the Russian message", async () => {
    const t = setup({ readFails: new Error("boom"), missing: ["Учёт"] });
    await t.handlers.buildReport(t.event);
    assert.equal(t.completed(), 1);
    assert.equal(t.panes(), 1);
    assert.equal(t.messages[0]?.intent, "error");
    assert.match(t.messages[0]?.text ?? "", /нет листов книги учёта/);
  });

  test("a thrown error (no gateway) still completes the event", async () => {
    let completed = 0;
    const handlers = createRibbonHandlers({
      gateway: commandGateway,
      today: () => TODAY,
      recallPeriod: async () => null,
      paneVisible: () => false,
      showTaskpane: async () => undefined,
      paneShown: async () => false,
      showDialog: async () => false,
    });
    await handlers.buildReport({ completed: () => (completed += 1) });
    await handlers.refreshDeadlines({ completed: () => (completed += 1) });
    assert.equal(completed, 2);
    assert.match(
      lastCommandMessage()?.text ?? "",
      /^Сроки не обновлены: Связь с книгой Excel не настроена/
    );
  });

  test("«Обновить сроки» tells the pane to refresh and opens it", async () => {
    const t = setup();
    await t.handlers.refreshDeadlines(t.event);
    assert.equal(t.completed(), 1);
    assert.equal(t.panes(), 1);
    assert.deepEqual(t.refreshes, [{ on: TODAY, overdue: 0, today: 0, nextWeek: 0 }]);
    assert.match(t.messages[0]?.text ?? "", /^Сроки на 23\.11\.2026/);
  });

  test("«Документы» opens the pane on its tab, reads nothing, publishes no message", async () => {
    const t = setup();
    let shown = 0;
    onDocumentsRequest(() => (shown += 1));
    assert.equal(await t.handlers.openDocuments(t.event), "pane");
    assert.equal(t.completed(), 1);
    assert.equal(t.panes(), 1);
    assert.equal(shown, 1);
    assert.deepEqual(t.messages, []);
    assert.deepEqual(t.calls, []);
  });

  test("«Документы» with the pane closed: the pane takes the request when it mounts", async () => {
    const t = setup();
    await t.handlers.openDocuments(t.event);
    let shown = 0;
    onDocumentsRequest(() => (shown += 1));
    assert.equal(shown, 1, "delivered once on subscription");
    onDocumentsRequest(() => (shown += 1));
    assert.equal(shown, 1, "and only once");
    requestDocumentsTab();
    assert.equal(shown, 3, "then to every pane listening");
  });

  test("«Документы» where the pane does not open (Marketplace): a dialog says how to open it", async () => {
    const dialogs: CommandMessage[] = [];
    let completed = 0;
    const handlers = createRibbonHandlers({
      gateway: commandGateway,
      today: () => TODAY,
      recallPeriod: async () => null,
      paneVisible: () => false,
      showTaskpane: async () => undefined,
      paneShown: async () => false,
      showDialog: async (m) => {
        dialogs.push(m);
        return true;
      },
    });
    assert.equal(await handlers.openDocuments({ completed: () => (completed += 1) }), "dialog");
    assert.equal(completed, 1);
    assert.deepEqual(dialogs, [DOCUMENTS_NO_PANE]);
    assert.match(DOCUMENTS_NO_PANE.text, /«Учёт и сроки».*«Документы»/);
  });

  test("a failing listener does not break the command", async () => {
    const t = setup();
    onDeadlinesRefresh(() => {
      throw new Error("pane gone");
    });
    await t.handlers.refreshDeadlines(t.event);
    assert.equal(t.completed(), 1);
    assert.equal(t.messages.length, 1);
  });
});

describe("shared runtime state", () => {
  test("two bundles (two module instances) share the state and the gateway factory", () => {
    const require = createRequire(__filename);
    const load = <T>(file: string): [T, T] => {
      const resolved = require.resolve(file);
      const first = require(resolved) as T;
      const second = requireFresh<T>(resolved);
      assert.notEqual(first, second, "two module instances, as in taskpane.js and commands.js");
      return [first, second];
    };
    type State = typeof import("../../src/commands/runtimeState");
    const [pane, commands] = load<State>("../../src/commands/runtimeState");
    const seen: string[] = [];
    pane.onCommandMessage((m) => seen.push(m.text));
    commands.publishCommandMessage({ intent: "success", text: "готово" });
    assert.deepEqual(seen, ["готово"]);
    assert.equal(pane.lastCommandMessage()?.text, "готово");
    type Factory = typeof import("../../src/commands/gatewayFactory");
    const [paneFactory, commandsFactory] = load<Factory>("../../src/commands/gatewayFactory");
    const { gateway } = stubGateway();
    paneFactory.setGatewayFactory(() => gateway);
    assert.equal(commandsFactory.commandGateway(), gateway);
  });

  test("the chosen period is kept in the module and in storage", async () => {
    const storage = memoryStorage();
    assert.equal(await recallReportPeriod(storage), null);
    await rememberReportPeriod({ from: "2026-09-01", to: "2026-09-30" }, storage);
    assert.deepEqual(JSON.parse(storage.data.get(REPORT_PERIOD_KEY) ?? ""), {
      from: "2026-09-01",
      to: "2026-09-30",
    });
    resetRuntimeState(); // a new session: only storage remembers
    assert.deepEqual(await recallReportPeriod(storage), { from: "2026-09-01", to: "2026-09-30" });
  });

  test("a damaged stored period is no choice", async () => {
    for (const raw of [
      "{",
      '{"from":"2026-09-31","to":"2026-10-01"}',
      '{"from":"2026-10-02","to":"2026-10-01"}',
      "null",
    ]) {
      resetRuntimeState();
      const storage = memoryStorage();
      storage.data.set(REPORT_PERIOD_KEY, raw);
      assert.equal(await recallReportPeriod(storage), null, raw);
    }
  });

  test("without OfficeRuntime the module variable still works", async () => {
    await rememberReportPeriod({ from: "2026-10-01", to: "2026-10-31" });
    assert.deepEqual(await recallReportPeriod(), { from: "2026-10-01", to: "2026-10-31" });
  });

  test("the gateway factory is swappable and created once", () => {
    let created = 0;
    const { gateway } = stubGateway();
    setGatewayFactory(() => {
      created += 1;
      return gateway;
    });
    assert.equal(commandGateway(), gateway);
    assert.equal(commandGateway(), gateway);
    assert.equal(created, 1);
    setGatewayFactory(null);
    assert.throws(() => commandGateway(), /не настроена/);
    const fallback = stubGateway().gateway;
    assert.equal(
      commandGateway(() => fallback),
      fallback
    );
  });
});
