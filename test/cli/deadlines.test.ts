/**
 * `vshu deadlines` through the real binary (`npm run build:cli` first) on real .xlsx registers:
 * the lines for people (name, class, curator), `--all`, `--by-curator`, the JSON fields, the
 * school's own deadlines, the school's «Регламент» and «Регион»; bad «Регламент» and «Регион»
 * values exit 1 naming sheet, row and column, with nothing printed and the register untouched.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { buildRegisterWorkbook, type SheetRows } from "../../src/cli/xlsx/writeRegister";
import { defaultSettings } from "../../src/core/register/defaults";

const dir = mkdtempSync(join(tmpdir(), "vshu-deadlines-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");

function vshu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
const d = (date: string) => ({ date });

const CASES: SheetRows = [
  {
    Код: "В-1",
    Фамилия: "Монгуш",
    Имя: "Айдыс",
    Отчество: "Оолакович",
    Класс: "7Б",
    "Дата выявления": d("2026-11-02"),
    Показатели: "Р2",
    Уровень: 1,
    "Дата постановки": d("2026-11-09"),
    Куратор: "Сагаан-оол Ч. К.",
  },
  {
    Код: "В-2",
    Фамилия: "Ооржак",
    Имя: "Чечек",
    Класс: "5А",
    "Дата выявления": d("2026-11-16"),
    Показатели: "С14",
  },
];

const ACTIONS: SheetRows = [
  { Код: "В-1", Шаг: "информирование", Выполнено: d("2026-11-02") },
  { Код: "В-1", Шаг: "приказ", Ответственный: "Иргит А. А.", Выполнено: d("2026-11-09") },
];

interface BookOptions {
  readonly region?: string;
  readonly regulation?: SheetRows;
  readonly cases?: SheetRows;
}

async function book(name: string, opts: BookOptions = {}): Promise<string> {
  const settings: SheetRows = [
    ...defaultSettings({ school: "Школа", district: "Кызыл", startYear: 2026 }).map(([p, v]) => ({
      Параметр: p,
      Значение: v,
    })),
    { Параметр: "Версия книги", Значение: 2 },
    { Параметр: "Регион", Значение: opts.region ?? "Республика Тыва" },
    { Параметр: "Заместитель директора по ВР ФИО", Значение: "Ондар Б. Б." },
  ];
  const wb = buildRegisterWorkbook({
    sheets: {
      settings,
      cases: opts.cases ?? CASES,
      actions: ACTIONS,
      ...(opts.regulation ? { regulation: opts.regulation } : {}),
    },
  });
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The row of «Регион» on «Настройки»: the header, then the settings in order. */
function regionRow(): number {
  const params = defaultSettings({ school: "", district: "", startYear: 2026 }).length;
  return 2 + params + 1;
}

let plain: string;
before(async () => {
  plain = await book("plain.xlsx");
});

