/**
 * Where `vshu send` and `vshu monthly --send` find the mail server: the environment variable
 * `VSHU_SMTP_URL`, else a JSON file in the user's profile (`VSHU_SMTP_CONFIG` names another
 * one). Never a workbook: a register travels between people, a mailbox password must not.
 *
 * The password comes from `VSHU_SMTP_PASSWORD` (or the URL in the environment), else from a
 * prompt that does not echo; the config file may not hold one. Encryption is required: TLS
 * from the start (`smtps://`, port 465) or STARTTLS (`smtp://`, port 587). Only a server on
 * this computer (127.0.0.1) may be reached without it, and only with `--no-tls`.
 */
import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { UserError } from "../errors";

export type Security = "tls" | "starttls" | "none";

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: Security;
  /** Login; "" for a server that takes mail without one. */
  readonly user: string;
  /** The password when the environment gives it; otherwise it is asked for. */
  readonly password: string | null;
  /** The sender: an address, or «Name <address>»; the login when not given. */
  readonly from: string;
  /** Pauses before each new attempt after a temporary failure, in milliseconds. */
  readonly retryDelaysMs: readonly number[];
  /** Extra trusted certificates (PEM) for a server with its own certificate authority. */
  readonly ca: string | null;
  /** Where the settings came from, for messages. */
  readonly source: string;
}

/** The only host `--no-tls` is allowed for. */
export const LOCAL_HOST = "127.0.0.1";

/** Default pauses between attempts: 5 s, 30 s, 2 min (four attempts in all). */
export const DEFAULT_RETRY_SECONDS: readonly number[] = [5, 30, 120];

const DOC = "docs/sending.md";

/** The config file's default place in the user's profile. */
export function defaultConfigPath(
  env: NodeJS.ProcessEnv,
  platform: string = process.platform
): string {
  if (platform === "win32") {
    const appData = env["APPDATA"] ?? join(homedir(), "AppData", "Roaming");
    return join(appData, "vshu", "smtp.json");
  }
  const base = env["XDG_CONFIG_HOME"] ?? join(homedir(), ".config");
  return join(base, "vshu", "smtp.json");
}

function retryFrom(value: unknown, where: string): number[] {
  if (
    !Array.isArray(value) ||
    value.length > 10 ||
    !value.every((v) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 3600)
  ) {
    throw new UserError(
      `${where}: «retryDelays» — список пауз между попытками в секундах (не больше 10 чисел от 0 до 3600), например [5, 30, 120]`
    );
  }
  return value.map((s: number) => Math.round(s * 1000));
}

function portFrom(value: unknown, where: string): number {
  const port = typeof value === "string" ? Number(value) : value;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(
      `${where}: порт «${String(value)}» — укажите число от 1 до 65535 (обычно 465 или 587)`
    );
  }
  return port;
}

/** Settings from `VSHU_SMTP_URL`: `smtps://user@host:465` or `smtp://user@host:587`. */
function fromUrl(text: string): SmtpSettings {
  const where = "VSHU_SMTP_URL";
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError(
      `${where}: «${text}» — не адрес сервера. Пример: smtps://school%40yandex.ru@smtp.yandex.ru:465 (см. ${DOC})`
    );
  }
  const scheme = url.protocol.replace(/:$/, "").toLowerCase();
  if (scheme !== "smtps" && scheme !== "smtp") {
    throw new UserError(
      `${where}: схема «${scheme}» — укажите smtps:// (шифрование сразу, порт 465) или smtp:// (STARTTLS, порт 587)`
    );
  }
  const security: Security = scheme === "smtps" ? "tls" : "starttls";
  const user = decodeURIComponent(url.username);
  const password = url.password === "" ? null : decodeURIComponent(url.password);
  const retry = url.searchParams.get("retry");
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? (security === "tls" ? 465 : 587) : portFrom(url.port, where),
    security,
    user,
    password,
    from: url.searchParams.get("from") ?? user,
    retryDelaysMs:
      retry === null
        ? DEFAULT_RETRY_SECONDS.map((s) => s * 1000)
        : retryFrom(retry.split(",").map(Number), where),
    ca: url.searchParams.get("ca"),
    source: where,
  };
}

const CONFIG_KEYS = new Set(["host", "port", "security", "user", "from", "retryDelays", "ca"]);

