/**
 * Where a command may write. Every command that writes a file goes through here, so that no
 * command overwrites an existing file without `--force`, and none ever overwrites a register
 * or one of its own inputs, even with `--force`. Failures are UserErrors in Russian that name
 * the path and say what to do (exit 1).
 *
 * API (check early, before the slow work, then write):
 *
 *   const out = await prepareOutput(o.out, { option: "--out", inputs: [book], force: o.force });
 *   …read, compute…
 *   await writeOutput(out, (tmp) => wb.xlsx.writeFile(tmp));
 *
 * - `prepareOutput(path, rules)` refuses, in this order: an output that is one of `inputs`
 *   (same file by device and inode, or by real path — compared without case on Windows and
 *   macOS); an existing register (sheets «Учёт» and «Настройки», or table tblCases, whatever the
 *   file's name; an encrypted file counts as one, its content cannot be seen) unless
 *   `rules.replaceableRegister` says it is the command's own earlier output; any other existing
 *   file without `force` (`forceOption: false` for a command that has no --force, e.g. `init`);
 *   a folder; a path under a file; a folder without write permission.
 * - `writeOutput(out, write)` checks again, creates missing folders one by one (never a
 *   recursive mkdir: under /proc that loops forever), lets `write` fill a temporary file beside
 *   the target, and only then puts it in place: a hard link that fails if a file has appeared
 *   meanwhile (rename when the disk has no hard links), or a rename over the file `--force`
 *   allowed. A failed run leaves neither a temporary nor a half-written file.
 * - `prepareOutputDir(dir, option)` for a command that writes several files into a folder
 *   (`demo --out DIR`): refuses a path that is a file.
 */
import { randomBytes } from "node:crypto";
import {
  access,
  constants,
  link,
  lstat,
  mkdir,
  realpath,
  rename,
  rm,
  stat,
} from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "./errors";
import { fsReason, fsUserError } from "./fsErrors";
import { inspectExisting } from "./xlsx/workbookFile";

export interface OutputRules {
  /** The option the path was given with, for messages: `--out`. */
  readonly option?: string;
  /** Files the command reads: never replaced, even with --force. */
  readonly inputs?: readonly string[];
  /** The user gave --force: an existing file that is neither a register nor an input may go. */
  readonly force?: boolean;
  /** false when the command has no --force (`init`): an existing file is never replaced. */
  readonly forceOption?: boolean;
  /** Says whether an existing register at the path is the command's own earlier output. */
  readonly replaceableRegister?: (absolutePath: string) => Promise<boolean>;
}

export interface PreparedOutput {
  /** The path as the user gave it, for messages. */
  readonly path: string;
  /** The absolute path written. */
  readonly target: string;
  readonly rules: OutputRules;
}

/** Whether paths are compared without case on this system (Windows, macOS by default). */
const CASE_INSENSITIVE = process.platform === "win32" || process.platform === "darwin";

function label(path: string, rules: OutputRules): string {
  return rules.option ? `${rules.option} ${path}` : path;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** The real path of an existing file or folder, or null. */
async function realOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

function samePath(a: string, b: string): boolean {
  return CASE_INSENSITIVE ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Whether two existing paths are one file: same device and inode, or the same real path. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([
    stat(a, { bigint: true }).catch(() => null),
    stat(b, { bigint: true }).catch(() => null),
  ]);
  if (sa && sb && sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino) {
    return true;
  }
  const [ra, rb] = await Promise.all([realOrNull(a), realOrNull(b)]);
  return ra !== null && rb !== null && samePath(ra, rb);
}

/** The nearest folder of `path` that exists (itself when it is one). */
async function nearestExisting(path: string): Promise<{ dir: string; isDir: boolean }> {
  let current = path;
  for (;;) {
    try {
      const info = await stat(current);
      return { dir: current, isDir: info.isDirectory() };
    } catch (error) {
      // ENOTDIR: a file further up the path; walking up finds it.
      if (code(error) !== "ENOENT" && code(error) !== "ENOTDIR") {
        throw fsUserError(error, current, "read") ?? error;
      }
    }
    const parent = dirname(current);
    if (parent === current) {
      return { dir: current, isDir: false };
    }
    current = parent;
  }
}

/** Refuses a folder that cannot take a new file: a path under a file, no write permission. */
async function checkFolder(dir: string, shown: string): Promise<void> {
  const near = await nearestExisting(dir);
  if (!near.isDir) {
    throw new UserError(
      `${shown}: ${near.dir} — это файл, а не папка, поэтому сюда нельзя ничего записать; проверьте путь`
    );
  }
  try {
    await access(near.dir, constants.W_OK);
  } catch (error) {
    const reason = fsReason(error, "write");
    throw reason === null
      ? error
      : new UserError(`${shown}: в папку ${near.dir} нельзя записать: ${reason}`);
  }
}

/**
 * Checks that the command may write `path` (see the header); resolves to the prepared output.
 * Throws a UserError in Russian when it may not.
 */
export async function prepareOutput(
  path: string,
  rules: OutputRules = {}
): Promise<PreparedOutput> {
  const shown = label(path, rules);
  const even = rules.forceOption === false ? "" : ", даже с --force";
  if (path.trim() === "") {
    throw new UserError(`${rules.option ?? "путь"}: не указано имя файла`);
  }
  const target = resolve(path);
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if (code(error) !== "ENOENT" && code(error) !== "ENOTDIR") {
      throw fsUserError(error, path, "write") ?? error;
    }
  }
  if (!info) {
    await checkFolder(dirname(target), shown);
    return { path, target, rules };
  }
  const real = (await realOrNull(target)) ?? target;
  if ((await stat(real).catch(() => info)).isDirectory()) {
    throw new UserError(
      `${shown}: это папка; укажите имя файла, например ${join(path, "отчёт.xlsx")}`
    );
  }
  for (const input of rules.inputs ?? []) {
    if (await sameFile(real, input)) {
      throw new UserError(
        `${shown}: это входной файл команды (${input}); результат нельзя записать поверх него${even}; укажите другое имя файла`
      );
    }
  }
  const kind = await inspectExisting(real).catch(() => "other" as const);
  if (kind === "register" || kind === "encrypted") {
    const own =
      kind === "register" && rules.replaceableRegister
        ? await rules.replaceableRegister(real)
        : false;
    if (!own) {
      const what =
        kind === "register"
          ? "это книга учёта ВШУ"
          : "это книга, защищённая паролем (возможно, книга учёта)";
      throw new UserError(
        `${shown}: файл уже существует, и ${what}: её нельзя заменить${even}, чтобы не потерять данные; укажите другое имя файла`
      );
    }
  }
  if (rules.forceOption === false) {
    throw new UserError(
      `${shown}: файл уже существует; новый файл не записан, чтобы не потерять данные; укажите другое имя или удалите старый файл сами`
    );
  }
  if (!rules.force) {
    throw new UserError(
      `${shown}: файл уже существует; укажите другое имя или добавьте --force, чтобы заменить его`
    );
  }
  await checkFolder(dirname(real), shown);
  return { path, target: real, rules };
}

