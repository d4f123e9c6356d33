// The SMTP connection, from SMTP_URL (smtp:// or smtps://, credentials in the URL) with
// nodemailer: the maintained standard for sending mail from Node (SMTP, TLS, MIME, headers
// encoded safely). Without SMTP_URL there is no transport and job alerts are off.
import "server-only";
import { dropProcessSingleton, peekProcessSingleton, processSingleton } from "@/lib/process-state.mjs";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export function mailConfigured(): boolean {
  const { SMTP_URL, MAIL_FROM } = env();
  return Boolean(SMTP_URL && MAIL_FROM);
}


export function transport(): Transporter {
  const { SMTP_URL, MAIL_TIMEOUT_MS } = env();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set");
  // A small pool of reused connections: one SMTP handshake for many emails, not one each.
  return processSingleton("mail-transport", () =>
    nodemailer.createTransport({
      url: SMTP_URL,
      pool: true,
      maxConnections: 4,
      maxMessages: 100,
      connectionTimeout: MAIL_TIMEOUT_MS,
      greetingTimeout: MAIL_TIMEOUT_MS,
      socketTimeout: MAIL_TIMEOUT_MS,
    }),
  );
}

/** Closes the pool's connections (at shutdown) and forgets the transport. */
export function resetTransport(): void {
  peekProcessSingleton<Transporter>("mail-transport")?.close();
  dropProcessSingleton("mail-transport");
}
