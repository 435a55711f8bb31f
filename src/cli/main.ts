/**
 * `vshu`: the command line of the school register. Parses arguments, runs a command, maps
 * failures to exit codes. The only place that calls process.exit.
 */
import { Command, CommanderError } from "commander";
import { today } from "./clock";
import { UserError } from "./errors";
import { describeFsError } from "./fsErrors";
import { isoOption } from "./options";
import { russify } from "./russify";

// Commands are loaded when run, so `vshu deadlines` does not load the workbook writers.

/** Writes text to standard output and waits until it is flushed. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Writes text and a line break to standard output and waits until it is flushed. */
function print(text: string): Promise<void> {
  return write(`${text}\n`);
}

/** Elements of a long JSON list written at a time: the whole text is never held at once. */
const JSON_CHUNK = 2000;

/** Where one element of a stringified list of flat objects ends and the next begins. */
const ELEMENT_BOUNDARY = /\},\{"/g;

/**
 * A long list of flat objects (no nested objects) as JSON, one element a line, written in
 * chunks so that 80 000 deadlines do not build one 15 MB string. Each chunk is stringified in
 * one call (three times faster than an element at a time) and then broken into lines at `},{"`:
 * inside a JSON string a quote is always escaped, so that sequence only joins two elements.
 */
async function printJsonList(items: readonly object[]): Promise<void> {
  if (items.length === 0) {
    return print("[]");
  }
  for (let i = 0; i < items.length; i += JSON_CHUNK) {
    const inner = JSON.stringify(items.slice(i, i + JSON_CHUNK)).slice(1, -1);
    const lines = `  ${inner.replace(ELEMENT_BOUNDARY, '},\n  {"')}`;
    const last = i + JSON_CHUNK >= items.length;
    await write(`${i === 0 ? "[\n" : ",\n"}${lines}${last ? "\n]\n" : ""}`);
  }
}

interface ReportCliOptions {
  from: string;
  to: string;
  out?: string;
  json?: boolean;
  force?: boolean;
}

function program(): Command {
  const cli = russify(new Command("vshu"))
    .description("ВШУ — книга учёта внутришкольной профилактической работы: создание, сроки, отчёт")
    .helpOption("-h, --help", "показать справку")
    .helpCommand("help [команда]", "справка по команде")
    .exitOverride()
    .showHelpAfterError("(подробнее: vshu --help)");

  cli
    .command("init")
    .description("создать новую пустую книгу учёта со всеми листами, таблицами и списками")
    .argument("<BOOK.xlsx>", "файл новой книги учёта")
    .option("--school <название>", "образовательная организация")
    .option("--district <район>", "район (город)")
    .option("--year <ГГГГ/ГГГГ>", "учебный год, например 2026/2027 (по умолчанию текущий)")
    .helpOption("-h, --help", "показать справку")
    .action(async (book: string, o: { school?: string; district?: string; year?: string }) => {
      console.log(
        await (
          await import("./commands/init")
        ).runInit({
          book,
          school: o.school,
          district: o.district,
          year: o.year,
          today: today(),
        })
      );
    });

  cli
    .command("demo")
    .description("книга учёта вымышленной школы с примерами, её отчёт и список сроков")
    .option("--out <папка>", "куда записать файлы", "demo-out")
    .option("--on <ГГГГ-ММ-ДД>", "дата, на которую считать сроки и отчёт (по умолчанию сегодня)")
    .option(
      "--force",
      "заменить прежние файлы в папке (книгу учёта — только записанную демонстрацией)"
    )
    .helpOption("-h, --help", "показать справку")
    .action(async (o: { out: string; on?: string; force?: boolean }) => {
      const on = o.on !== undefined ? isoOption("--on", o.on) : today();
      const { runDemo } = await import("./commands/demo");
      console.log(await runDemo({ out: o.out, on, force: o.force }));
    });

  cli
    .command("deadlines")
    .description(
      "сроки по каждому регламентному шагу каждого открытого случая и сроки самой школы (отчёт в министерство, электронный регистр)"
    )
    .argument("<BOOK.xlsx>", "книга учёта")
    .option("--on <ГГГГ-ММ-ДД>", "дата проверки (по умолчанию сегодня)")
    .option("--json", "вывести JSON (все шаги, включая выполненные)")
    .option("--all", "показать и выполненные шаги")
    .option("--by-curator", "сгруппировать по кураторам (ответственным)")
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        book: string,
        o: { on?: string; json?: boolean; all?: boolean; byCurator?: boolean }
      ) => {
        const on = o.on !== undefined ? isoOption("--on", o.on) : today();
        const { runDeadlines, formatDeadlinesText } = await import("./commands/deadlines");
        const { rows, json } = await runDeadlines({ book, on });
        await (o.json
          ? printJsonList(json)
          : print(
              formatDeadlinesText(rows, on, {
                all: o.all === true,
                byCurator: o.byCurator === true,
              })
            ));
      }
    );

  cli
    .command("report")
    .description("отчёт за период: книга отчёта (--out) и/или JSON (--json)")
    .argument("<BOOK.xlsx>", "книга учёта")
    .requiredOption("--from <ГГГГ-ММ-ДД>", "начало периода")
    .requiredOption("--to <ГГГГ-ММ-ДД>", "конец периода (включительно)")
    .option("--out <REPORT.xlsx>", "файл книги отчёта")
    .option("--json", "вывести отчёт в JSON")
    .option("--force", "заменить существующий файл --out (книгу учёта — никогда)")
    .helpOption("-h, --help", "показать справку")
    .action(async (book: string, o: ReportCliOptions) => {
      if (o.out === undefined && !o.json) {
        throw new UserError(
          "vshu report: укажите, куда вывести отчёт: --out ОТЧЁТ.xlsx (книга отчёта) и/или --json (JSON на экран)"
        );
      }
      const { runReport } = await import("./commands/report");
      const { report, message } = await runReport({
        book,
        from: isoOption("--from", o.from),
        to: isoOption("--to", o.to),
        out: o.out,
        force: o.force,
      });
      if (o.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        console.log(message);
      }
    });
  cli
    .command("send")
    .description("отправить книгу отчёта в министерство по электронной почте (SMTP)")
    .argument("<REPORT.xlsx>", "книга отчёта (vshu report / vshu monthly)")
    .option("--to <адрес>", "получатель (по умолчанию «Адрес министерства» из отчёта)")
    .option("--dry-run <FILE.eml>", "только записать письмо в файл .eml, ничего не отправляя")
    .option("--force", "отправить, даже если этот отчёт уже отправлен")
    .option(
      "--no-tls",
      "без шифрования — только для почтового сервера на этом компьютере (127.0.0.1)"
    )
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        report: string,
        o: { to?: string; dryRun?: string; force?: boolean; tls?: boolean }
      ) => {
        const { runSend } = await import("./commands/send");
        await print(
          await runSend({
            report,
            to: o.to,
            dryRun: o.dryRun,
            force: o.force,
            noTls: o.tls === false,
            env: process.env,
            note,
          })
        );
      }
    );

  cli
    .command("monthly")
    .description(
      "задание по расписанию: отчёт за месяц, срок сдачи которого идёт, рядом с книгой учёта; с --send — отправка (один раз за месяц)"
    )
    .argument("<BOOK.xlsx>", "книга учёта")
    .option("--on <ГГГГ-ММ-ДД>", "дата запуска (по умолчанию сегодня)")
    .option("--send", "отправить отчёт в министерство")
    .option("--force", "построить отчёт заново и отправить, даже если он уже отправлен")
    .option("--to <адрес>", "получатель (по умолчанию «Адрес министерства» из настроек книги)")
    .option(
      "--no-tls",
      "без шифрования — только для почтового сервера на этом компьютере (127.0.0.1)"
    )
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        book: string,
        o: { on?: string; send?: boolean; force?: boolean; to?: string; tls?: boolean }
      ) => {
        const on = o.on !== undefined ? isoOption("--on", o.on) : today();
        const { runMonthly } = await import("./commands/monthly");
        await print(
          await runMonthly({
            book,
            on,
            send: o.send,
            force: o.force,
            to: o.to,
            noTls: o.tls === false,
            env: process.env,
            note,
          })
        );
      }
    );

  cli
    .command("consolidate")
    .description("сводный отчёт района из отчётов школ")
    .argument("<REPORT.xlsx...>", "отчёты школ (файлы, папка или шаблон вида отчёты/*.xlsx)")
    .option("--out <DISTRICT.xlsx>", "файл сводного отчёта")
    .option("--json", "вывести сводный отчёт в JSON")
    .option("--district <район>", "район (по умолчанию из отчётов школ)")
    .option(
      "--settings <FILE>",
      "настройки координатора: .json или книга .xlsx с листом «Настройки»"
    )
    .option("--coordinator-name <ФИО>", "раздел VII: ФИО координатора")
    .option("--coordinator-position <должность>", "раздел VII: должность")
    .option("--coordinator-phone <телефон>", "раздел VII: контактный телефон")
    .option(
      "--force",
      "заменить существующий файл --out (но никогда не книгу учёта и не отчёт школы)"
    )
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        inputs: string[],
        o: {
          out?: string;
          json?: boolean;
          district?: string;
          settings?: string;
          coordinatorName?: string;
          coordinatorPosition?: string;
          coordinatorPhone?: string;
          force?: boolean;
        }
      ) => {
        if (o.out === undefined && !o.json) {
          throw new UserError("Укажите файл сводного отчёта: --out DISTRICT.xlsx (или --json)");
        }
        const { runConsolidate } = await import("./commands/consolidate");
        const tty = process.stderr.isTTY === true;
        const { report, message } = await runConsolidate({
          inputs,
          out: o.out,
          district: o.district,
          settings: o.settings,
          coordinatorName: o.coordinatorName,
          coordinatorPosition: o.coordinatorPosition,
          coordinatorPhone: o.coordinatorPhone,
          force: o.force,
          note,
          progress: tty
            ? (done, total) => {
                process.stderr.write(
                  done < total ? `\rЧтение отчётов: ${done} из ${total}` : "\r\u001b[K"
                );
              }
            : undefined,
        });
        await print(o.json ? JSON.stringify(report, null, 2) : message);
      }
    );

  cli
    .command("import")
    .description(
      "загрузить строки из файла CSV на лист книги учёта: все строки или ни одной (кодировка и разделитель определяются сами)"
    )
    .argument("<BOOK.xlsx>", "книга учёта")
    .argument(
      "<FILE.csv>",
      "файл CSV: UTF-8 (с BOM или без) или windows-1251, разделитель «;» или «,»"
    )
    .requiredOption(
      "--sheet <лист>",
      "лист книги: Учёт, Семьи, Мероприятия, Помощь, Занятость, Служба, Соцпаспорт или Сигналы"
    )
    .option("--encoding <кодировка>", "auto (по умолчанию), utf-8 или windows-1251")
    .option(
      "--allow-duplicates",
      "добавить и строки детей, которые уже есть на листе «Учёт» (те же фамилия, имя и дата рождения)"
    )
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        book: string,
        csv: string,
        o: { sheet: string; encoding?: string; allowDuplicates?: boolean }
      ) => {
        const { runImport } = await import("./commands/import");
        await print(
          await runImport({
            book,
            csv,
            sheet: o.sheet,
            encoding: o.encoding,
            allowDuplicates: o.allowDuplicates ?? false,
          })
        );
      }
    );

  cli
    .command("export")
    .description(
      "выгрузить таблицу листа в файл CSV (windows-1251, «;») для программ, которые читают только CSV"
    )
    .argument("<BOOK.xlsx>", "книга учёта")
    .requiredOption("--sheet <лист>", "лист книги, например Учёт")
    .requiredOption("--out <FILE.csv>", "файл CSV")
    .option(
      "--encoding <кодировка>",
      "windows-1251 (по умолчанию) или utf-8 (с BOM — для букв, которых нет в windows-1251, например тувинских ө, ү, ң)"
    )
    .option("--force", "заменить существующий файл (но никогда не книгу учёта)")
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        book: string,
        o: { sheet: string; out: string; encoding: string; force?: boolean }
      ) => {
        const { runExport } = await import("./commands/export");
        await print(
          await runExport({
            book,
            sheet: o.sheet,
            out: o.out,
            encoding: o.encoding,
            force: o.force ?? false,
          })
        );
      }
    );

  cli
    .command("upgrade")
    .description("обновить книгу учёта версии 1 до версии 2 (копия прежней книги остаётся рядом)")
    .argument("<BOOK.xlsx>", "книга учёта")
    .helpOption("-h, --help", "показать справку")
    .action(async (book: string) => {
      const { runUpgrade } = await import("./commands/upgrade");
      console.log(await runUpgrade({ book }));
    });
  cli
    .command("document")
    .description(
      "документ по случаю: сигнальная карта, представление, план, приказ, «Почему на учёте»"
    )
    .argument("<BOOK.xlsx>", "книга учёта")
    .option("--case <КОД>", "код случая (столбец «Код» листа «Учёт»)")
    .requiredOption(
      "--kind <вид>",
      "signal, vshu-child, vshu-family, kdn-child, kdn-family, plan, order или why"
    )
    .option("--quarter <I..IV>", "четверть плана (по умолчанию текущая)")
    .option("--row <N>", "строка карты на листе «Сигналы» (для карты без кода)")
    .option("--on <ГГГГ-ММ-ДД>", "дата составления документа (по умолчанию сегодня)")
    .requiredOption("--out <FILE.xlsx|FILE.docx>", "файл документа: .xlsx (Excel) или .docx (Word)")
    .option("--force", "составить, несмотря на предупреждение; заменить существующий файл")
    .helpOption("-h, --help", "показать справку")
    .action(
      async (
        book: string,
        o: {
          case?: string;
          kind: string;
          quarter?: string;
          row?: string;
          on?: string;
          out: string;
          force?: boolean;
        }
      ) => {
        const on = o.on !== undefined ? isoOption("--on", o.on) : today();
        const { runDocument } = await import("./commands/document");
        console.log(
          await runDocument({
            book,
            kind: o.kind,
            caseCode: o.case,
            quarter: o.quarter,
            row: o.row,
            on,
            out: o.out,
            force: o.force,
          })
        );
      }
    );
  return cli;
}

/** A line for the user on standard error (warnings, retries), apart from the result. */
function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    // A file-system failure no command caught itself (a full disk, a folder without rights):
    // bad input for the user, said in Russian with the path.
    const fsMessage = describeFsError(error);
    if (fsMessage !== null) {
      process.stderr.write(`${fsMessage}\n`);
      return 1;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `Внутренняя ошибка ВШУ. Сообщите разработчикам, приложив этот текст:\n${detail}\n`
    );
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
