/**
 * What `vshu send` refuses before anything leaves: a register, a workbook with a register
 * sheet, a foreign or unreadable file, a report with something typed into it; missing,
 * readable-by-others or password-holding mail settings. Each is exit 1 with a Russian message
 * that names the file and says what to do, and the server sees no connection. Also the real
 * `bin/vshu.js` with its exit codes, and `--dry-run`.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { runSend } from "../../src/cli/commands/send";
import { UserError } from "../../src/cli/errors";
import { SEND_LOG_NAME } from "../../src/cli/mail/sendLog";
import { buildReportWorkbook } from "../../src/cli/xlsx/writeReport";
import { startSmtp, SMTP_USER, type TestSmtp } from "../support/smtpServer";
import { schoolReport, smtpEnv, tempDir, writeBook, writeReport } from "../support/smtpFixtures";

const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");
const REPORT = schoolReport(11, "МБОУ «Гимназия № 5»");

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

/** Loads a workbook, changes it, saves it back. */
async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

describe("vshu send refuses what is not a report of counts", () => {
  let server: TestSmtp;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    server = await startSmtp();
    dir = tempDir("send-input");
    env = smtpEnv(dir, server);
  });
  after(() => server.close());

  const cases: readonly {
    name: string;
    make: (path: string) => Promise<void>;
    expect: RegExp;
  }[] = [
    {
      name: "the register itself",
      make: async (p) => {
        await writeBook(p);
      },
      expect:
        /это книга учёта или её часть \(листы «Настройки», «Учёт», «Семьи», «Мероприятия» …\), а не отчёт\. В ней персональные данные детей и семей/,
    },
    {
      name: "a report with a register sheet added",
      make: async (p) => {
        const wb = buildReportWorkbook(REPORT, { made: REPORT.to });
        wb.addWorksheet("Учёт").addRow(["Код", "Фамилия"]);
        await wb.xlsx.writeFile(p);
      },
      expect: /листы «Учёт»\), а не отчёт/,
    },
    {
      name: "a report with another sheet",
      make: async (p) => {
        const wb = buildReportWorkbook(REPORT, { made: REPORT.to });
        wb.addWorksheet("Список детей").addRow(["Монгуш Айдыс"]);
        await wb.xlsx.writeFile(p);
      },
      expect: /лишние листы «Список детей»/,
    },
    {
      name: "a foreign workbook",
      make: async (p) => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("Лист1").addRow(["что-то"]);
        await wb.xlsx.writeFile(p);
      },
      expect:
        /это не отчёт ВШУ — в отчёте листы «Отчёт» и скрытый «Данные», а в этой книге листы «Лист1»/,
    },
    {
      name: "a file that is not a workbook",
      make: async (p) => writeFileSync(p, "Код;Фамилия\nВ-1;Монгуш\n"),
      expect: /это не книга Excel \(\.xlsx\) или файл повреждён/,
    },
    {
      name: "a name typed into the printed form",
      make: async (p) => {
        await writeReport(p, REPORT);
        await edit(p, (wb) => {
          wb.getWorksheet("Отчёт")!.getCell("B120").value = "Монгуш Айдыс, 7 «А»";
        });
      },
      expect: /лист «Отчёт», ячейка B120: текст «Монгуш Айдыс, 7 «А»», которого нет в форме отчёта/,
    },
    {
      name: "a date typed into the printed form",
      make: async (p) => {
        await writeReport(p, REPORT);
        await edit(p, (wb) => {
          const cell = wb.getWorksheet("Отчёт")!.getCell("K5");
          cell.value = new Date(Date.UTC(2014, 2, 2));
          cell.numFmt = "dd.mm.yyyy";
        });
      },
      expect: /ячейка K5: дата — в отчёте только количества/,
    },
    {
      name: "a comment on a cell",
      make: async (p) => {
        await writeReport(p, REPORT);
        await edit(p, (wb) => {
          wb.getWorksheet("Отчёт")!.getCell("C10").note = "Монгуш А., ул. Ленина 5";
        });
      },
      expect: /в отчёте есть примечания \(xl\/comments1\.xml\)/,
    },
    {
      name: "a count edited into text on «Данные»",
      make: async (p) => {
        await writeReport(p, REPORT);
        await edit(p, (wb) => {
          const data = wb.getWorksheet("Данные")!;
          data.eachRow((row) => {
            if (row.getCell(1).value === "register.level1.total.onRegister.children") {
              row.getCell(2).value = "Монгуш Айдыс";
            }
          });
        });
      },
      expect:
        /лист «Данные» не похож на данные отчёта ВШУ:\n {2}строка \d+: «register\.level1\.total\.onRegister\.children» = «Монгуш Айдыс»: текст, а должно быть число/,
    },
  ];

  for (const c of cases) {
    test(`${c.name}: exit 1, the file named, nothing sent`, async () => {
      const path = join(dir, `${c.name}.xlsx`);
      await c.make(path);
      const connections = server.connections;
      const message = await refusal(runSend({ report: path, env, ...quiet }));
      assert.ok(message.startsWith(path), `names the file: ${message}`);
      assert.match(message, c.expect);
      assert.equal(server.connections, connections, "the server was never contacted");
      assert.equal(existsSync(join(dir, SEND_LOG_NAME)), false);
    });
  }

  test("a missing file", async () => {
    const message = await refusal(runSend({ report: join(dir, "нет.xlsx"), env, ...quiet }));
    assert.match(message, /нет\.xlsx: файл не найден/);
  });
});

