/**
 * Whether a register is open in another program. Excel keeps an owner file `~$<name>` beside
 * an open workbook, LibreOffice a lock file `.~lock.<name>#`; on Windows the rename over an
 * open file also fails (EBUSY, EPERM, EACCES). Replacing a register that is open would lose
 * the user's unsaved typing, or their next save would overwrite our write.
 */
import { basename, dirname, join } from "node:path";
import { UserError } from "./errors";
import { exists } from "./files";

/** The owner or lock files another program keeps beside an open workbook. */
export function lockFiles(book: string): { program: string; path: string }[] {
  const dir = dirname(book);
  const name = basename(book);
  return [
    { program: "Excel", path: join(dir, `~$${name}`) },
    { program: "LibreOffice", path: join(dir, `.~lock.${name}#`) },
  ];
}

/** Refuses when a lock file says the register is open. */
export async function assertNotOpen(book: string): Promise<void> {
  for (const lock of lockFiles(book)) {
    if (await exists(lock.path)) {
      throw new UserError(
        `${book}: книга учёта открыта в ${lock.program === "Excel" ? "Excel" : "LibreOffice"} — закройте её и повторите. Книга не изменена. ` +
          `(Если программа уже закрыта, удалите оставшийся файл «${basename(lock.path)}» рядом с книгой.)`
      );
    }
  }
}

/** Whether an error of rename/open means another program holds the file. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "EBUSY" || code === "EPERM" || code === "EACCES";
}

/** The message for a register another program holds open (seen when replacing it). */
export function busyError(book: string): UserError {
  return new UserError(
    `${book}: книга учёта открыта в Excel или другой программе (или защищена от записи) — закройте её и повторите. Книга не изменена.`
  );
}