describe("vshu deadlines: lines for people", () => {
  test("every line names the child, the class and the curator; done steps hidden", () => {
    const r = vshu("deadlines", plain, "--on", "2026-11-23");
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split("\n");
    assert.match(
      lines[0] ?? "",
      /^Сроки на 23\.11\.2026: \d+ шаг.* \(выполненные скрыты: 2; показать все: --all\)$/
    );
    const meeting = lines.find((l) => l.includes("заседание коллегиального органа"));
    assert.equal(
      meeting,
      "  В-1 Монгуш Айдыс Оолакович, 7Б, куратор: Сагаан-оол Ч. К. | заседание коллегиального органа (разработка ИПС/ИПК) | срок 16.11.2026 | просрочено"
    );
    assert.ok(
      lines.includes(
        "  В-2 Ооржак Чечек, 5А, отв.: заместитель директора по ВР | приказ о постановке на учёт | срок 30.11.2026 | предстоит"
      ),
      r.stdout
    );
    assert.ok(
      lines.includes(
        "  Школа, отв.: Ондар Б. Б. | отчёт в министерство за ноябрь 2026 г. | срок 07.12.2026 | предстоит | срок перенесён с 05.12.2026 (сб) на 07.12.2026 (пн)"
      ),
      r.stdout
    );
    assert.ok(!r.stdout.includes("Выполнено:"), "no done section without --all");
    assert.ok(!r.stdout.includes("информирование субъектов профилактики | срок 02.11.2026"));
  });

  test("--all shows the steps already done with their dates", () => {
    const r = vshu("deadlines", plain, "--on", "2026-11-23", "--all");
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!r.stdout.includes("скрыты"));
    assert.ok(r.stdout.includes("\n\nВыполнено: 2\n"), r.stdout);
    assert.ok(
      r.stdout.includes(
        "  В-1 Монгуш Айдыс Оолакович, 7Б, куратор: Сагаан-оол Ч. К. | приказ о постановке на учёт | срок 16.11.2026 | выполнено 09.11.2026"
      ),
      r.stdout
    );
  });

  test("--by-curator groups the lines: curators first, then the responsible persons (А–Я)", () => {
    const r = vshu("deadlines", plain, "--on", "2026-11-23", "--by-curator");
    assert.equal(r.status, 0, r.stderr);
    const heads = r.stdout.split("\n").filter((l) => /^(Куратор|Ответственный): /.test(l));
    assert.deepEqual(
      heads.map((h) => h.replace(/ — \d+ шаг.*$/, "")),
      [
        "Куратор: Сагаан-оол Ч. К.",
        "Ответственный: заместитель директора по ВР",
        "Ответственный: Ондар Б. Б.",
        "Ответственный: социальный педагог",
      ]
    );
    const group = r.stdout.split("\n\n").find((b) => b.startsWith("Куратор: Сагаан-оол"));
    assert.ok(group?.includes("    В-1 Монгуш Айдыс Оолакович, 7Б | заседание"), group);
    assert.ok(!group?.includes("В-2"), "another child is not in this curator's group");
  });

  test("--json: the contract's keys plus the fields for people; the school's rows with case null", () => {
    const r = vshu("deadlines", plain, "--on", "2026-11-23", "--json");
    assert.equal(r.status, 0, r.stderr);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    const order = items.find((i) => i["case"] === "В-1" && i["step"] === "order");
    assert.deepEqual(order, {
      case: "В-1",
      step: "order",
      due: "2026-11-16",
      done: "2026-11-09",
      status: "выполнено",
      child: "Монгуш Айдыс Оолакович",
      class: "7Б",
      curator: "Сагаан-оол Ч. К.",
      responsible: "Иргит А. А.",
      period: null,
      lastDone: "2026-11-09",
      note: null,
    });
    assert.deepEqual(
      items.filter((i) => i["case"] === null).map((i) => [i["step"], i["period"], i["due"]]),
      [
        ["monthlyReport", "2026-11", "2026-12-07"],
        ["quarterRegister", "2026-Q4", "2027-01-11"],
      ]
    );
  });
});

describe("vshu deadlines: the school's «Регламент» and «Регион»", () => {
  const SHAGAA_CASE: SheetRows = [
    {
      Код: "В-1",
      Фамилия: "Сат",
      Имя: "Омак",
      "Дата выявления": d("2026-02-04"),
      Показатели: "Р2",
    },
  ];
  const orderDue = (file: string): unknown => {
    const r = vshu("deadlines", file, "--on", "2026-02-05", "--json");
    assert.equal(r.status, 0, r.stderr);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    return items.find((i) => i["step"] === "order");
  };

  test("Tyva: 04.02.2026 + 14 days is Шагаа 18.02 → 19.02; the federal calendar keeps 18.02", async () => {
    const tyva = orderDue(await book("tyva.xlsx", { cases: SHAGAA_CASE, region: "Тыва" })) as {
      due: string;
      note: string;
    };
    assert.equal(tyva.due, "2026-02-19");
    assert.equal(
      tyva.note,
      "срок перенесён с 18.02.2026 (ср) на 19.02.2026 (чт): 18.02.2026 — Шагаа, нерабочий день в Республике Тыва"
    );
    const federal = orderDue(
      await book("rf.xlsx", { cases: SHAGAA_CASE, region: "Российская Федерация" })
    ) as { due: string };
    assert.equal(federal.due, "2026-02-18");
  });

  test("the sheet's periods: 10 days for the order, level 2 not tracked", async () => {
    const file = await book("profile.xlsx", {
      regulation: [
        { Шаг: "приказ", "От чего": "выявление", "Уровень 1": "10 дн.", "Уровень 2": "" },
      ],
    });
    const r = vshu("deadlines", file, "--on", "2026-11-23", "--json");
    assert.equal(r.status, 0, r.stderr);
    const items = JSON.parse(r.stdout) as Record<string, unknown>[];
    const orders = items.filter((i) => i["step"] === "order").map((i) => [i["case"], i["due"]]);
    // В-1 (level 1): 02.11 + 10 = 12.11; В-2 (С14, not registered: level 2): not tracked.
    assert.deepEqual(orders, [["В-1", "2026-11-12"]]);
  });
});