/** Refuses a config file other users can read, or that someone else owns (POSIX). */
async function checkPrivate(path: string, platform: string): Promise<void> {
  if (platform === "win32") {
    // NTFS permissions are not file modes; the profile folder is the user's own (docs/sending.md).
    return;
  }
  const s = await stat(path);
  const uid = typeof process.getuid === "function" ? process.getuid() : null;
  if (uid !== null && s.uid !== uid) {
    throw new UserError(
      `${path}: файл настроек почты принадлежит другому пользователю — создайте свой файл (см. ${DOC})`
    );
  }
  if ((s.mode & 0o077) !== 0) {
    const mode = (s.mode & 0o777).toString(8);
    throw new UserError(
      `${path}: файл настроек почты могут читать другие пользователи (права ${mode}) — выполните «chmod 600 ${path}» и запустите команду снова`
    );
  }
}

async function fromFile(path: string, platform: string): Promise<SmtpSettings> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    throw new UserError(
      `${path}: файл настроек почты не прочитать (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    );
  }
  await checkPrivate(path, platform);
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UserError(`${path}: не JSON (${(error as Error).message}) — образец файла в ${DOC}`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new UserError(
      `${path}: ожидается объект JSON с полями host, port, security, user — образец в ${DOC}`
    );
  }
  const o = data as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (/pass/i.test(key)) {
      throw new UserError(
        `${path}: в файле настроек есть пароль («${key}») — пароль в файле не хранится. Удалите это поле; пароль задаётся переменной VSHU_SMTP_PASSWORD или вводится при отправке`
      );
    }
    if (!CONFIG_KEYS.has(key)) {
      throw new UserError(
        `${path}: неизвестное поле «${key}» — допустимы host, port, security, user, from, retryDelays, ca (см. ${DOC})`
      );
    }
  }
  const text = (key: string): string => {
    const v = o[key];
    if (v !== undefined && typeof v !== "string") {
      throw new UserError(`${path}: поле «${key}» должно быть строкой`);
    }
    return (v ?? "").trim();
  };
  const host = text("host");
  if (host === "") {
    throw new UserError(`${path}: не указан сервер («host»), например "smtp.yandex.ru"`);
  }
  const securityText = text("security") || "tls";
  if (securityText !== "tls" && securityText !== "starttls") {
    throw new UserError(
      `${path}: «security»: «${securityText}» — укажите "tls" (порт 465) или "starttls" (порт 587); без шифрования почта не отправляется`
    );
  }
  const security: Security = securityText;
  const user = text("user");
  return {
    host,
    port: o["port"] === undefined ? (security === "tls" ? 465 : 587) : portFrom(o["port"], path),
    security,
    user,
    password: null,
    from: text("from") || user,
    retryDelaysMs:
      o["retryDelays"] === undefined
        ? DEFAULT_RETRY_SECONDS.map((s) => s * 1000)
        : retryFrom(o["retryDelays"], path),
    ca: text("ca") || null,
    source: path,
  };
}

export interface LoadOptions {
  readonly env: NodeJS.ProcessEnv;
  /** `--no-tls`: no encryption, allowed for 127.0.0.1 only. */
  readonly noTls?: boolean;
  readonly platform?: string;
}

/**
 * The mail server settings, checked.
 * @throws UserError when none are set, the file is readable by others, or they are wrong
 */
export async function loadSmtpSettings(options: LoadOptions): Promise<SmtpSettings> {
  const { env } = options;
  const platform = options.platform ?? process.platform;
  const url = env["VSHU_SMTP_URL"];
  let settings: SmtpSettings;
  if (url !== undefined && url.trim() !== "") {
    settings = fromUrl(url);
  } else {
    const path = env["VSHU_SMTP_CONFIG"]?.trim() || defaultConfigPath(env, platform);
    try {
      await stat(path);
    } catch {
      throw new UserError(
        `Не заданы настройки почты (SMTP): задайте переменную окружения VSHU_SMTP_URL или создайте файл ${path} — как это сделать для Яндекса и Mail.ru, написано в ${DOC}`
      );
    }
    settings = await fromFile(path, platform);
  }
  const password = env["VSHU_SMTP_PASSWORD"];
  if (password !== undefined && password !== "") {
    settings = { ...settings, password };
  }
  if (options.noTls) {
    if (settings.host !== LOCAL_HOST) {
      throw new UserError(
        `--no-tls допускается только для почтового сервера на этом компьютере (${LOCAL_HOST}), а в настройках ${settings.host}: уберите --no-tls — письмо уйдёт с шифрованием`
      );
    }
    settings = { ...settings, security: "none" };
  }
  if (settings.from === "") {
    throw new UserError(
      `${settings.source}: не указан адрес отправителя — задайте «user» (полный адрес ящика) или «from»`
    );
  }
  return settings;
}

/** Whether a text is an e-mail address (a plain check: something@domain.tld, no spaces). */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(text.trim());
}
