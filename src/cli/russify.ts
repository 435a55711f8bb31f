/**
 * Russian words for commander's own texts (help headings and argument errors): every word
 * the user sees is Russian.
 */
import { Help, type Command } from "commander";

const HELP_WORDS: readonly [RegExp, string][] = [
  [/^Usage:/gm, "Использование:"],
  [/^Options:/gm, "Параметры:"],
  [/^Commands:/gm, "Команды:"],
  [/^Arguments:/gm, "Аргументы:"],
  [/\(default: /g, "(по умолчанию: "],
  [/\[options\]/g, "[параметры]"],
  [/\[command\]/g, "[команда]"],
];

const ERRORS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/required option '([^']+)' not specified/, (m) => `не указан обязательный параметр ${m[1]}`],
  [/option '([^']+)' argument missing/, (m) => `у параметра ${m[1]} нет значения`],
  [/missing required argument '([^']+)'/, (m) => `не указан обязательный аргумент ${m[1]}`],
  [/unknown option '([^']+)'/, (m) => `неизвестный параметр ${m[1]}`],
  [/unknown command '([^']+)'/, (m) => `неизвестная команда ${m[1]}`],
  [
    /too many arguments(?: for '([^']+)')?/,
    (m) => `лишние аргументы${m[1] ? ` у команды ${m[1]}` : ""}`,
  ],
];

/** Translates one of commander's error messages; unknown ones pass through. */
export function translateError(text: string): string {
  for (const [re, say] of ERRORS) {
    const m = re.exec(text);
    if (m) {
      return `ошибка: ${say(m)}\n`;
    }
  }
  return text;
}

function translateHelp(text: string): string {
  return HELP_WORDS.reduce((t, [re, word]) => t.replace(re, word), text);
}

/** Russian help and error texts for a command and every subcommand added to it later. */
export function russify(cmd: Command): Command {
  return cmd
    .configureHelp({
      formatHelp: (c: Command, helper: Help) =>
        translateHelp(Help.prototype.formatHelp.call(helper, c, helper)),
    })
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(translateError(s)),
    });
}
