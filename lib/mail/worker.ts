// The mail worker each server runs: it takes the leases of due emails a few at a time and
// sends them through SMTP_URL. A temporary failure (no connection, a timeout, a 4xx answer)
// is retried with exponential backoff and jitter until MAIL_GIVE_UP_HOURS; a permanent one
// (5xx) is recorded, and when it is about the recipient, no more mail goes to that address.
import "server-only";
import { backgroundLoop } from "@/lib/loop";
import { retryDelay } from "@/lib/backoff";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { serverId } from "@/lib/server-id";
import { claimDueMail, markMailFailed, markMailSent, pruneMail, scheduleMailRetry, suppress, type MailRecord } from "./outbox";
import { mailConfigured, transport } from "./transport";

const logger = log("mail");
/** Emails sent at once (over the transport's pool of 4 connections). */
const BATCH = 8;


/** What an SMTP failure means: nodemailer puts the server's reply code and command on it. */
export type SendFailure = { permanent: boolean; aboutRecipient: boolean; message: string };

export function classifySendError(error: unknown): SendFailure {
  const e = (error && typeof error === "object" ? error : {}) as { responseCode?: unknown; command?: unknown; rejected?: unknown; message?: unknown; code?: unknown };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const command = typeof e.command === "string" ? e.command.toUpperCase() : "";
  const rejected = Array.isArray(e.rejected) && e.rejected.length > 0;
  const permanent = code !== null && code >= 500 && code < 600 && code !== 535;
  const text = typeof e.message === "string" ? e.message : String(error);
  return {
    permanent,
    aboutRecipient: permanent && (command.includes("RCPT") || rejected),
    message: (code ? text : `${typeof e.code === "string" ? `${e.code}: ` : ""}${text}`).replace(/\s+/g, " ").slice(0, 300),
  };
}

async function sendOne(mail: MailRecord, owner: string): Promise<"sent" | "retry" | "failed"> {
  const { MAIL_FROM, MAIL_GIVE_UP_HOURS } = env();
  try {
    await transport().sendMail({
      from: MAIL_FROM,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.text_body,
      html: mail.html_body,
      headers: JSON.parse(mail.headers) as Record<string, string>,
    });
    await markMailSent(mail.id, owner);
    return "sent";
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.permanent) {
      await markMailFailed(mail.id, owner, failure.message);
      if (failure.aboutRecipient) await suppress(mail.to_address, failure.message);
      logger.warn({ mail: mail.id, kind: mail.kind, reason: failure.message }, "mail refused for good");
      return "failed";
    }
    if (Date.now() - Number(mail.created_at) > MAIL_GIVE_UP_HOURS * 3_600_000) {
      await markMailFailed(mail.id, owner, `Gave up after ${MAIL_GIVE_UP_HOURS} hours: ${failure.message}`);
      return "failed";
    }
    await scheduleMailRetry(mail.id, owner, failure.message, Date.now() + retryDelay(mail.attempts, env().MAIL_RETRY_BASE_MS, env().MAIL_RETRY_MAX_MS));
    logger.info({ mail: mail.id, attempts: mail.attempts + 1, reason: failure.message }, "mail not sent yet; will retry");
    return "retry";
  }
}

/** One pass: sends every due email, a few at a time. Returns how many were sent. */
export async function runMailOnce(): Promise<number> {
  if (!mailConfigured()) return 0;
  const owner = serverId();
  const leaseMs = Math.max(60_000, 4 * env().MAIL_TIMEOUT_MS);
  let sent = 0;
  for (;;) {
    const batch = await claimDueMail(owner, BATCH, leaseMs);
    if (!batch.length) break;
    const outcomes = await Promise.all(batch.map((m) => sendOne(m, owner)));
    for (const outcome of outcomes) metrics().mailSends.inc({ outcome });
    sent += outcomes.filter((o) => o === "sent").length;
    if (outcomes.some((o) => o === "retry")) break; // the server is struggling: wait for the next poll
  }
  return sent;
}

const mailLoop = () => backgroundLoop("mail", { everyMs: env().MAIL_POLL_MS, run: runMailOnce, failure: "mail pass failed" });

/** Runs a pass now (an email was just queued), or right after the one under way. */
export function kickMail(): Promise<void> {
  return mailLoop().kick();
}

export function startMailWorker(): void {
  if (!mailConfigured()) return;
  registerHousekeeping({ name: "sent and failed mail", run: () => pruneMail(30) });
  mailLoop().start();
  logger.info({ pollMs: env().MAIL_POLL_MS, server: serverId() }, "mail worker started");
}