/**
 * Refuses an output folder that is a file (or sits under one, or cannot be written); the folder
 * itself may be missing (`writeOutput` creates it).
 */
export async function prepareOutputDir(dir: string, option?: string): Promise<string> {
  const shown = option ? `${option} ${dir}` : dir;
  const target = resolve(dir);
  const near = await nearestExisting(target);
  if (!near.isDir) {
    throw new UserError(
      near.dir === target
        ? `${shown}: это файл, а не папка; укажите папку для результатов`
        : `${shown}: ${near.dir} — это файл, а не папка; проверьте путь`
    );
  }
  await checkFolder(target, shown);
  return target;
}

/**
 * Creates a folder and its missing parents one by one, with Russian messages. (A recursive
 * mkdir under /proc retries forever at 100 % CPU on Linux.)
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    try {
      const info = await stat(current);
      if (!info.isDirectory()) {
        throw new UserError(`${current}: это файл, а не папка; проверьте путь`);
      }
      break;
    } catch (error) {
      if (error instanceof UserError) {
        throw error;
      }
      if (code(error) !== "ENOENT") {
        throw fsUserError(error, current, "mkdir") ?? error;
      }
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (code(error) !== "EEXIST") {
        throw fsUserError(error, folder, "mkdir") ?? error;
      }
    }
  }
}

/** A temporary file beside the target, hidden and unique. */
export function temporaryBeside(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  );
}

/** Errors of link() that mean "this disk has no hard links", not "the target exists". */
const NO_HARD_LINKS = new Set([
  "EPERM",
  "ENOTSUP",
  "EOPNOTSUPP",
  "EXDEV",
  "ENOSYS",
  "EMLINK",
  "EACCES",
]);

/** Puts a complete temporary file at a target that must not exist. */
async function placeNew(tmp: string, out: PreparedOutput): Promise<void> {
  try {
    await link(tmp, out.target);
    await rm(tmp, { force: true });
    return;
  } catch (error) {
    if (code(error) === "EEXIST") {
      throw new UserError(
        `${label(out.path, out.rules)}: файл появился, пока команда работала; он не заменён; запустите команду снова`
      );
    }
    if (!NO_HARD_LINKS.has(code(error) ?? "")) {
      throw fsUserError(error, out.path, "write") ?? error;
    }
  }
  // A disk without hard links (FAT, some network folders): check, then rename.
  if (
    await lstat(out.target).then(
      () => true,
      () => false
    )
  ) {
    throw new UserError(
      `${label(out.path, out.rules)}: файл появился, пока команда работала; он не заменён; запустите команду снова`
    );
  }
  try {
    await rename(tmp, out.target);
  } catch (error) {
    throw fsUserError(error, out.path, "write") ?? error;
  }
}

/**
 * Writes an output prepared by `prepareOutput`: checks it again, creates missing folders,
 * fills a temporary file with `write`, and puts it in place only when complete.
 */
export async function writeOutput(
  prepared: PreparedOutput,
  write: (tmpPath: string) => Promise<void>
): Promise<void> {
  const out = await prepareOutput(prepared.path, prepared.rules);
  const existed = await lstat(out.target).then(
    () => true,
    () => false
  );
  await makeDirs(dirname(out.target));
  const tmp = temporaryBeside(out.target);
  try {
    try {
      await write(tmp);
    } catch (error) {
      throw fsUserError(error, out.path, "write") ?? error;
    }
    if (existed) {
      try {
        await rename(tmp, out.target);
      } catch (error) {
        // Windows refuses to replace a file another program holds open (EPERM, EBUSY, EACCES).
        if (["EPERM", "EBUSY", "EACCES"].includes(code(error) ?? "")) {
          throw new UserError(
            `${label(out.path, out.rules)}: файл не заменён: он открыт в другой программе (например, в Excel) или защищён от записи; закройте его и повторите`
          );
        }
        throw fsUserError(error, out.path, "write") ?? error;
      }
    } else {
      await placeNew(tmp, out);
    }
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}