describe("vshu deadlines: bad «Регламент» and «Регион»", () => {
  const bad: { name: string; opts: BookOptions; expect: string[] }[] = [
    {
      name: "a period that cannot be read",
      opts: {
        regulation: [
          { Шаг: "приказ", "От чего": "выявление", "Уровень 1": "14 дн." },
          { Шаг: "заседание", "От чего": "постановка", "Уровень 1": "неделя" },
        ],
      },
      expect: ["лист «Регламент»", "строка 3", "столбец «Уровень 1»", "«неделя» — не срок"],
    },
    {
      name: "an unknown step",
      opts: { regulation: [{ Шаг: "совещание", "От чего": "выявление", "Уровень 1": "7 дн." }] },
      expect: ["лист «Регламент»", "строка 2", "столбец «Шаг»", "неизвестный шаг «совещание»"],
    },
    {
      name: "an unknown base",
      opts: { regulation: [{ Шаг: "приказ", "От чего": "звонок", "Уровень 1": "7 дн." }] },
      expect: ["лист «Регламент»", "строка 2", "столбец «От чего»", "«звонок»"],
    },
    {
      name: "a region the program does not know",
      opts: { region: "Бурятия" },
      expect: [
        "лист «Настройки»",
        `строка ${regionRow()}`,
        "столбец «Значение»",
        "«Регион»",
        "«Бурятия»",
        "«Республика Тыва»",
        "«Календарь»",
      ],
    },
  ];
  for (const c of bad) {
    test(`${c.name}: exit 1, located Russian message, nothing printed, register untouched`, async () => {
      const file = await book(`${c.name.replace(/\s+/g, "_")}.xlsx`, c.opts);
      const before = sha(file);
      for (const json of [false, true]) {
        const r = vshu("deadlines", file, "--on", "2026-11-23", ...(json ? ["--json"] : []));
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stdout, "");
        assert.ok(r.stderr.includes(file), r.stderr);
        for (const fragment of c.expect) {
          assert.ok(r.stderr.includes(fragment), `«${fragment}» missing from: ${r.stderr}`);
        }
      }
      assert.equal(sha(file), before, "the register is untouched");
    });
  }
});

describe("vshu deadlines: the monthly report sent with vshu send", () => {
  test("without a send log the report due next only; with one, last month's sent or overdue", async () => {
    const { mkdirSync, copyFileSync } = await import("node:fs");
    const { appendSendLog } = await import("../../src/cli/mail/sendLog");
    const folder = join(dir, "sent");
    mkdirSync(folder);
    const file = join(folder, "книга.xlsx");
    copyFileSync(plain, file);
    const monthly = (): { period: unknown; due: unknown; status: unknown; done: unknown }[] => {
      const r = vshu("deadlines", file, "--on", "2026-12-10", "--json");
      assert.equal(r.status, 0, r.stderr);
      return (JSON.parse(r.stdout) as Record<string, unknown>[])
        .filter((x) => x["step"] === "monthlyReport")
        .map((x) => ({ period: x["period"], due: x["due"], status: x["status"], done: x["done"] }));
    };
    // No log: the program cannot know what was sent; only the report due next is listed.
    assert.deepEqual(
      monthly().map((m) => m.due),
      ["2027-01-11"]
    );
    // A log of another school's send: November's report is listed and overdue.
    const entry = {
      at: "04.12.2026 09:15:00",
      school: "Другая школа",
      period: "ноябрь 2026",
      from: "2026-11-01",
      to: "2026-11-30",
      recipient: "yospitanie17@yandex.ru",
      file: "Отчёт.xlsx",
      sha256: "0".repeat(64),
      reply: "250 OK",
      messageId: "<1@vshu>",
    };
    await appendSendLog(folder, entry);
    const overdue = monthly().find((m) => m.due === "2026-12-07");
    assert.equal(overdue?.status, "просрочено");
    // This school's send: done on the day it was sent.
    await appendSendLog(folder, { ...entry, school: "Школа" });
    const done = monthly().find((m) => m.due === "2026-12-07");
    assert.equal(done?.status, "выполнено");
    assert.equal(done?.done, "2026-12-04");
  });
});
