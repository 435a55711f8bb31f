/**
 * `vshu send` against a real SMTP server on 127.0.0.1 (STARTTLS or TLS with the test
 * certificate, login required): what arrives is parsed back with mailparser and the attachment
 * compared byte for byte; temporary failures are retried, permanent ones are not; the send log
 * holds exactly the letters the server accepted.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { runSend } from "../../src/cli/commands/send";
import { readSendLog, readSentPeriods, SEND_LOG_NAME } from "../../src/cli/mail/sendLog";
import { UserError } from "../../src/cli/errors";
import { startSmtp, SMTP_PASSWORD, TEST_CA, type TestSmtp } from "../support/smtpServer";
import { schoolReport, smtpEnv, tempDir, writeReport } from "../support/smtpFixtures";

const SCHOOL = "МБОУ «СОШ № 2 с. Сукпак»";
const REPORT = schoolReport(7, SCHOOL);
const ATTACHMENT = "Отчёт ВШУ МБОУ «СОШ № 2 с. Сукпак» ноябрь 2026.xlsx";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A folder with one report in it; returns the report's path. */
async function reportIn(prefix: string, report = REPORT, address?: string): Promise<string> {
  const dir = tempDir(prefix);
  return writeReport(join(dir, "отчёт.xlsx"), report, address);
}

interface Run {
  readonly notes: string[];
  readonly sleeps: number[];
}

