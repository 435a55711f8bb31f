/**
 * One letter with the report attached, over SMTP (nodemailer), with retries: a temporary
 * failure (a 4xx reply, a dropped or refused connection, a time-out) is tried again after the
 * configured pauses with the same Message-ID; a permanent one (5xx, wrong password, failed
 * TLS) stops at once. Every failure ends as a UserError that says what to do; the caller logs
 * a send only when this resolves.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { UserError } from "../errors";
import type { SmtpSettings } from "./smtpConfig";

/** What goes out: one recipient, the letter, the report file. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachmentName: string;
  readonly content: Buffer;
  /** The display name of the sender when the settings give a bare address (the school). */
  readonly senderName: string;
}

export interface SendResult {
  /** The server's final reply, e.g. «250 2.0.0 Ok: queued as …». */
  readonly response: string;
  readonly messageId: string;
  readonly attempts: number;
}

export interface SendHooks {
  /** A line for the user (a retry, a warning). */
  readonly note: (line: string) => void;
  /** Waits; tests pass a shorter one. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Error codes of a connection that ended or never began: worth another try. */
const TRANSIENT_CODES = new Set([
  "ECONNECTION",
  "ESOCKET",
  "ETIMEDOUT",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

/** Certificate problems: permanent, and never «fixed» by turning verification off. */
const CERT_ERROR =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|HOSTNAME_MISMATCH|wrong version number|ssl3_get_record|packet length too long/i;

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  errno?: string | number;
  reason?: string;
}

/**
 * The error as nodemailer and Node's sockets give it. Checked by shape, not `instanceof Error`:
 * an error made in another realm (a VM context, as under Jest) is not an instance of this
 * realm's Error, and its code (ECONNREFUSED…) must not be lost.
 */
function asSmtpError(error: unknown): SmtpError {
  return typeof error === "object" && error !== null && "message" in error
    ? (error as SmtpError)
    : new Error(String(error));
}

/** The sender as nodemailer takes it: the settings' «from», named after the school when bare. */
function sender(
  settings: SmtpSettings,
  senderName: string
): string | { name: string; address: string } {
  const from = settings.from.trim();
  return from.includes("<") || senderName.trim() === ""
    ? from
    : { name: senderName.trim(), address: from };
}

/** The message as nodemailer takes it (the same for every attempt and for the .eml). */
function message(
  mail: OutgoingMail,
  from: ReturnType<typeof sender> | undefined,
  messageId: string
) {
  return {
    ...(from !== undefined ? { from } : {}),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId,
    attachments: [{ filename: mail.attachmentName, content: mail.content, contentType: XLSX_TYPE }],
  };
}

/** A Message-ID in the sender's domain. */
export function newMessageId(from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "vshu.local";
  return `<${randomUUID()}@${domain}>`;
}

/**
 * The letter as an .eml file's bytes, nothing sent (`--dry-run`).
 * @param settings - the mail settings when there are any (for the sender), else null
 */
export async function composeEml(
  settings: SmtpSettings | null,
  mail: OutgoingMail
): Promise<Buffer> {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  const from = settings ? sender(settings, mail.senderName) : undefined;
  const info = await transport.sendMail(message(mail, from, newMessageId(settings?.from ?? "")));
  return info.message as Buffer;
}

function describeServer(s: SmtpSettings): string {
  return `${s.host}:${s.port}`;
}

function reply(e: SmtpError): string {
  return (e.response ?? e.message).replace(/\s+/g, " ").trim();
}

/** Whether another attempt may succeed. */
export function isTemporary(e: SmtpError): boolean {
  if (CERT_ERROR.test(`${e.code ?? ""} ${e.message} ${e.reason ?? ""}`)) {
    return false;
  }
  if (typeof e.responseCode === "number" && e.responseCode >= 400) {
    return e.responseCode < 500;
  }
  if (e.code === "EAUTH" || e.code === "ENOAUTH" || e.code === "ETLS") {
    return false;
  }
  return TRANSIENT_CODES.has(e.code ?? "") || TRANSIENT_CODES.has(String(e.errno ?? ""));
}

/** The user's message for a failure that ends the sending. */
function failure(e: SmtpError, s: SmtpSettings, mail: OutgoingMail, attempts: number): UserError {
  const server = describeServer(s);
  const tried = attempts > 1 ? ` (попыток: ${attempts})` : "";
  const nothing = "Отчёт не отправлен и в журнал отправки не записан.";
  const text = `${e.code ?? ""} ${e.message} ${e.reason ?? ""}`;
  if (e.code === "EAUTH" || e.code === "ENOAUTH") {
    return new UserError(
      `Почтовый сервер ${server} не принял имя пользователя «${s.user}» или пароль (${reply(e)}). ${nothing} Проверьте имя (полный адрес ящика) и пароль; для Яндекса и Mail.ru нужен пароль приложения (docs/sending.md).`
    );
  }
  if (CERT_ERROR.test(text) || e.code === "ETLS") {
    return new UserError(
      `Не удалось установить защищённое соединение с ${server} (${e.message}). ${nothing} Проверьте порт и режим шифрования: 465 — "tls", 587 — "starttls" (docs/sending.md).`
    );
  }
  if (typeof e.responseCode === "number" && e.responseCode >= 500) {
    const whom = e.code === "EENVELOPE" ? ` Проверьте адрес получателя «${mail.to}».` : "";
    return new UserError(
      `Почтовый сервер ${server} отказался принять письмо: ${reply(e)}. ${nothing}${whom}`
    );
  }
  if (typeof e.responseCode === "number" && e.responseCode >= 400) {
    return new UserError(
      `Почтовый сервер ${server} временно не принимает письмо${tried}: ${reply(e)}. ${nothing} Запустите отправку позже.`
    );
  }
  if (isTemporary(e)) {
    return new UserError(
      `Не удалось связаться с почтовым сервером ${server}${tried}: ${e.message}. ${nothing} Проверьте подключение к интернету, адрес и порт сервера (${s.source}); сеть школы или антивирус могут закрывать порт ${s.port}.`
    );
  }
  return new UserError(`Отправка через ${server} не удалась: ${e.message}. ${nothing}`);
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} с` : `${ms} мс`;
}

/**
 * Sends the letter, retrying temporary failures.
 * @param settings - checked settings with the password resolved (or no login)
 * @throws UserError when the letter was not accepted
 */
export async function sendMail(
  settings: SmtpSettings,
  mail: OutgoingMail,
  hooks: SendHooks
): Promise<SendResult> {
  const ca = settings.ca ? await readCa(settings.ca) : undefined;
  const options: SMTPTransport.Options = {
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    // SNI carries a host name only (RFC 6066): none for an address such as 127.0.0.1.
    tls: {
      minVersion: "TLSv1.2",
      ...(isIP(settings.host) === 0 ? { servername: settings.host } : {}),
      ...(ca ? { ca } : {}),
    },
    ...(settings.user !== ""
      ? { auth: { user: settings.user, pass: settings.password ?? "" } }
      : {}),
  };
  const messageId = newMessageId(settings.from);
  const msg = message(mail, sender(settings, mail.senderName), messageId);
  const sleep = hooks.sleep ?? realSleep;
  const delays = settings.retryDelaysMs;
  for (let attempt = 1; ; attempt++) {
    const transport = nodemailer.createTransport(options);
    try {
      const info = await transport.sendMail(msg);
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw Object.assign(new Error(`получатель отклонён: ${info.response}`), {
          code: "EENVELOPE",
          responseCode: 550,
          response: info.response,
        });
      }
      return { response: info.response.replace(/\s+/g, " ").trim(), messageId, attempts: attempt };
    } catch (error) {
      const e = asSmtpError(error);
      const delay = delays[attempt - 1];
      if (!isTemporary(e) || delay === undefined) {
        throw failure(e, settings, mail, attempt);
      }
      const what =
        typeof e.responseCode === "number"
          ? "Почтовый сервер временно не принял письмо"
          : "Нет связи с почтовым сервером";
      hooks.note(
        `${what} (${reply(e)}); попытка ${attempt + 1} из ${delays.length + 1} через ${seconds(delay)}…`
      );
      await sleep(delay);
    } finally {
      transport.close();
    }
  }
}

async function readCa(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UserError(
      `Файл сертификатов «${path}» (поле «ca» настроек почты) не прочитать: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    );
  }
}
