// A real SMTP server beside the Occupop emulator (npm smtp-server), so the site's email can be
// sent, seen and tested without a mail provider: what it receives is listed as JSON at
// /_emulator/mail and as a page at /_emulator/mailbox. Faults: it can be down (the port
// refuses connections), answer 451 (try later) or refuse given recipients with 550.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type ReceivedMail = {
  id: number;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Every header as sent, lower-case names, folded lines joined. */
  headers: Record<string, string>;
  size: number;
};

export type MailFaults = { down: boolean; tempfail: boolean; reject: string[] };

type Options = { user?: string; pass?: string };

class SmtpError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

export function createMailEmulator({ user, pass }: Options = {}) {
  let mail: ReceivedMail[] = [];
  let nextId = 1;
  const faults: MailFaults = { down: false, tempfail: false, reject: [] };
  let server: SMTPServer | null = null;
  let where: { port: number; host: string } | null = null;

  const options: SMTPServerOptions = {
    // A local test server: plain SMTP, login optional (accepted when it matches).
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    banner: "Occupop emulator mail",
    // Going down closes open connections at once (421 to anything they send meanwhile).
    closeTimeout: 200,
    logger: false,
    onAuth(auth, _session, callback) {
      if (user && (auth.username !== user || auth.password !== pass)) return callback(new SmtpError("5.7.8 Authentication failed", 535));
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, _session, callback) {
      if (faults.tempfail) return callback(new SmtpError("4.3.0 Mail system busy, try again later", 451));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (faults.reject.includes(address.address.toLowerCase())) return callback(new SmtpError("5.1.1 No such mailbox here", 550));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const headers: Record<string, string> = {};
          for (const { key, line } of parsed.headerLines) headers[key] = line.replace(/\r?\n[ \t]+/g, " ").replace(/^[^:]*:\s*/, "");
          const addressText = (value: typeof parsed.to) => (Array.isArray(value) ? value.map((v) => v.text).join(", ") : (value?.text ?? ""));
          mail.push({
            id: nextId++,
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: parsed.from?.text ?? "",
            to: addressText(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers,
            size: stream.byteLength ?? 0,
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  };

  async function start(port: number, host: string): Promise<number> {
    const s = new SMTPServer(options);
    s.on("error", () => undefined);
    await new Promise<void>((resolve, reject) => {
      s.server.once("error", reject);
      s.listen(port, host, () => resolve());
    });
    server = s;
    const address = s.server.address() as AddressInfo;
    where = { port: address.port, host };
    return address.port;
  }

  async function stop(): Promise<void> {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  return {
    listen: start,
    close: stop,
    list: () => mail,
    clear() {
      mail = [];
    },
    faults: () => ({ ...faults, reject: [...faults.reject] }),
    /** Changes the faults; going down closes the port, coming back opens it again. */
    async setFaults(next: Partial<MailFaults>): Promise<void> {
      if (next.tempfail !== undefined) faults.tempfail = next.tempfail;
      if (next.reject) faults.reject = next.reject.map((a) => a.toLowerCase());
      if (next.down !== undefined && next.down !== faults.down) {
        faults.down = next.down;
        if (next.down) await stop();
        else if (where) await start(where.port, where.host);
      }
    },
    async reset(): Promise<void> {
      mail = [];
      await this.setFaults({ down: false, tempfail: false, reject: [] });
    },
  };
}

export type MailEmulator = ReturnType<typeof createMailEmulator>;
