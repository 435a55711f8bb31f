/**
 * What the add-in writes besides the register's own rows: the «Журнал» row of every write (when,
 * who, what, which sheet and rows, the episode codes — never a name), a write undone for a stale
 * row taking its rows back, and removal and transfer refused without the body's decision.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { excelSerialToIso } from "../../src/core/dates/isoDate";
import { CASE_COLUMNS } from "../../src/core/register/schema";
import { createExcelGateway, type ExcelRun } from "../../src/excel/excelGateway";
import type { RegisterGateway } from "../../src/excel/gateway";
import { createFakeExcel, type FakeExcel } from "../support/fakeExcel";
import { seedRegister, settingsRows } from "../support/fakeRegister";

const TODAY = "2026-11-23";
const NOW = new Date(2026, 10, 23, 14, 5, 0);

function setup(api = 21): { fake: FakeExcel; gateway: RegisterGateway } {
  const fake = createFakeExcel({ apiVersion: api });
  return {
    fake,
    gateway: createExcelGateway(fake.run as unknown as ExcelRun, fake.host, () => NOW),
  };
}

function tableRecords(fake: FakeExcel, table: string): Record<string, unknown>[] {
  const t = fake.table(table);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

describe("«Журнал»: every write appends what it wrote, in its own batch", () => {
  const draft = {
    code: "",
    lastName: "Ооржак",
    firstName: "Чечек",
    patronymic: "Андреевна",
    birthDate: "2013-04-02",
    className: "7Б",
    familyCode: "Ф-7",
    newFamily: {
      code: "Ф-7",
      status: ["полная"],
      mother: "Ооржак Айлана",
      father: "",
      guardian: "",
      address: "",
      registrationAddress: "",
      phone: "",
    },
    identified: "2026-11-02",
    source: "классный руководитель",
    indicators: ["Р2"],
    level: 1 as const,
    registered: "2026-11-14",
    protocol: "7",
    curator: "Иванова Н. П.",
    note: "",
  };

  test("when, who, what, which sheet and rows, the episode codes — no names", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, {
      cases: [
        {
          Код: "В-1",
          Фамилия: "Сат",
          "Дата выявления": { date: "2026-10-01" },
          Уровень: 1,
          "Дата постановки": { date: "2026-10-05" },
          Протокол: "1",
        },
      ],
    });
    await gateway.readRegister();
    fake.resetCounters();
    const saved = await gateway.saveCase(draft, { today: TODAY });
    assert.equal(fake.syncCount, 1, "the case, its family, its steps and 3 journal rows: one sync");
    await gateway.markStepDone(saved.code, "meeting", "2026-11-20");
    await gateway.removeCase("В-1", {
      ground: "выбыл из школы",
      decisionNumber: "11",
      decisionDate: "2026-11-21",
    });
    await gateway.transferToLevel2(
      saved.code,
      { number: "КДН-40", date: "2026-11-22" },
      { today: TODAY }
    );
    await gateway.writeSettings({ "Совет отцов": "2" });
    const rows = tableRecords(fake, "tblJournal");
    assert.deepEqual(
      rows.map((r) => [r["Действие"], r["Лист"], r["Строки"], r["Код"]]),
      [
        ["новый случай", "Учёт", "3", "В-2"],
        ["новая семья", "Семьи", "2", "В-2"],
        ["регламентные шаги (постановка на учёт)", "Мероприятия", "2–10", "В-2"],
        ["выполнено: заседание", "Мероприятия", "4", "В-2"],
        ["снятие с учёта", "Учёт", "2", "В-1"],
        ["перевод на уровень 2 (СОП): случай уровня 1 закрыт", "Учёт", "3", "В-2"],
        ["перевод на уровень 2 (СОП): новый случай", "Учёт", "4", "В-3"],
        ["регламентные шаги (постановка на учёт, уровень 2)", "Мероприятия", "11–19", "В-3"],
        [
          "настройки",
          "Настройки",
          String(settingsRows().findIndex((r) => r["Параметр"] === "Совет отцов") + 2),
          "",
        ],
      ]
    );
    assert.ok(rows.every((r) => r["Кто"] === "надстройка"));
    const when = fake.table("tblJournal");
    const col = String.fromCharCode(65 + when.headers.indexOf("Когда"));
    const cell = fake.cell("Журнал", `${col}2`);
    assert.equal(cell.format, "dd.mm.yyyy hh:mm");
    assert.equal(excelSerialToIso(cell.value as number), "2026-11-23");
    assert.equal(Math.round(((cell.value as number) % 1) * 24 * 60), 14 * 60 + 5, "14:05");
    // No name, no address: only codes.
    const text = JSON.stringify(rows);
    for (const name of ["Ооржак", "Чечек", "Сат", "Айлана"]) {
      assert.ok(!text.includes(name), name);
    }
  });

  test("a write undone for a stale row takes its added rows and journal rows with it", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, {
      cases: [
        { Код: "В-1", Фамилия: "Сат", "Дата выявления": { date: "2026-11-02" } },
        { Код: "В-2", Фамилия: "Ооржак", "Дата выявления": { date: "2026-11-02" } },
      ],
    });
    await gateway.readRegister();
    const actions = fake.table("tblActions").rows.length;
    const journal = fake.table("tblJournal").rows.length;
    // Someone inserts a row above В-2 by hand: the snapshot now points at the wrong row.
    fake.model.addTableRows(fake.model.findTable("tblCases")!, 0, [
      CASE_COLUMNS.map((h) => (h === "Код" ? "В-0" : "")),
    ]);
    await assert.rejects(
      gateway.saveCase(
        { ...draft, code: "В-2", newFamily: null, familyCode: "" },
        { today: TODAY }
      ),
      /Книга изменилась после загрузки данных/
    );
    assert.equal(fake.table("tblActions").rows.length, actions, "the steps are taken back");
    assert.equal(fake.table("tblJournal").rows.length, journal, "so is the journal row");
    assert.ok(fake.table("tblActions").rows.every((r) => r.every((v) => v === "")));
    assert.equal(tableRecords(fake, "tblCases")[2]?.["Фамилия"], "Ооржак");
  });
});

describe("removal and transfer need the body's decision", () => {
  test("no decision number: refused in Russian naming the right body, nothing written", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, {
      cases: [
        {
          Код: "В-1",
          "Дата выявления": { date: "2026-10-01" },
          Уровень: 1,
          "Дата постановки": { date: "2026-10-05" },
          Протокол: "1",
        },
        {
          Код: "В-2",
          "Дата выявления": { date: "2026-10-01" },
          Уровень: 2,
          "Дата постановки": { date: "2026-10-05" },
          Протокол: "КДН-3",
        },
      ],
    });
    await gateway.readRegister();
    fake.resetCounters();
    const cases: [string, RegExp][] = [
      ["В-1", /нужно решение — укажите номер и дату протокола Совета профилактики/],
      ["В-2", /нужно решение — укажите номер и дату постановления КДН и ЗП/],
    ];
    for (const [code, message] of cases) {
      await assert.rejects(
        gateway.removeCase(code, {
          ground: "положительная динамика",
          decisionNumber: " ",
          decisionDate: "2026-11-20",
        }),
        message
      );
    }
    await assert.rejects(
      gateway.removeCase("В-2", {
        ground: "положительная динамика",
        decisionNumber: "8",
        decisionDate: "2026-10-01",
      }),
      /дата постановления КДН и ЗП 01\.10\.2026 раньше постановки на учёт \(05\.10\.2026\)/
    );
    await assert.rejects(
      gateway.transferToLevel2("В-1", { number: "", date: "2026-11-20" }, { today: TODAY }),
      /укажите номер и дату постановления КДН и ЗП/
    );
    assert.equal(fake.syncCount, 0);
    fake.resetCounters();
    await gateway.removeCase("В-2", {
      ground: "положительная динамика",
      decisionNumber: "КДН-9",
      decisionDate: "2026-11-20",
    });
    assert.equal(fake.syncCount, 1, "a removal: one sync");
    const e = (await gateway.readRegister()).register.episodes.find((x) => x.code === "В-2");
    assert.deepEqual(
      [e?.removed, e?.removalReason, e?.removalProtocol],
      ["2026-11-20", "положительная динамика", "КДН-9"]
    );
  });
});
