/**
 * The add-in brings a register to contract version 2 in the open workbook (fake Excel): a
 * version-1 register written by another program — a user's column in the middle, a user's
 * formula column, quarter dates stored as numbers under the text format and as text — keeps
 * every cell, gets the version-2 columns at the right end of its tables, the parameters, date
 * cells for the quarters, «Регламент» and «Журнал»; in 2 syncs; a newer version, a host without
 * `columns.add` and cells in the way are refused with nothing written; the first write upgrades.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { excelSerialToIso, parseDateText } from "../../src/core/dates/isoDate";
import { defaultRegulationRows } from "../../src/core/register/regulation";
import { requiredColumns } from "../../src/core/register/schema";
import { createExcelGateway, type ExcelRun } from "../../src/excel/excelGateway";
import type { RegisterGateway } from "../../src/excel/gateway";
import { UPGRADE_NEEDS_EXCEL } from "../../src/excel/upgradePlan";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { SheetModel } from "../support/fakeExcel/model";
import {
  largeRegisterRows,
  seedRegister,
  settingsRows,
  type SeedRows,
} from "../support/fakeRegister";

const TODAY = "2026-11-23";
const NOW = new Date(2026, 10, 23, 14, 5, 0);

function setup(api = 21): { fake: FakeExcel; gateway: RegisterGateway } {
  const fake = createFakeExcel({ apiVersion: api });
  return {
    fake,
    gateway: createExcelGateway(fake.run as unknown as ExcelRun, fake.host, () => NOW),
  };
}

/** «Учёт» of version 1 with the user's column «Телефон ребёнка» in the middle, a formula column at the end. */
const V1_CASES = [
  ...requiredColumns("cases").slice(0, 6),
  "Телефон ребёнка",
  ...requiredColumns("cases").slice(6),
  "Длина фамилии",
];

/** A version-1 register as another program wrote it (see the file's header). */
function seedV1(fake: FakeExcel, rows: SeedRows = {}): void {
  const settings = settingsRows(2026, 1).map((r) =>
    r["Параметр"] === "I четверть с" ? { ...r, Значение: "01.09.2026" } : r
  );
  seedRegister(
    fake,
    {
      settings,
      cases: [
        {
          Код: "В-1",
          Фамилия: "Монгуш",
          Имя: "Айдыс",
          "Телефон ребёнка": "+7 923 000-00-00",
          "Дата выявления": { date: "2026-10-01" },
          Уровень: 1,
          "Дата постановки": { date: "2026-10-08" },
          Протокол: "3",
        },
        { Код: "В-2", Фамилия: "Сат", Имя: "Алдын", "Дата выявления": { date: "2026-11-02" } },
      ],
      ...rows,
    },
    { version: 1, headers: { cases: V1_CASES } }
  );
  // The user's formula column: Excel keeps the formula, the fake shows its cached result.
  const cases = fake.model.findSheet("Учёт") as SheetModel;
  const col = V1_CASES.indexOf("Длина фамилии");
  for (const row of [1, 2]) {
    cases.formats.delete(SheetModel.key(row, col));
    cases.values.delete(SheetModel.key(row, col));
    cases.formulas.set(SheetModel.key(row, col), `=LEN(B${row + 1})`);
  }
}

/** Every cell of a sheet: value, formula and number format by address. */
function cellsOf(fake: FakeExcel, sheet: string): Map<number, string> {
  const s = fake.model.findSheet(sheet) as SheetModel;
  const out = new Map<number, string>();
  for (const [k, v] of s.values) out.set(k, `v:${JSON.stringify(v)}`);
  for (const [k, f] of s.formulas) out.set(k, `${out.get(k) ?? ""}|f:${f}`);
  for (const [k, f] of s.formats) out.set(k, `${out.get(k) ?? ""}|n:${f}`);
  return out;
}