function hooks(): Run & { note: (l: string) => void; sleep: (ms: number) => Promise<void> } {
  const notes: string[] = [];
  const sleeps: number[] = [];
  return {
    notes,
    sleeps,
    note: (l) => notes.push(l),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

/** Runs and returns the UserError it ends with (fails the test when it does not). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    assert.ok(error instanceof UserError, `a UserError, got ${String(error)}`);
    return error.message;
  }
  assert.fail("expected the command to refuse");
}

describe("vshu send over STARTTLS with login", () => {
  let server: TestSmtp;
  before(async () => {
    server = await startSmtp({ mode: "starttls" });
  });
  after(() => server.close());

  test("the letter arrives with a Russian subject and body and the report attached byte for byte, and is logged", async () => {
    const file = await reportIn("send-ok");
    const dir = join(file, "..");
    const h = hooks();
    const message = await runSend({ report: file, env: smtpEnv(dir, server), ...h });

    assert.equal(server.messages.length, 1);
    assert.ok(server.allSecure, "the letter went over TLS");
    assert.deepEqual(server.recipients[0], ["yospitanie17@yandex.ru"]);
    const mail = await simpleParser(server.messages[0] ?? Buffer.alloc(0));
    assert.equal(mail.subject, `Отчёт ВШУ за ноябрь 2026 г.: ${SCHOOL}, Кызылский кожуун`);
    for (const words of [
      SCHOOL,
      "Кызылский кожуун",
      "за ноябрь 2026 г.",
      "01.11.2026–30.11.2026",
    ]) {
      assert.ok(mail.text?.includes(words), `the body names «${words}»`);
    }
    assert.equal(mail.attachments.length, 1);
    const attachment = mail.attachments[0];
    assert.equal(attachment?.filename, ATTACHMENT);
    assert.equal(
      attachment?.contentType,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    const bytes = readFileSync(file);
    assert.ok(attachment?.content.equals(bytes), "attachment bytes equal the file");

    const log = await readSendLog(dir);
    assert.equal(log.length, 1);
    assert.equal(log[0]?.recipient, "yospitanie17@yandex.ru");
    assert.equal(log[0]?.sha256, sha(bytes));
    assert.equal(log[0]?.period, "ноябрь 2026");
    assert.match(log[0]?.reply ?? "", /^250 .*queued as TEST1/);
    assert.equal(log[0]?.messageId, mail.messageId);
    assert.match(log[0]?.at ?? "", /^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/);
    assert.deepEqual(await readSentPeriods(join(dir, "книга.xlsx")), ["2026-11"]);
    assert.deepEqual(await readSentPeriods(join(dir, "книга.xlsx"), "другая школа"), []);
    assert.match(message, /Отчёт отправлен: yospitanie17@yandex\.ru/);
    const csv = readFileSync(join(dir, SEND_LOG_NAME), "utf8");
    assert.ok(csv.startsWith("\uFEFFДата и время;Школа;Период"), "a CSV Excel opens");
  });

  test("--to sends elsewhere; the second send of the same period is refused without --force", async () => {
    const file = await reportIn("send-to");
    const dir = join(file, "..");
    const env = smtpEnv(dir, server);
    const before = server.messages.length;
    await runSend({ report: file, to: "coordinator@example.ru", env, ...hooks() });
    assert.deepEqual(server.recipients.at(-1), ["coordinator@example.ru"]);

    const message = await refusal(runSend({ report: file, env, ...hooks() }));
    assert.match(message, /уже отправлен .* на coordinator@example\.ru/);
    assert.match(message, /--force/);
    assert.equal(server.messages.length, before + 1, "nothing sent twice");

    await runSend({ report: file, env, force: true, ...hooks() });
    assert.equal(server.messages.length, before + 2);
    assert.equal((await readSendLog(dir)).length, 2);
  });

  test("a wrong password: exit 1 with what to do, nothing sent, not retried, nothing logged", async () => {
    const file = await reportIn("send-pass");
    const dir = join(file, "..");
    const attempts = server.failedLogins;
    const h = hooks();
    const message = await refusal(
      runSend({ report: file, env: smtpEnv(dir, server, { password: "неверный" }), ...h })
    );
    assert.match(message, /не принял имя пользователя «school@example\.ru» или пароль/);
    assert.match(message, /пароль приложения/);
    assert.match(message, /в журнал отправки не записан/);
    assert.equal(server.failedLogins, attempts + 1, "a permanent failure is not retried");
    assert.deepEqual(h.sleeps, []);
    assert.equal(existsSync(join(dir, SEND_LOG_NAME)), false);
  });

  test("the password is asked for when the environment has none", async () => {
    const file = await reportIn("send-ask");
    const dir = join(file, "..");
    const questions: string[] = [];
    await runSend({
      report: file,
      env: smtpEnv(dir, server, { password: null }),
      askPassword: async (q) => {
        questions.push(q);
        return SMTP_PASSWORD;
      },
      ...hooks(),
    });
    assert.equal(questions.length, 1);
    assert.match(
      questions[0] ?? "",
      /Пароль почтового ящика school@example\.ru \(не отображается\)/
    );
    assert.equal((await readSendLog(dir)).length, 1);
  });
});

describe("vshu send: failures of the server", () => {
  test("a rejection (550) is not retried: exit 1, nothing logged", async () => {
    const server = await startSmtp({ script: ["reject"] });
    try {
      const file = await reportIn("send-550");
      const dir = join(file, "..");
      const h = hooks();
      const message = await refusal(runSend({ report: file, env: smtpEnv(dir, server), ...h }));
      assert.match(message, /отказался принять письмо: 550/);
      assert.match(message, /Отчёт не отправлен/);
      assert.equal(server.attempts, 1);
      assert.equal(server.messages.length, 0);
      assert.equal(existsSync(join(dir, SEND_LOG_NAME)), false);
    } finally {
      await server.close();
    }
  });

  test("a dropped connection is retried after a pause and the letter arrives once", async () => {
    const server = await startSmtp({ script: ["drop"] });
    try {
      const file = await reportIn("send-drop");
      const dir = join(file, "..");
      const h = hooks();
      await runSend({ report: file, env: smtpEnv(dir, server, { retry: [3, 7] }), ...h });
      assert.equal(server.attempts, 2);
      assert.equal(server.messages.length, 1);
      assert.deepEqual(h.sleeps, [3000], "one pause, the first of the settings");
      assert.match(h.notes.join("\n"), /попытка 2 из 3 через 3 с/);
      assert.equal((await readSendLog(dir)).length, 1);
    } finally {
      await server.close();
    }
  });

  test("a temporary refusal (451) is retried with the same Message-ID", async () => {
    const server = await startSmtp({ script: ["temp", "temp"] });
    try {
      const file = await reportIn("send-451");
      const dir = join(file, "..");
      const h = hooks();
      await runSend({ report: file, env: smtpEnv(dir, server, { retry: [1, 2, 4] }), ...h });
      assert.equal(server.attempts, 3);
      assert.deepEqual(h.sleeps, [1000, 2000]);
      assert.match(h.notes[0] ?? "", /451/);
      const mail = await simpleParser(server.messages[0] ?? Buffer.alloc(0));
      assert.equal((await readSendLog(dir))[0]?.messageId, mail.messageId);
    } finally {
      await server.close();
    }
  });

  test("a server that keeps putting the letter off: every attempt made, then exit 1, nothing logged", async () => {
    const server = await startSmtp({ script: ["temp", "temp", "temp"] });
    try {
      const file = await reportIn("send-451x");
      const dir = join(file, "..");
      const message = await refusal(
        runSend({ report: file, env: smtpEnv(dir, server, { retry: [0.01, 0.01] }), ...hooks() })
      );
      assert.match(message, /временно не принимает письмо \(попыток: 3\): 451/);
      assert.match(message, /Запустите отправку позже/);
      assert.equal(server.attempts, 3);
      assert.equal(existsSync(join(dir, SEND_LOG_NAME)), false);
    } finally {
      await server.close();
    }
  });

  test("an unreachable server: retried, then exit 1 saying what to check", async () => {
    const server = await startSmtp();
    const port = server.port;
    await server.close();
    const file = await reportIn("send-down");
    const dir = join(file, "..");
    const h = hooks();
    const message = await refusal(
      runSend({ report: file, env: smtpEnv(dir, { port }, { retry: [0.01] }), ...h })
    );
    assert.match(
      message,
      new RegExp(
        `Не удалось связаться с почтовым сервером 127\\.0\\.0\\.1:${port} \\(попыток: 2\\)`
      )
    );
    assert.match(message, /Проверьте подключение к интернету, адрес и порт сервера/);
    assert.equal(h.sleeps.length, 1);
    assert.equal(existsSync(join(dir, SEND_LOG_NAME)), false);
  });

  test("TLS from the start (smtps://, port 465 style) through VSHU_SMTP_URL", async () => {
    const server = await startSmtp({ mode: "tls" });
    try {
      const file = await reportIn("send-smtps");
      const env = {
        VSHU_SMTP_URL: `smtps://school%40example.ru@127.0.0.1:${server.port}?ca=${encodeURIComponent(TEST_CA)}&retry=0`,
        VSHU_SMTP_PASSWORD: SMTP_PASSWORD,
      };
      await runSend({ report: file, env, ...hooks() });
      assert.equal(server.messages.length, 1);
      assert.ok(server.allSecure);
    } finally {
      await server.close();
    }
  });

  test("a certificate the computer does not trust: refused at once, not retried", async () => {
    const server = await startSmtp();
    try {
      const file = await reportIn("send-cert");
      const env = {
        VSHU_SMTP_URL: `smtp://school%40example.ru@127.0.0.1:${server.port}?retry=0.01`,
        VSHU_SMTP_PASSWORD: SMTP_PASSWORD,
      };
      const h = hooks();
      const message = await refusal(runSend({ report: file, env, ...h }));
      assert.match(message, /Не удалось установить защищённое соединение/);
      assert.deepEqual(h.sleeps, []);
      assert.equal(server.messages.length, 0);
    } finally {
      await server.close();
    }
  });
});

describe("vshu send --no-tls", () => {
  test("works only for 127.0.0.1 and says so", async () => {
    const server = await startSmtp({ mode: "plain" });
    try {
      const file = await reportIn("send-plain");
      const dir = join(file, "..");
      const env = smtpEnv(dir, server);
      const h = hooks();
      const refused = await refusal(runSend({ report: file, env, ...h }));
      assert.match(refused, /защищённое соединение/, "without --no-tls a plain server is refused");
      await runSend({ report: file, env, noTls: true, ...h });
      assert.equal(server.messages.length, 1);
      assert.match(h.notes.join("\n"), /без шифрования \(--no-tls\).*127\.0\.0\.1/);

      const remote = {
        VSHU_SMTP_URL: "smtp://school%40example.ru@smtp.example.ru:587",
        VSHU_SMTP_PASSWORD: "x",
      };
      const message = await refusal(
        runSend({ report: file, env: remote, noTls: true, force: true, ...hooks() })
      );
      assert.match(
        message,
        /--no-tls допускается только для почтового сервера на этом компьютере \(127\.0\.0\.1\), а в настройках smtp\.example\.ru/
      );
    } finally {
      await server.close();
    }
  });
});
