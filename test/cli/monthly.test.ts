/**
 * `vshu monthly`: the month due on a day (table), the report written beside the register and
 * never over anything else, kept while the register says the same, sent once per month to
 * «Адрес министерства» (the send log beside the register), and `readSentPeriods` for
 * `vshu deadlines`.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { runMonthly } from "../../src/cli/commands/monthly";
import { UserError } from "../../src/cli/errors";
import { readSendLog, readSentPeriods } from "../../src/cli/mail/sendLog";
import { readReportFile } from "../../src/cli/xlsx/readReport";
import {
  duePeriod,
  monthOfPeriod,
  periodName,
  periodPhrase,
} from "../../src/core/report/duePeriod";
import { startSmtp, type TestSmtp } from "../support/smtpServer";
import { CASES, smtpEnv, tempDir, writeBook } from "../support/smtpFixtures";

const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");
const SCHOOL = "МБОУ «СОШ № 1 г. Кызыла»";
const NOVEMBER = `Отчёт ВШУ ${SCHOOL} ноябрь 2026.xlsx`;
const quiet = { note: () => undefined, sleep: async () => undefined };

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    assert.ok(error instanceof UserError, `a UserError, got ${String(error)}`);
    return error.message;
  }
  assert.fail("expected the command to refuse");
}

describe("the month due on a day", () => {
  const cases: readonly [string, number, string, string, string, string, boolean][] = [
    // on, report day → month, from, to, deadline, late
    ["2026-12-01", 5, "2026-11", "2026-11-01", "2026-11-30", "2026-12-05", false],
    ["2026-12-05", 5, "2026-11", "2026-11-01", "2026-11-30", "2026-12-05", false],
    ["2026-12-06", 5, "2026-11", "2026-11-01", "2026-11-30", "2026-12-05", true],
    ["2026-12-31", 5, "2026-11", "2026-11-01", "2026-11-30", "2026-12-05", true],
    ["2027-01-03", 5, "2026-12", "2026-12-01", "2026-12-31", "2027-01-05", false],
    ["2027-03-10", 31, "2027-02", "2027-02-01", "2027-02-28", "2027-03-31", false],
    ["2027-02-10", 31, "2027-01", "2027-01-01", "2027-01-31", "2027-02-28", false],
    ["2028-03-01", 10, "2028-02", "2028-02-01", "2028-02-29", "2028-03-10", false],
    ["2026-12-07", 0, "2026-11", "2026-11-01", "2026-11-30", "2026-12-05", true],
    ["2026-12-07", 40, "2026-11", "2026-11-01", "2026-11-30", "2026-12-05", true],
  ];
  for (const [on, day, month, from, to, deadline, late] of cases) {
    test(`${on}, «День отчёта» ${day} → ${month}, due ${deadline}${late ? ", late" : ""}`, () => {
      assert.deepEqual(duePeriod(on, day), { month, from, to, deadline, late });
    });
  }

  test("periods are named as people say them", () => {
    assert.equal(periodName("2026-11-01", "2026-11-30"), "ноябрь 2026");
    assert.equal(periodName("2027-02-01", "2027-02-28"), "февраль 2027");
    assert.equal(periodName("2026-09-01", "2026-10-24"), "01.09.2026–24.10.2026");
    assert.equal(periodPhrase("2026-11-01", "2026-11-30"), "за ноябрь 2026 г.");
    assert.equal(periodPhrase("2026-11-01", "2026-11-29"), "за период 01.11.2026–29.11.2026");
    assert.equal(monthOfPeriod("2028-02-01", "2028-02-29"), "2028-02");
    assert.equal(monthOfPeriod("2027-02-01", "2027-02-29"), null);
    assert.equal(monthOfPeriod("2026-11-02", "2026-11-30"), null);
  });
});

describe("vshu monthly: the report beside the register", () => {
  test("written once, kept while the register says the same, never over another file", async () => {
    const dir = tempDir("monthly");
    const book = await writeBook(join(dir, "книга учёта.xlsx"), {
      ministryAddress: "minobr@example.ru",
    });
    const bookBytes = readFileSync(book);

    const first = await runMonthly({ book, on: "2026-12-03", env: {}, ...quiet });
    assert.match(first, /Отчёт за ноябрь 2026: срок сдачи — 05\.12\.2026\./);
    const target = join(dir, NOVEMBER);
    assert.match(first, new RegExp(`Отчёт записан: .*${NOVEMBER.replace(/[.()«»№]/g, ".")}`));
    const report = await readReportFile(target, { printed: true });
    assert.equal(report.report.from, "2026-11-01");
    assert.equal(report.report.to, "2026-11-30");
    assert.equal(report.report.register.level2.total.registered.children, 1, "В-2, November");
    assert.equal(report.report.register.level1.total.onRegister.children, 1, "В-1, October");
    assert.equal(report.meta.ministryAddress, "minobr@example.ru");
    assert.ok(readFileSync(book).equals(bookBytes), "the register is untouched");

    const again = await runMonthly({ book, on: "2026-12-04", env: {}, ...quiet });
    assert.match(again, /данные книги учёта не изменились/);
    assert.ok(readFileSync(target).equals(report.bytes), "the report is not rewritten");

    await writeBook(book, {
      ministryAddress: "minobr@example.ru",
      cases: [
        ...CASES,
        {
          Код: "В-3",
          Фамилия: "Куулар",
          Имя: "Саян",
          "Дата рождения": { date: "2013-05-05" },
          "Дата выявления": { date: "2026-11-02" },
          Показатели: "Р7",
          Уровень: 1,
          "Дата постановки": { date: "2026-11-09" },
        },
      ],
    });
    const changed = await refusal(runMonthly({ book, on: "2026-12-04", env: {}, ...quiet }));
    assert.match(
      changed,
      /отчёт за ноябрь 2026 уже построен, но данные книги учёта с тех пор изменились/
    );
    assert.match(changed, /--force/);
    assert.ok(readFileSync(target).equals(report.bytes));

    await runMonthly({ book, on: "2026-12-04", force: true, env: {}, ...quiet });
    const rebuilt = await readReportFile(target);
    assert.equal(rebuilt.report.register.level1.total.registered.children, 1, "В-3 now counted");

    const january = await runMonthly({ book, on: "2027-01-02", env: {}, ...quiet });
    assert.match(january, /Отчёт за декабрь 2026: срок сдачи — 05\.01\.2027/);
    assert.ok(readdirSync(dir).includes(`Отчёт ВШУ ${SCHOOL} декабрь 2026.xlsx`));
  });

  test("a file of the report's name that is not that report is never overwritten, even with --force", async () => {
    const dir = tempDir("monthly-foreign");
    const book = await writeBook(join(dir, "книга.xlsx"));
    const target = join(dir, NOVEMBER);
    writeFileSync(target, "мой файл");
    for (const force of [false, true]) {
      const message = await refusal(
        runMonthly({ book, on: "2026-12-03", force, env: {}, ...quiet })
      );
      assert.match(message, /файл уже есть, и это не отчёт ВШУ за ноябрь 2026 — не перезаписываю/);
    }
    assert.equal(readFileSync(target, "utf8"), "мой файл");
  });
});

describe("vshu monthly --send", () => {
  let server: TestSmtp;
  before(async () => {
    server = await startSmtp();
  });
  after(() => server.close());

  test("sends the month once to «Адрес министерства», and the month shows as sent", async () => {
    const dir = tempDir("monthly-send");
    const book = await writeBook(join(dir, "книга.xlsx"), { ministryAddress: "minobr@example.ru" });
    const env = smtpEnv(dir, server);
    const before = server.messages.length;

    const sent = await runMonthly({ book, on: "2026-12-02", send: true, env, ...quiet });
    assert.match(sent, /Отчёт отправлен: minobr@example\.ru \(ответ сервера: 250 /);
    assert.equal(server.messages.length, before + 1);
    assert.deepEqual(server.recipients.at(-1), ["minobr@example.ru"]);
    const mail = await simpleParser(server.messages.at(-1) ?? Buffer.alloc(0));
    assert.equal(mail.attachments[0]?.filename, NOVEMBER);
    assert.ok(mail.attachments[0]?.content.equals(readFileSync(join(dir, NOVEMBER))));
    assert.deepEqual(await readSentPeriods(book), ["2026-11"]);
    assert.deepEqual(await readSentPeriods(book, SCHOOL), ["2026-11"]);
    assert.deepEqual(await readSentPeriods(book, "другая школа"), []);

    for (const on of ["2026-12-03", "2026-12-20"]) {
      const again = await runMonthly({ book, on, send: true, env, ...quiet });
      assert.match(again, /уже отправлен .* на minobr@example\.ru .*Повторно не отправляю/);
    }
    assert.equal(server.messages.length, before + 1, "never twice for one month");

    await runMonthly({ book, on: "2026-12-20", send: true, force: true, env, ...quiet });
    assert.equal(server.messages.length, before + 2, "--force sends again");
    assert.equal((await readSendLog(dir)).length, 2);

    await runMonthly({ book, on: "2027-01-01", send: true, env, ...quiet });
    assert.deepEqual(await readSentPeriods(book), ["2026-11", "2026-12"]);
  });

  test("a refused send leaves the report and no log; the next run sends it", async () => {
    const refusing = await startSmtp({ script: ["reject"] });
    try {
      const dir = tempDir("monthly-retry");
      const book = await writeBook(join(dir, "книга.xlsx"));
      const message = await refusal(
        runMonthly({ book, on: "2026-12-02", send: true, env: smtpEnv(dir, refusing), ...quiet })
      );
      assert.match(message, /отказался принять письмо: 550/);
      assert.deepEqual(await readSentPeriods(book), []);
      const bytes = readFileSync(join(dir, NOVEMBER));

      const next = await runMonthly({
        book,
        on: "2026-12-03",
        send: true,
        env: smtpEnv(dir, refusing),
        ...quiet,
      });
      assert.match(next, /данные книги учёта не изменились/);
      assert.match(next, /Отчёт отправлен/);
      assert.equal(refusing.messages.length, 1);
      assert.ok(refusing.messages[0] !== undefined);
      const mail = await simpleParser(refusing.messages[0]);
      assert.ok(mail.attachments[0]?.content.equals(bytes), "the report written first is sent");
      assert.deepEqual(await readSentPeriods(book), ["2026-11"]);
    } finally {
      await refusing.close();
    }
  });

  test("bin/vshu.js monthly --send: exit 0, and exit 0 again with nothing sent", async () => {
    const dir = tempDir("monthly-bin");
    const book = await writeBook(join(dir, "книга.xlsx"));
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VSHU_"))),
      ...smtpEnv(dir, server),
    };
    const run = () =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [VSHU, "monthly", book, "--on", "2026-12-02", "--send"],
          { env }
        );
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
        child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
        child.on("close", (status) => resolve({ status, stdout, stderr }));
      });
    const before = server.messages.length;
    const first = await run();
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Отчёт отправлен: yospitanie17@yandex\.ru/);
    const second = await run();
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /Повторно не отправляю/);
    assert.equal(server.messages.length, before + 1);
  });
});