describe("vshu send: mail settings", () => {
  let file: string;
  let dir: string;
  before(async () => {
    dir = tempDir("send-settings");
    file = await writeReport(join(dir, "отчёт.xlsx"), REPORT);
  });

  test("none at all: says how to set them", async () => {
    const message = await refusal(
      runSend({ report: file, env: { VSHU_SMTP_CONFIG: join(dir, "нет.json") }, ...quiet })
    );
    assert.match(
      message,
      /Не заданы настройки почты \(SMTP\): задайте переменную окружения VSHU_SMTP_URL или создайте файл .*нет\.json/
    );
    assert.match(message, /docs\/sending\.md/);
  });

  test("a config file other users can read is refused with the chmod to run", async () => {
    const env = smtpEnv(dir, { port: 1 });
    const path = env["VSHU_SMTP_CONFIG"] ?? "";
    chmodSync(path, 0o644);
    const message = await refusal(runSend({ report: file, env, ...quiet }));
    assert.match(
      message,
      /могут читать другие пользователи \(права 644\) — выполните «chmod 600 .*smtp\.json»/
    );
  });

  test("a password in the config file is refused", async () => {
    const path = join(dir, "with-pass.json");
    writeFileSync(
      path,
      JSON.stringify({ host: "smtp.yandex.ru", user: SMTP_USER, password: "x" }),
      {
        mode: 0o600,
      }
    );
    const message = await refusal(
      runSend({ report: file, env: { VSHU_SMTP_CONFIG: path }, ...quiet })
    );
    assert.match(
      message,
      /в файле настроек есть пароль \(«password»\) — пароль в файле не хранится/
    );
  });

  test("no encryption is not a choice of the config file", async () => {
    const path = join(dir, "none.json");
    writeFileSync(
      path,
      JSON.stringify({ host: "smtp.yandex.ru", user: SMTP_USER, security: "none" }),
      {
        mode: 0o600,
      }
    );
    const message = await refusal(
      runSend({ report: file, env: { VSHU_SMTP_CONFIG: path }, ...quiet })
    );
    assert.match(message, /без шифрования почта не отправляется/);
  });

  test("no password and no terminal: says to set VSHU_SMTP_PASSWORD", async () => {
    const env = smtpEnv(dir, { port: 1 }, { password: null });
    const message = await refusal(runSend({ report: file, env, ...quiet }));
    assert.match(
      message,
      /Нет пароля почтового ящика school@example\.ru: задайте его переменной окружения VSHU_SMTP_PASSWORD/
    );
  });

  test("a report without the ministry's address needs --to", async () => {
    const bare = join(dir, "без-адреса.xlsx");
    await buildReportWorkbook(REPORT, { made: REPORT.to }).xlsx.writeFile(bare);
    const message = await refusal(runSend({ report: bare, env: {}, ...quiet }));
    assert.match(message, /в отчёте нет адреса министерства .* укажите адрес: --to АДРЕС/);
    const wrong = await refusal(runSend({ report: bare, to: "министерство", env: {}, ...quiet }));
    assert.match(wrong, /--to «министерство» — не адрес электронной почты/);
  });
});

describe("vshu send --dry-run", () => {
  test("writes the letter to an .eml with the report attached, sends and logs nothing", async () => {
    const dir = tempDir("send-dry");
    const file = await writeReport(join(dir, "отчёт.xlsx"), REPORT, "minobr@example.ru");
    const eml = join(dir, "письмо.eml");
    const message = await runSend({ report: file, dryRun: eml, env: {}, ...quiet });
    assert.match(message, /ничего не отправлено и в журнал не записано/);
    const mail = await simpleParser(readFileSync(eml));
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : "", "minobr@example.ru");
    assert.equal(
      mail.subject,
      "Отчёт ВШУ за ноябрь 2026 г.: МБОУ «Гимназия № 5», Кызылский кожуун"
    );
    assert.equal(mail.attachments[0]?.filename, "Отчёт ВШУ МБОУ «Гимназия № 5» ноябрь 2026.xlsx");
    assert.ok(mail.attachments[0]?.content.equals(readFileSync(file)));
    assert.equal(existsSync(join(dir, SEND_LOG_NAME)), false);
  });
});

describe("bin/vshu.js send", () => {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VSHU_"))
  );
  /** Runs the command without blocking this process, where the test's SMTP server lives. */
  function vshu(
    env: NodeJS.ProcessEnv,
    ...args: string[]
  ): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [VSHU, ...args], { env: { ...clean, ...env } });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
      child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  }

  test("exit 0 when sent, 1 for a register and for missing settings, nothing sent twice", async () => {
    const server = await startSmtp();
    try {
      const dir = tempDir("send-bin");
      const file = await writeReport(join(dir, "отчёт.xlsx"), REPORT);
      const env = smtpEnv(dir, server);
      const ok = await vshu(env, "send", file);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /Отчёт отправлен: yospitanie17@yandex\.ru/);
      assert.equal(server.messages.length, 1);

      const again = await vshu(env, "send", file);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /уже отправлен/);
      assert.equal(server.messages.length, 1);

      const book = await writeBook(join(dir, "книга.xlsx"));
      const register = await vshu(env, "send", book);
      assert.equal(register.status, 1);
      assert.match(register.stderr, /это книга учёта/);

      const none = await vshu({ VSHU_SMTP_CONFIG: join(dir, "нет.json") }, "send", file, "--force");
      assert.equal(none.status, 1);
      assert.match(none.stderr, /Не заданы настройки почты/);
      assert.equal(server.messages.length, 1);
      assert.equal(readFileSync(join(dir, SEND_LOG_NAME), "utf8").trim().split("\n").length, 2);
    } finally {
      await server.close();
    }
  });
});
