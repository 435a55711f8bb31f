/**
 * A real SMTP server on 127.0.0.1 for the sending tests (smtp-server): STARTTLS or TLS from the
 * start with the test certificate (test/fixtures/smtp), login required, and a script of how it
 * answers each letter: accept it, reject it (550), put it off (451), or drop the connection
 * while the letter is being sent. It keeps every accepted message's raw bytes and counts every
 * attempt, so a test can tell what arrived and how often it was tried.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export const FIXTURES = join(__dirname, "..", "fixtures", "smtp");
/** The certificate clients must trust (the `ca` of the mail settings). */
export const TEST_CA = join(FIXTURES, "cert.pem");

export const SMTP_USER = "school@example.ru";
export const SMTP_PASSWORD = "пароль-приложения";

/** How the server answers one letter (one DATA). */
export type Answer = "accept" | "reject" | "temp" | "drop";

export interface SmtpOptions {
  /** `starttls` (port 587 style), `tls` (465 style) or `plain` (no encryption, for --no-tls). */
  readonly mode?: "starttls" | "tls" | "plain";
  /** Answers to the letters in order; after the list, every letter is accepted. */
  readonly script?: readonly Answer[];
}

export interface TestSmtp {
  readonly port: number;
  /** Raw bytes of every letter accepted. */
  readonly messages: Buffer[];
  /** Envelope recipients of every letter accepted. */
  readonly recipients: string[][];
  /** Letters tried (DATA received), whatever the answer. */
  attempts: number;
  /** Connections opened. */
  connections: number;
  /** Logins refused. */
  failedLogins: number;
  /** Whether every accepted letter came over TLS. */
  allSecure: boolean;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const mode = options.mode ?? "starttls";
  const script = [...(options.script ?? [])];
  const state: TestSmtp = {
    port: 0,
    messages: [],
    recipients: [],
    attempts: 0,
    connections: 0,
    failedLogins: 0,
    allSecure: true,
    close: async () => undefined,
  };
  const tls =
    mode === "plain"
      ? {}
      : { key: readFileSync(join(FIXTURES, "key.pem")), cert: readFileSync(TEST_CA) };
  const server: SMTPServer = new SMTPServer({
    ...tls,
    secure: mode === "tls",
    disabledCommands: mode === "plain" ? ["STARTTLS"] : [],
    allowInsecureAuth: mode === "plain",
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
        callback(null, { user: auth.username });
        return;
      }
      state.failedLogins++;
      callback(smtpError("5.7.8 Invalid login or password", 535));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        state.attempts++;
        const answer = script.shift() ?? "accept";
        if (answer === "drop") {
          for (const c of server.connections) {
            const conn = c as unknown as { id: string; _socket: { destroy(): void } };
            if (conn.id === session.id) {
              conn._socket.destroy();
            }
          }
          return;
        }
        if (answer === "reject") {
          callback(smtpError("5.7.1 Message rejected: policy violation", 550));
          return;
        }
        if (answer === "temp") {
          callback(smtpError("4.3.0 Mailbox temporarily unavailable, try again later", 451));
          return;
        }
        state.messages.push(Buffer.concat(chunks));
        state.recipients.push(session.envelope.rcptTo.map((r) => r.address));
        state.allSecure &&= session.secure;
        callback(null, `2.0.0 Ok: queued as TEST${state.messages.length}`);
      });
    },
  });
  // A dropped connection surfaces as a socket error on the server; it is what the test wants.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return Object.assign(state, {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
