/**
 * Expected failures of the file system as Russian messages that name the path and say what to
 * do. The one place that knows the error codes: commands wrap their own file operations with
 * `fsUserError(error, path, action)`, and `main.ts` turns any other file-system error that
 * reaches it into the same message (exit 1), so a raw «EACCES» never reaches the user.
 *
 * API:
 *   try { await writeFile(path, …) } catch (e) { throw fsUserError(e, path, "write") ?? e; }
 *   isExpectedFsError(e) — whether `fsUserError` knows the error's code.
 */
import { UserError } from "./errors";

/** What the program was doing with the path, for the message. */
export type FsAction = "read" | "write" | "mkdir" | "open" | "other";

const DOING: Readonly<Record<FsAction, string>> = {
  read: "не удалось прочитать",
  write: "не удалось записать",
  mkdir: "не удалось создать папку",
  open: "не удалось открыть",
  other: "не удалось обработать",
};

/** Error code → what is wrong and what to do (the path and the action are added around it). */
const REASONS: Readonly<Record<string, (action: FsAction) => string>> = {
  EACCES: (a) =>
    a === "read"
      ? "нет прав на чтение этого файла или папки; попросите доступ у владельца или скопируйте файл в свою папку"
      : "нет прав на запись в эту папку; выберите другую папку (например, «Документы») или попросите администратора дать права",
  EPERM: (a) =>
    a === "read"
      ? "операционная система не разрешает прочитать этот файл; проверьте права или скопируйте файл в свою папку"
      : "операционная система не разрешает запись сюда; выберите другую папку (например, «Документы»)",
  EROFS: () =>
    "диск или папка открыты только для чтения; выберите другую папку или снимите защиту от записи с носителя",
  ENOSPC: () => "на диске не хватает места; освободите место или выберите другой диск",
  EDQUOT: () => "исчерпана ваша квота на диске; освободите место или выберите другой диск",
  EFBIG: () => "файл слишком велик для этого диска; выберите другой диск",
  ENOTDIR: () => "часть пути — файл, а не папка; проверьте путь",
  EISDIR: () => "это папка, а не файл; укажите путь к файлу",
  ENAMETOOLONG: () => "слишком длинное имя файла или путь; сократите его",
  EBUSY: () =>
    "файл занят другой программой (например, открыт в Excel); закройте его там и повторите",
  ETXTBSY: () => "файл занят другой программой; закройте её и повторите",
  ENOENT: (a) =>
    a === "read"
      ? "файл или папка не найдены; проверьте путь"
      : "путь недоступен, здесь нельзя создать файл или папку; проверьте путь или выберите другую папку",
  EEXIST: () => "файл или папка с таким именем уже есть; выберите другое имя",
  ELOOP: () => "путь зацикливается на символических ссылках; проверьте путь",
  EINVAL: () => 'недопустимое имя файла или папки; уберите из него символы \\ / : * ? " < > |',
  EIO: () => "ошибка ввода-вывода: диск или сетевая папка недоступны; проверьте носитель",
  ENXIO: () => "устройство недоступно; проверьте носитель",
  ENODEV: () => "устройство недоступно; проверьте носитель",
  EXDEV: () => "файл нельзя перенести на другой диск; выберите папку на том же диске",
  EMFILE: () => "открыто слишком много файлов; закройте лишние программы и повторите",
  ENFILE: () => "открыто слишком много файлов; закройте лишние программы и повторите",
  ENOTEMPTY: () => "папка не пуста; выберите другую папку",
  ENOTSUP: () => "диск не поддерживает эту операцию; выберите папку на другом диске",
  EOPNOTSUPP: () => "диск не поддерживает эту операцию; выберите папку на другом диске",
  ECONNRESET: () => "сетевая папка недоступна; проверьте подключение",
  ETIMEDOUT: () => "сетевая папка не отвечает; проверьте подключение",
  EHOSTDOWN: () => "сетевая папка недоступна; проверьте подключение",
};

/** The error code of a Node file-system error, or undefined. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) {
    return undefined;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Whether the error is a file-system error whose code has a Russian message here. */
export function isExpectedFsError(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code !== undefined &&
    Object.hasOwn(REASONS, code) &&
    typeof (error as { syscall?: unknown }).syscall === "string"
  );
}

/** Which action a system call stands for, when the caller did not say. */
function actionOf(syscall: unknown): FsAction {
  switch (syscall) {
    case "mkdir":
      return "mkdir";
    case "open":
      return "open";
    case "read":
    case "stat":
    case "lstat":
    case "scandir":
    case "opendir":
    case "realpath":
    case "access":
      return "read";
    case "write":
    case "rename":
    case "link":
    case "unlink":
    case "copyfile":
    case "fsync":
    case "close":
    case "ftruncate":
      return "write";
    default:
      return "other";
  }
}

/** Only the reason and the advice of an expected file-system error, or null. */
export function fsReason(error: unknown, action?: FsAction): string | null {
  if (!isExpectedFsError(error)) {
    return null;
  }
  const e = error as NodeJS.ErrnoException;
  const reason = REASONS[e.code ?? ""];
  return reason ? reason(action ?? actionOf(e.syscall)) : null;
}

/**
 * The Russian message for an expected file-system error: «<path>: не удалось записать: нет
 * прав на запись в эту папку; выберите другую папку…». `path` defaults to the error's own.
 */
export function describeFsError(error: unknown, path?: string, action?: FsAction): string | null {
  if (!isExpectedFsError(error)) {
    return null;
  }
  const e = error as NodeJS.ErrnoException;
  const reason = REASONS[e.code ?? ""];
  if (!reason) {
    return null;
  }
  const doing = action ?? actionOf(e.syscall);
  const where = path ?? e.path ?? (e as { dest?: string }).dest ?? "";
  return `${where === "" ? "" : `${where}: `}${DOING[doing]}: ${reason(doing)}`;
}

/** The expected file-system error as a UserError (exit 1), or null for anything else. */
export function fsUserError(error: unknown, path?: string, action?: FsAction): UserError | null {
  const message = describeFsError(error, path, action);
  return message === null ? null : new UserError(message);
}
