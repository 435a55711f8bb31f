/**
 * The Office.js adapter against the fake Excel: the register laid out and read back, a case
 * saved in one sync into tables whose columns are shuffled, text that must stay text, the
 * regulated steps with their due dates, marking a step done, a transfer to level 2, stale
 * snapshots, and the user's own cells. (The report: gatewayReport.test.ts; hosts of each
 * ExcelApi level: gatewayHosts.test.ts.)
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { excelSerialToIso } from "../../src/core/dates/isoDate";
import { CASE_COLUMNS, SHEET, SHEET_ORDER } from "../../src/core/register/schema";
import { columnLayout } from "../../src/core/register/layout";
import { columnsOf, LAYOUT_KEYS, tableNameOf } from "../../src/excel/tables";
import { STALE_MESSAGE, TRANSFER_REASON } from "../../src/excel/excelGateway";
import { seedRegister } from "../support/fakeRegister";
import { draft, MB5, rowOf, setup, SHUFFLED_CASES, TODAY } from "./gatewaySetup";

describe("createRegister + readRegister", () => {
  test("lays out every sheet like `vshu init` and reads back without issues", async () => {
    const { fake, gateway } = setup();
    const result = await gateway.createRegister({
      school: "Школа № 5",
      district: "Кызыл",
      schoolYear: "2026/2027",
      today: TODAY,
    });
    assert.equal(fake.syncCount, 2);
    assert.deepEqual(result.skipped, []);
    for (const key of SHEET_ORDER) {
      assert.ok(result.created.includes(SHEET[key]), SHEET[key]);
    }
    assert.ok(result.created.includes("Календарь"));
    assert.deepEqual(fake.table("tblCases").headers, [...CASE_COLUMNS]);
    assert.equal(fake.cell("Учёт", "B2").format, "@");
    assert.equal(fake.cell("Учёт", "E2").format, "dd.mm.yyyy");
    assert.equal(fake.cell("Учёт", "E501").format, "dd.mm.yyyy");
    const sheet = fake.model.findSheet("Учёт");
    assert.ok(sheet?.validations.some((v) => v.address === "Учёт!K2:K502"));
    assert.equal(sheet?.frozenRows, 1);
    assert.equal(sheet?.pageLayout["orientation"], "Landscape");

    // Every table as `vshu init` lays it out: headers, formats and lists from layout.ts.
    for (const key of LAYOUT_KEYS) {
      const t = fake.table(tableNameOf(key));
      assert.deepEqual(t.headers, [...columnsOf(key)], key);
      const s = fake.model.findSheet(t.sheet);
      columnsOf(key).forEach((h, i) => {
        const l = columnLayout(h);
        const letter = String.fromCharCode(65 + i);
        const want = l.kind === "date" ? "dd.mm.yyyy" : l.kind === "text" ? "@" : "General";
        if (key !== "settings") {
          assert.equal(fake.cell(t.sheet, `${letter}300`).format, want, `${key} ${h}`);
        }
        const v = s?.validations.find((x) =>
          new RegExp(`!${letter}2:${letter}5\\d\\d$`).test(x.address)
        );
        if (l.list) {
          assert.deepEqual(
            v?.rule,
            { list: { inCellDropDown: true, source: l.list.join(",") } },
            `${key} ${h}`
          );
        }
      });
    }
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.settings.school, "Школа № 5");
    assert.deepEqual(read.register.settings.quarters.II, { from: "2026-11-05", to: "2026-12-28" });
    assert.equal(read.register.episodes.length, 0);
    assert.deepEqual(await gateway.hasRegister(), { present: true, missing: [] });
    // Version 2 from the start: its parameters, the seed's «Регламент», the first «Журнал» row.
    assert.equal(read.register.settings.version, 2);
    assert.equal(read.register.settings.region, "Республика Тыва");
    assert.equal(read.register.regulation.fromSheet, true);
    assert.equal(fake.table("tblRegulation").rows.length, 9);
    assert.equal((await gateway.upgradeStatus()).state, "current");
    const journal = fake.table("tblJournal");
    assert.equal(journal.rows.length, 1);
    assert.equal(journal.rows[0]?.[journal.headers.indexOf("Действие")], "создание книги учёта");
    assert.equal(journal.rows[0]?.[journal.headers.indexOf("Кто")], "надстройка");
  });

  test("keeps existing tables, skips filled sheets, reuses empty ones, touches nothing else", async () => {
    const { fake, gateway } = setup({ sheets: ["Лист1", "Семьи"] });
    fake.type("Лист1", "A1", [["мои заметки", "=СУММ(1;2)"]]);
    fake.seed("Учёт", [["Заметка классного руководителя"]]);
    fake.seed(
      "Помощь",
      [
        ["Код", "Дата", "Вид помощи", "Содержание"],
        ["", "", "", ""],
      ],
      { table: "tblAssistance" }
    );
    const result = await gateway.createRegister({
      school: "Ш",
      district: "Р",
      schoolYear: "2026/2027",
      today: TODAY,
    });
    assert.equal(result.skipped.length, 1);
    assert.equal(result.skipped[0]?.sheet, "Учёт");
    assert.match(result.skipped[0]?.reason ?? "", /уже есть и заполнен/);
    assert.deepEqual(result.kept, ["Помощь"]);
    assert.ok(result.created.includes("Семьи"));
    assert.deepEqual(fake.values("Учёт", "A1:B1"), [["Заметка классного руководителя", ""]]);
    assert.deepEqual(fake.values("Лист1", "A1"), [["мои заметки"]]);
    assert.equal(fake.cell("Лист1", "B1").formula, "=СУММ(1;2)");
    // «Учёт» exists (with the user's note), so the register counts as present; reading it
    // reports the missing columns instead of overwriting the note.
    const read = await gateway.readRegister();
    assert.ok(read.issues.some((i) => i.sheet === "Учёт" && /нет столбца «Код»/.test(i.message)));
  });
});

describe("finding the tables", () => {
  test("by contract name (3 syncs), by sheet + its first table, or by headers on a plain sheet", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, { cases: [{ Код: "В-1", Фамилия: "Сат" }] });
    fake.model.renameTable(fake.model.findTable("tblFamilies")!, "МоиСемьи");
    fake.type("Семьи", "A2", [["Ф-1", "полная"]]);
    // «Служба» typed by hand: a title, then the header row, no Excel table.
    const service = fake.model.findSheet("Служба")!;
    service.tables.length = 0;
    service.values.clear();
    fake.type("Служба", "A1", [
      ["Журнал службы"],
      [""],
      ["Дата", "Вид работы", "Количество", "Охвачено", "Примечание"],
    ]);
    fake.type("Служба", "A4", [[46270, "тренинг", 1, 12, "x"]]);
    fake.resetCounters();
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.families[0]?.code, "Ф-1");
    assert.equal(read.register.service[0]?.covered, 12);
    assert.equal(read.snapshot.tables.families?.table, "МоиСемьи");
    assert.equal(read.snapshot.tables.service?.table, null);
    assert.equal(read.snapshot.tables.service?.headerRow, 2);
    assert.equal(fake.syncCount, 4); // names, addresses, the first table's address, values
    await gateway.addService({
      date: "2026-11-11",
      kind: "trainings",
      count: 2,
      covered: 15,
      note: "",
    });
    assert.deepEqual(fake.values("Служба", "B5:D5"), [["тренинг", 2, 15]]);
    const again = await gateway.readRegister();
    assert.equal(again.register.service.length, 2);
    fake.resetCounters();
    const plain = setup();
    seedRegister(plain.fake);
    await plain.gateway.readRegister();
    assert.equal(plain.fake.syncCount, 3);
  });
});

describe("saveCase", () => {
  test("one sync; the row lands by header in shuffled columns with a user column left alone", async () => {
    const { fake, gateway } = setup();
    seedRegister(
      fake,
      { cases: [{ Код: "В-7", Фамилия: "Сат", "Моя заметка": "своё" }] },
      { headers: { cases: SHUFFLED_CASES } }
    );
    await gateway.readRegister();
    fake.resetCounters();
    const saved = await gateway.saveCase(draft(), { today: TODAY });
    assert.equal(fake.syncCount, 1);
    assert.equal(saved.code, "В-8");
    assert.equal(saved.row, 3);
    assert.equal(saved.stepsAdded, 9);
    assert.equal(saved.upgraded, null);
    const row = rowOf(fake, "tblCases", 1);
    assert.equal(row["Код"], "В-8");
    assert.equal(row["Фамилия"], "Монгуш");
    assert.equal(row["Показатели"], "Р2, Р5");
    assert.equal(row["Уровень"], "1");
    assert.equal(excelSerialToIso(row["Дата постановки"] as number), "2026-11-14");
    assert.equal(row["Моя заметка"], "");
    assert.equal(rowOf(fake, "tblCases", 0)["Моя заметка"], "своё");
    assert.equal(fake.cell("Учёт", "G3").format, "dd.mm.yyyy"); // «Дата постановки», 7th from the right end
    for (const r of fake.requests) {
      assert.ok(r.bytes < MB5);
    }
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.episodes.find((e) => e.code === "В-8")?.registered, "2026-11-14");
  });

  test("text beginning with = + - @ stays text", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    await gateway.readRegister();
    const saved = await gateway.saveCase(
      draft({
        lastName: '=HYPERLINK("http://evil.example","x")',
        firstName: "+7 999 123-45-67",
        patronymic: "-1",
        className: "@x",
        familyCode: "Ф-1",
        newFamily: {
          code: "Ф-1",
          status: ["полная"],
          mother: "=1+1",
          father: "",
          guardian: "",
          address: "",
          registrationAddress: "",
          phone: "+79991234567",
        },
      }),
      { today: TODAY }
    );
    const row = rowOf(fake, "tblCases", 0);
    assert.equal(row["Фамилия"], '=HYPERLINK("http://evil.example","x")');
    assert.equal(row["Имя"], "+7 999 123-45-67");
    assert.equal(row["Отчество"], "-1");
    assert.equal(row["Класс"], "@x");
    for (const col of ["B", "C", "D", "F"]) {
      assert.equal(fake.cell("Учёт", `${col}${saved.row}`).formula, null, col);
    }
    const family = rowOf(fake, "tblFamilies", 0);
    assert.equal(family["Мать"], "=1+1");
    assert.equal(family["Телефон"], "+79991234567");
    const read = await gateway.readRegister();
    assert.equal(read.register.episodes[0]?.lastName, '=HYPERLINK("http://evil.example","x")');
    assert.equal(read.register.families[0]?.phone, "+79991234567");
  });

  test("registration adds the regulated steps with their due dates (ГК РФ ст. 191–193)", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    await gateway.readRegister();
    await gateway.saveCase(draft(), { today: TODAY });
    const rows = fake.table("tblActions").rows;
    const headers = fake.table("tblActions").headers;
    const due = Object.fromEntries(
      rows.map((r) => [
        r[headers.indexOf("Шаг")],
        excelSerialToIso(r[headers.indexOf("Срок")] as number),
      ])
    );
    assert.deepEqual(due, {
      информирование: "2026-11-02",
      приказ: "2026-11-16",
      заседание: "2026-11-23",
      "выход в семью": "2026-11-23",
      обследование: "2026-11-23",
      характеристика: "2026-11-23",
      наблюдение: "2026-11-30",
      успешность: "2026-12-14",
      "пересмотр ИПС": "2026-12-28",
    });
    assert.ok(rows.every((r) => r[headers.indexOf("Код")] === "В-1"));
  });

  test("editing a case rewrites its row in one sync; a stale snapshot is undone with a Russian message", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, {
      cases: [
        { Код: "В-1", Фамилия: "Сат", Уровень: null },
        { Код: "В-2", Фамилия: "Ооржак" },
      ],
    });
    await gateway.readRegister();
    fake.resetCounters();
    await gateway.saveCase(
      draft({ code: "В-2", lastName: "Ооржак-Сат", level: null, registered: null }),
      { today: TODAY }
    );
    assert.equal(fake.syncCount, 1);
    assert.equal(rowOf(fake, "tblCases", 1)["Фамилия"], "Ооржак-Сат");
    // Someone inserts a row above В-2 by hand: the snapshot now points at the wrong row.
    fake.model.addTableRows(fake.model.findTable("tblCases")!, 0, [
      CASE_COLUMNS.map((h) => (h === "Код" ? "В-0" : "")),
    ]);
    await assert.rejects(
      gateway.saveCase(draft({ code: "В-2", lastName: "Х", level: null, registered: null }), {
        today: TODAY,
      }),
      {
        message: STALE_MESSAGE,
      }
    );
    assert.equal(rowOf(fake, "tblCases", 1)["Код"], "В-1");
    assert.equal(rowOf(fake, "tblCases", 1)["Фамилия"], "Сат");
  });
});

describe("stale snapshots never cost the user's cells", () => {
  test("a new table's empty row typed into meanwhile is given back; the case goes below", async () => {
    const { fake, gateway } = setup();
    await gateway.createRegister({
      school: "Ш",
      district: "Р",
      schoolYear: "2026/2027",
      today: TODAY,
    });
    await gateway.readRegister();
    fake.type("Учёт", "A2:B2", [["В-50", "Ооржак"]]);
    fake.resetCounters();
    const saved = await gateway.saveCase(draft({ registered: null, level: null }), {
      today: TODAY,
    });
    assert.equal(fake.syncCount, 3, "the write, the repair, «Строки» of the journal corrected");
    assert.deepEqual(fake.values("Учёт", "A2:B2"), [["В-50", "Ооржак"]]);
    assert.equal(saved.row, 3);
    const journal = fake.table("tblJournal");
    const last = journal.rows[journal.rows.length - 1] ?? [];
    assert.deepEqual(
      [last[journal.headers.indexOf("Лист")], last[journal.headers.indexOf("Строки")]],
      ["Учёт", "3"]
    );
    const read = await gateway.readRegister();
    assert.deepEqual(
      read.register.episodes.map((e) => e.code),
      ["В-50", saved.code]
    );
  });

  test("a plain sheet's next row typed into meanwhile is given back and the entry refused", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    const service = fake.model.findSheet("Служба")!;
    service.tables.length = 0;
    service.values.clear();
    fake.type("Служба", "A1", [["Дата", "Вид работы", "Количество", "Охвачено", "Примечание"]]);
    await gateway.readRegister();
    fake.type("Служба", "A2", [["запись от руки"]]);
    await assert.rejects(
      gateway.addService({ date: "2026-11-11", kind: "trainings", count: 1, covered: 1, note: "" }),
      { message: STALE_MESSAGE }
    );
    assert.deepEqual(fake.values("Служба", "A2:B2"), [["запись от руки", ""]]);
  });
});

describe("steps, transfer, entries", () => {
  test("markStepDone writes «Выполнено» on the open row in one sync", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    await gateway.readRegister();
    const { code } = await gateway.saveCase(draft(), { today: TODAY });
    fake.resetCounters();
    await gateway.markStepDone(code, "meeting", "2026-11-20");
    assert.equal(fake.syncCount, 1);
    const read = await gateway.readRegister();
    const meeting = read.register.actions.find((a) => a.caseCode === code && a.step === "meeting");
    assert.equal(meeting?.done, "2026-11-20");
    await gateway.markStepDone(code, "observation", "2026-11-21");
    const again = await gateway.readRegister();
    assert.equal(
      again.register.actions.filter((a) => a.step === "observation" && a.done === "2026-11-21")
        .length,
      1
    );
  });

  test("transferToLevel2 ends the level-1 episode «переведён в СОП» and opens the level-2 one", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake);
    await gateway.readRegister();
    const { code } = await gateway.saveCase(draft(), { today: TODAY });
    fake.resetCounters();
    const { code: newCode } = await gateway.transferToLevel2(
      code,
      { number: "12", date: "2026-12-01" },
      { today: TODAY }
    );
    assert.equal(fake.syncCount, 1);
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    const old = read.register.episodes.find((e) => e.code === code);
    const next = read.register.episodes.find((e) => e.code === newCode);
    assert.equal(old?.removed, "2026-12-01");
    assert.equal(old?.removalReason, TRANSFER_REASON);
    assert.equal(next?.level, 2);
    assert.equal(next?.registered, "2026-12-01");
    assert.equal(next?.protocol, "12");
    assert.equal(old?.removalProtocol, "12", "the постановление ended the level-1 episode");
    assert.equal(old?.childKey, next?.childKey);
    assert.equal(read.register.actions.filter((a) => a.caseCode === newCode).length, 9);
  });

  test("quick entries add one row each in one sync", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, { cases: [{ Код: "В-1", Фамилия: "Сат" }] });
    await gateway.readRegister();
    fake.resetCounters();
    await gateway.addAssistance({
      caseCode: "В-1",
      date: "2026-11-10",
      kind: "financial",
      content: "=опасно",
    });
    await gateway.addActivity({
      caseCode: "В-1",
      kind: "sports",
      name: "Борьба",
      start: "2026-09-01",
      end: null,
    });
    await gateway.addService({
      date: "2026-11-11",
      kind: "trainings",
      count: 2,
      covered: 15,
      note: "",
    });
    await gateway.removeCase("В-1", {
      ground: "исправление поведения",
      decisionNumber: "4",
      decisionDate: "2026-11-20",
    });
    assert.equal(fake.syncCount, 4);
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.assistance[0]?.content, "=опасно");
    assert.equal(read.register.assistance[0]?.kind, "financial");
    assert.equal(read.register.activities[0]?.kind, "sports");
    assert.equal(read.register.service[0]?.covered, 15);
    assert.equal(read.register.episodes[0]?.removed, "2026-11-20");
    assert.equal(read.register.episodes[0]?.removalProtocol, "4");
  });

  test("settings read as text and written back", async () => {
    const { gateway, fake } = setup();
    seedRegister(fake);
    await gateway.readRegister();
    const settings = await gateway.readSettings();
    assert.equal(settings["I четверть с"], "01.09.2026");
    assert.equal(settings["Образовательная организация"], "Школа № 1");
    await gateway.writeSettings({
      "I четверть по": "25.10.2026",
      "Координатор телефон": "+7 394 22 0-00-00",
      Своя: "x",
    });
    const read = await gateway.readRegister();
    assert.deepEqual(read.issues, []);
    assert.equal(read.register.settings.quarters.I?.to, "2026-10-25");
    assert.equal(read.register.settings.coordinator.phone, "+7 394 22 0-00-00");
    assert.equal(read.register.settings.raw["Своя"], "x");
    await assert.rejects(gateway.writeSettings({ "II четверть с": "31.02.2026" }), /не дата/);
  });
});

describe("the user's own cells", () => {
  test("nothing outside the tables is overwritten by saving, entries and steps", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, {
      cases: [
        { Код: "В-1", Фамилия: "Сат", Уровень: "1", "Дата постановки": { date: "2026-10-01" } },
      ],
    });
    fake.type("Учёт", "A5", [["заметка под таблицей"]]);
    fake.type("Учёт", "T2", [["заметка справа"]]);
    fake.type("Мероприятия", "A4", [["план на каникулы"]]);
    await gateway.readRegister();
    await gateway.saveCase(draft(), { today: TODAY });
    await gateway.markStepDone("В-1", "visit", "2026-10-05");
    const notes = (sheet: string, text: string): string[] => {
      const s = fake.model.findSheet(sheet);
      const out: string[] = [];
      s?.values.forEach((v, k) => {
        if (v === text) {
          out.push(String(k));
        }
      });
      return out;
    };
    assert.equal(notes("Учёт", "заметка под таблицей").length, 1);
    assert.deepEqual(fake.values("Учёт", "T2"), [["заметка справа"]]);
    assert.equal(notes("Мероприятия", "план на каникулы").length, 1);
    const t = fake.table("tblCases");
    assert.equal(t.address, "Учёт!A1:R3");
    assert.deepEqual(fake.values("Учёт", "A6"), [["заметка под таблицей"]]);
  });

  test("selecting a row of «Учёт» reports its case", async () => {
    const { fake, gateway } = setup();
    seedRegister(fake, { cases: [{ Код: "В-1" }, { Код: "В-2" }] });
    await gateway.readRegister();
    const seen: string[] = [];
    const stop = await gateway.onCaseSelected((code) => seen.push(code));
    fake.select("Учёт", "C3");
    await stop();
    fake.select("Учёт", "C2");
    assert.deepEqual(seen, ["В-2"]);
    await gateway.goToCase("В-1");
    assert.equal(fake.model.selection?.rect.top, 1);
  });
});
