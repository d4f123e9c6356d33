// The mail outbox: every email is a row here before it is sent, so a restart or an SMTP outage
// loses nothing. Sending takes a lease on a row (a conditional update, as the application
// outbox does), so replicas never send the same email at once. Addresses whose mail server
// refused our mail for good are kept in mail_suppressions, and get no more.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import { database } from "@/lib/db";
import { claimDueRows } from "@/lib/db/leases";
import type { Database, MailKind, MailOutboxTable, MailStatus } from "@/lib/db/schema";

export type MailRecord = Selectable<MailOutboxTable>;

export type OutgoingMail = {
  kind: MailKind;
  subscriptionId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

type Db = Kysely<Database> | Transaction<Database>;

/** Queues one email (inside the caller's transaction when given one). */
export async function enqueueMail(mail: OutgoingMail, trx?: Db, now = Date.now()): Promise<string> {
  const db = trx ?? (await database());
  const id = randomUUID();
  await db
    .insertInto("mail_outbox")
    .values({
      id,
      kind: mail.kind,
      subscription_id: mail.subscriptionId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      headers: JSON.stringify(mail.headers ?? {}),
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .execute();
  return id;
}

/** Takes the leases of up to `limit` due emails (lib/db/leases) and returns them. */
export async function claimDueMail(owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<MailRecord[]> {
  const ids = await claimDueRows("mail_outbox", owner, limit, leaseMs, now);
  if (!ids.length) return [];
  const db = await database();
  return db.selectFrom("mail_outbox").selectAll().where("id", "in", ids).execute();
}

/**
 * Sent: the bodies are dropped (they held links only the recipient should have); and if its
 * subscription was deleted while it was on its way, the record goes too.
 */
export async function markMailSent(id: string, owner: string, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .updateTable("mail_outbox")
    .set((eb) => ({ status: "sent", sent_at: now, text_body: "", html_body: "", lease_until: null, lease_owner: null, last_error: null, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
  await db
    .deleteFrom("mail_outbox")
    .where("id", "=", id)
    .where("subscription_id", "is not", null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("alert_subscriptions").select("alert_subscriptions.id").whereRef("alert_subscriptions.id", "=", "mail_outbox.subscription_id"))),
    )
    .execute();
}

export async function scheduleMailRetry(id: string, owner: string, error: string, nextAttemptAt: number): Promise<void> {
  const db = await database();
  await db
    .updateTable("mail_outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), next_attempt_at: Math.round(nextAttemptAt), lease_until: null, lease_owner: null, last_error: error }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .execute();
}

export async function markMailFailed(id: string, owner: string | null, reason: string): Promise<void> {
  const db = await database();
  await db
    .updateTable("mail_outbox")
    .set((eb) => ({ status: "failed", text_body: "", html_body: "", lease_until: null, lease_owner: null, last_error: reason, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .$if(owner !== null, (q) => q.where("lease_owner", "=", owner ?? ""))
    .execute();
}

export async function isSuppressed(email: string): Promise<boolean> {
  const db = await database();
  return Boolean(await db.selectFrom("mail_suppressions").select("email").where("email", "=", email.toLowerCase()).executeTakeFirst());
}

/** Records a permanent refusal: no more mail to this address; its waiting mail is dropped. */
export async function suppress(email: string, reason: string, now = Date.now()): Promise<void> {
  const db = await database();
  const address = email.toLowerCase();
  await db
    .insertInto("mail_suppressions")
    .values({ email: address, reason, created_at: now })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
  await db
    .updateTable("mail_outbox")
    .set({ status: "failed", text_body: "", html_body: "", last_error: `Not sent: this address refused mail earlier (${reason})` })
    .where("to_address", "=", address)
    .where("status", "=", "pending")
    .where("lease_owner", "is", null)
    .execute();
}

export type MailStats = { waiting: number; sent: number; failed: number; suppressed: number };

/** The mail outbox by state (lib/metrics). */
export async function mailByState(): Promise<Record<MailStatus, number>> {
  const db = await database();
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const count = (status: MailStatus) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: count("pending"), sent: count("sent"), failed: count("failed") };
}

/** Counts for HR: waiting now; sent and failed in the last `days` days; addresses refused. */
export async function mailStats(days = 30, now = Date.now()): Promise<MailStats> {
  const db = await database();
  const since = now - days * 24 * 60 * 60 * 1000;
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where((eb) => eb.or([eb("status", "=", "pending"), eb("created_at", ">=", since)]))
    .groupBy("status")
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const suppressed = await db.selectFrom("mail_suppressions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { waiting: count("pending"), sent: count("sent"), failed: count("failed"), suppressed: Number(suppressed.n) };
}

export async function recentFailures(limit = 20): Promise<MailRecord[]> {
  await authorizePrivateRead();
  const db = await database();
  return db.selectFrom("mail_outbox").selectAll().where("status", "=", "failed").orderBy("created_at", "desc").limit(limit).execute();
}

/** A deleted subscription's mail, waiting or sent: nothing more goes out, nothing is kept. */
export async function deleteMailOf(subscriptionId: string, trx?: Db): Promise<void> {
  const db = trx ?? (await database());
  await db
    .deleteFrom("mail_outbox")
    .where("subscription_id", "=", subscriptionId)
    .where((eb) => eb.or([eb("status", "!=", "pending"), eb("lease_owner", "is", null)]))
    .execute();
}

/** Housekeeping: sent and failed mail records older than `days` days. */
export async function pruneMail(days: number, now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db
    .deleteFrom("mail_outbox")
    .where("status", "in", ["sent", "failed"])
    .where("created_at", "<", now - days * 24 * 60 * 60 * 1000)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
