/**
 * Asks for the mailbox password on the terminal without showing it. Only when standard input
 * is a terminal: a scheduled job has none and gets the password from VSHU_SMTP_PASSWORD.
 */
import { UserError } from "../errors";

/** Whether a password can be asked for here. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY) && typeof process.stdin.setRawMode === "function";
}

/**
 * Reads one line from the terminal with echo off. Backspace deletes, Enter ends, Ctrl+C and
 * Ctrl+D cancel (a UserError).
 */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = "";
    const wasRaw = stdin.isRaw;
    const finish = (error: Error | null): void => {
      stdin.removeListener("data", onData);
      stdin.setRawMode(wasRaw);
      stdin.pause();
      process.stderr.write("\n");
      if (error) {
        reject(error);
      } else {
        resolve(value);
      }
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish(null);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish(new UserError("Ввод пароля отменён: ничего не отправлено"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") {
          value = [...value].slice(0, -1).join("");
        } else if (ch >= " ") {
          value += ch;
        }
      }
    };
    process.stderr.write(question);
    stdin.setEncoding("utf8");
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}