function tableRecords(fake: FakeExcel, table: string): Record<string, unknown>[] {
  const t = fake.table(table);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

function setting(fake: FakeExcel, name: string): { value: unknown; format: string } | undefined {
  const t = fake.table("tblSettings");
  const i = t.rows.findIndex((r) => r[0] === name);
  if (i < 0) {
    return undefined;
  }
  const cell = fake.cell(t.sheet, `B${i + 2}`);
  return { value: cell.value, format: cell.format };
}

describe("«Обновить книгу до версии 2»", () => {
  test("a version-1 register keeps every cell and gets what version 2 adds, in 2 syncs", async () => {
    const { fake, gateway } = setup();
    seedV1(fake);
    const before = new Map(fake.sheetNames().map((n) => [n, cellsOf(fake, n)]));
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    const status = await gateway.upgradeStatus();
    assert.equal(status.state, "needed");
    assert.equal(status.version, 1);
    assert.match(status.message, /«Регламент».*«Журнал».*останутся на месте/);
    fake.resetCounters();
    const result = await gateway.upgradeRegister();
    assert.equal(fake.syncCount, 2, "a read of what is there, one batch of writes");
    assert.deepEqual(result.sheets, ["Регламент", "Журнал"]);
    assert.deepEqual(
      result.columns.map((c) => `${c.sheet}:${c.column}`),
      ["Учёт:Протокол снятия", "Семьи:Дети семьи", "Мероприятия:Блок", "Сигналы:Неорганизован"]
    );
    assert.deepEqual(result.settings, [
      "Версия книги",
      "Регион",
      "Директор ФИО",
      "Заместитель директора по ВР ФИО",
      "Исполнитель ФИО",
      "Исполнитель телефон",
    ]);
    assert.equal(result.dates.length, 8, "every quarter date was a number or text under «@»");

    // Every cell that was there is there, unchanged (the settings' quarter cells: format only).
    for (const [sheet, cells] of before) {
      const after = cellsOf(fake, sheet);
      for (const [k, v] of cells) {
        const now = after.get(k) ?? "";
        if (sheet === "Настройки" && v.includes("|n:@") && now.includes("|n:dd.mm.yyyy")) {
          // A quarter date: the same day, now a date cell.
          const was = JSON.parse(v.split("|")[0]?.slice(2) ?? "null") as unknown;
          const day = typeof was === "number" ? excelSerialToIso(was) : parseDateText(String(was));
          const is = JSON.parse(now.split("|")[0]?.slice(2) ?? "null") as number;
          assert.equal(excelSerialToIso(is), day, `${sheet} ${k}: the same date`);
          continue;
        }
        assert.equal(now, v, `${sheet} cell ${k}`);
      }
    }
    // The user's columns keep their place; version 2's own comes at the right end.
    assert.deepEqual(fake.table("tblCases").headers, [...V1_CASES, "Протокол снятия"]);
    assert.equal(fake.cell("Учёт", "S2").formula, "=LEN(B2)");
    const cases = tableRecords(fake, "tblCases");
    assert.equal(cases[0]?.["Телефон ребёнка"], "+7 923 000-00-00");
    assert.equal(cases[1]?.["Протокол снятия"], "");
    assert.equal(fake.cell("Учёт", "T3").format, "@", "the new column is text");

    // «Настройки»: version 2, the region, date cells shown ДД.ММ.ГГГГ.
    assert.deepEqual(setting(fake, "Версия книги"), { value: 2, format: "General" });
    assert.equal(setting(fake, "Регион")?.value, "Республика Тыва");
    for (const q of ["I четверть с", "II четверть по", "IV четверть по"]) {
      const cell = setting(fake, q);
      assert.equal(cell?.format, "dd.mm.yyyy", q);
      assert.equal(typeof cell?.value, "number", q);
    }
    assert.equal(excelSerialToIso(setting(fake, "I четверть с")?.value as number), "2026-09-01");

    // «Регламент» with the seed's periods, «Журнал» with the upgrade's row.
    assert.deepEqual(tableRecords(fake, "tblRegulation"), defaultRegulationRows());
    const journal = tableRecords(fake, "tblJournal");
    assert.equal(journal.length, 1);
    assert.equal(journal[0]?.["Кто"], "надстройка");
    assert.equal(journal[0]?.["Действие"], "обновление книги до версии 2");
    assert.match(String(journal[0]?.["Лист"]), /Регламент, Журнал, Учёт, Семьи/);

    const again = await gateway.readRegister();
    assert.deepEqual(again.issues, []);
    assert.equal(again.register.settings.version, 2);
    assert.equal(again.register.regulation.fromSheet, true);
    assert.equal(again.register.settings.quarters.I?.from, "2026-09-01");
    assert.equal((await gateway.upgradeStatus()).state, "current");
    fake.resetCounters();
    const noop = await gateway.upgradeRegister();
    assert.deepEqual([noop.sheets, noop.columns, noop.settings], [[], [], []]);
    assert.equal(fake.syncCount, 0, "nothing to do: nothing read or written");
  });

  test("10 000 episodes: still 2 syncs, every request and response far under 5 MB", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, largeRegisterRows(10_000), { version: 1 });
    await gateway.readRegister();
    fake.resetCounters();
    const result = await gateway.upgradeRegister();
    assert.equal(fake.syncCount, 2);
    assert.equal(result.columns.length, 4);
    for (const r of fake.requests) {
      assert.ok(r.bytes < 1024 * 1024, `request ${r.bytes} bytes`);
      assert.ok(r.responseBytes < 1024 * 1024, `response ${r.responseBytes} bytes`);
    }
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.episodes.length, 10_000);
    assert.equal(fake.cell("Учёт", "R10001").format, "@", "the new column is text down the table");
  });

  test("a newer version is read, never written: the pane says so and every write is refused", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, {
      settings: settingsRows().map((r) =>
        r["Параметр"] === "Версия книги" ? { ...r, Значение: 3 } : r
      ),
      cases: [{ Код: "В-1", Фамилия: "Сат", "Дата выявления": { date: "2026-11-02" } }],
    });
    const before = new Map(fake.sheetNames().map((n) => [n, cellsOf(fake, n)]));
    await gateway.readRegister();
    const status = await gateway.upgradeStatus();
    assert.equal(status.state, "newer");
    assert.match(status.message, /версии 3 создана более новой версией ВШУ.*панель её не меняет/);
    fake.resetCounters();
    await assert.rejects(gateway.upgradeRegister(), /более новой версией ВШУ/);
    await assert.rejects(
      gateway.addService({ date: TODAY, kind: "trainings", count: 1, covered: 2, note: "" }),
      /более новой версией ВШУ/
    );
    await assert.rejects(
      gateway.removeCase("В-1", { ground: "выбыл", decisionNumber: "1", decisionDate: TODAY }),
      /более новой версией ВШУ/
    );
    assert.equal(fake.syncCount, 0);
    for (const [sheet, cells] of before) {
      assert.deepEqual(cellsOf(fake, sheet), cells, sheet);
    }
  });

  test("the user's notes right of a table are where a column goes: refused, nothing written", async () => {
    const { fake, gateway } = setup();
    seedV1(fake);
    fake.type("Семьи", "I2", [["моя пометка"]]);
    const before = new Map(fake.sheetNames().map((n) => [n, cellsOf(fake, n)]));
    await gateway.readRegister();
    fake.resetCounters();
    await assert.rejects(
      gateway.upgradeRegister(),
      /справа от таблицы листа «Семьи» есть записи \(I1:I2\).*«Дети семьи».*ничего не изменено/
    );
    assert.equal(fake.syncCount, 1, "only the read");
    assert.deepEqual(fake.sheetNames(), [...before.keys()]);
    for (const [sheet, cells] of before) {
      assert.deepEqual(cellsOf(fake, sheet), cells, sheet);
    }
  });

  test("a table of the user right of «Учёт» reaching below its rows: refused, nothing written", async () => {
    const { fake, gateway } = setup();
    seedV1(fake);
    fake.seed("Учёт", [["Сводка"], [1], [2], [3], [4]], { table: "tblSummary", at: "W2" });
    const before = new Map(fake.sheetNames().map((n) => [n, cellsOf(fake, n)]));
    await gateway.readRegister();
    fake.resetCounters();
    await assert.rejects(
      gateway.upgradeRegister(),
      /справа от таблицы учёта стоит таблица «tblSummary» \(W2:W6\).*ничего не изменено/
    );
    assert.equal(fake.syncCount, 2, "the read and where the other table is; no write");
    for (const [sheet, cells] of before) {
      assert.deepEqual(cellsOf(fake, sheet), cells, sheet);
    }
  });

  test("Excel 2016 (ExcelApi 1.1) cannot append table columns: it says which Excel can, and writes version 1", async () => {
    const { fake, gateway } = setup(1);
    seedV1(fake);
    await gateway.readRegister();
    const status = await gateway.upgradeStatus();
    assert.equal(status.state, "unsupported");
    assert.equal(status.message, `Книга учёта версии 1. ${UPGRADE_NEEDS_EXCEL}`);
    assert.doesNotMatch(status.message, /ExcelApi|SharedRuntime/);
    await assert.rejects(gateway.upgradeRegister(), /Excel 2019 или новее/);
    fake.resetCounters();
    const outcome = await gateway.removeCase("В-1", {
      ground: "положительная динамика",
      decisionNumber: "7",
      decisionDate: "2026-11-20",
    });
    assert.equal(outcome.upgraded, null);
    assert.equal(fake.syncCount, 1);
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    const e = read.register.episodes.find((x) => x.code === "В-1");
    assert.equal(e?.removed, "2026-11-20");
    // No «Протокол снятия» column in a version-1 table: the decision stays in the ground.
    assert.equal(e?.removalReason, "положительная динамика (протокол Совета профилактики № 7)");
    assert.equal(fake.sheetNames().includes("Журнал"), false);
  });

  test("the first write on a version-1 register upgrades it first and says so; the next is 1 sync", async () => {
    const { fake, gateway } = setup();
    seedV1(fake);
    await gateway.readRegister();
    fake.resetCounters();
    const outcome = await gateway.addAssistance({
      caseCode: "В-1",
      date: "2026-11-20",
      kind: "clothing",
      content: "куртка",
    });
    assert.equal(fake.syncCount, 3, "the upgrade (2) and the entry (1)");
    assert.equal(outcome.upgraded?.fromVersion, 1);
    assert.deepEqual(outcome.upgraded?.sheets, ["Регламент", "Журнал"]);
    assert.deepEqual(
      tableRecords(fake, "tblJournal").map((r) => [r["Действие"], r["Лист"], r["Строки"]]),
      [
        [
          "обновление книги до версии 2",
          "Регламент, Журнал, Учёт, Семьи, Мероприятия, Сигналы, Настройки",
          "",
        ],
        ["помощь семье", "Помощь", "2"],
      ]
    );
    fake.resetCounters();
    const second = await gateway.addService({
      date: "2026-11-20",
      kind: "trainings",
      count: 1,
      covered: 9,
      note: "",
    });
    assert.equal(second.upgraded, null);
    assert.equal(fake.syncCount, 1);
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.assistance[0]?.content, "куртка");
    assert.equal(read.register.service[0]?.covered, 9);
  });

  test("a sheet «Журнал» holding the user's notes is left alone and reported", async () => {
    const { fake, gateway } = setup();
    seedV1(fake);
    fake.seed("Журнал", [["Журнал посещений кружка"], ["Иванов", "пришёл"]]);
    await gateway.readRegister();
    const result = await gateway.upgradeRegister();
    assert.deepEqual(result.sheets, ["Регламент"]);
    assert.equal(result.skipped[0]?.sheet, "Журнал");
    assert.match(result.skipped[0]?.reason ?? "", /уже есть и заполнен.*не создана/);
    assert.deepEqual(fake.values("Журнал", "A1:B2"), [
      ["Журнал посещений кружка", ""],
      ["Иванов", "пришёл"],
    ]);
    // Writes go on (version 2 now) without a journal and without trying again.
    fake.resetCounters();
    const outcome = await gateway.addService({
      date: TODAY,
      kind: "trainings",
      count: 1,
      covered: 1,
      note: "",
    });
    assert.equal(outcome.upgraded, null);
    assert.equal(fake.syncCount, 1);
  });
});
