// Job-alert subscriptions: an email address and its filters, nothing else. Double opt-in: a
// sign-up stays "pending" and gets only the confirmation email until its link is used; one
// never confirmed is deleted after 7 days. Deleting a subscription deletes everything kept
// about it: the row, which jobs it was sent, and its mail.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import { z } from "zod";
import { getBranding } from "@/lib/branding";
import { database } from "@/lib/db";
import { env } from "@/lib/env";
import type { AlertSubscriptionsTable } from "@/lib/db/schema";
import { deleteMailOf, enqueueMail, isSuppressed } from "@/lib/mail/outbox";
import { kickMail } from "@/lib/mail/worker";
import { hit } from "@/lib/rate-limit";
import { appSecret } from "@/lib/secrets";
import type { Locale } from "@/lib/i18n/locales";
import { alertLinks, alreadySubscribedEmail, confirmationEmail, mailLanguage } from "./emails";
import { canonicalFilters, parseStoredFilters, type AlertFilters } from "./filters";
import { alertsOffered } from "./switch";
import { alertToken, CONFIRM_DAYS } from "./tokens";

const DAY = 24 * 60 * 60 * 1000;
/** Alerts one address may hold: enough for anyone, too few to flood a stranger's inbox. */
export const MAX_ALERTS_PER_ADDRESS = 10;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long (254 characters at most).")
  .regex(/^[^\s\u0000-\u001f\u007f]*$/, "An email address has no spaces or line breaks.")
  .pipe(z.email("Enter an email address like name@example.com."))
  .transform((e) => e.toLowerCase());

export type Subscription = {
  id: string;
  email: string;
  filters: AlertFilters;
  status: "pending" | "confirmed";
  createdAt: number;
  confirmedAt: number | null;
  lastDigestAt: number | null;
  jobsSent: number;
};

export function toSubscription(row: Selectable<AlertSubscriptionsTable>): Subscription {
  return {
    id: row.id,
    email: row.email,
    filters: parseStoredFilters(row.filters),
    status: row.status,
    createdAt: Number(row.created_at),
    confirmedAt: row.confirmed_at === null ? null : Number(row.confirmed_at),
    lastDigestAt: row.last_digest_at === null ? null : Number(row.last_digest_at),
    jobsSent: Number(row.jobs_sent),
  };
}

export type SubscribeOutcome = "sent" | "already" | "refused" | "limited" | "off";

/**
 * Signs an address up for an alert: a confirmation email (or, for an alert it already has, a
 * note with its link) is queued and sent at once. The answer a visitor sees is the same
 * whether the address was new or not, so the form tells no one who subscribes.
 */
/** Signs up for an alert in `locale` (its emails and links are in that language). */
export async function subscribe(email: string, filters: AlertFilters, address: string, now = Date.now(), locale: Locale = "en"): Promise<SubscribeOutcome> {
  if (!(await alertsOffered())) return "off";
  const hour = 60 * 60_000;
  const [byAddress, byEmail] = await Promise.all([hit(`alerts-ip:${address}`, env().ALERTS_SIGNUPS_PER_HOUR, hour, now), hit(`alerts-email:${email}`, 3, hour, now)]);
  if (!byAddress.allowed || !byEmail.allowed) return "limited";
  if (await isSuppressed(email)) return "refused";
  const key = JSON.stringify(canonicalFilters(filters));
  const branding = await getBranding();
  const language = mailLanguage(locale, branding);
  // Tokens are signed inside the transaction: load the secret first (on SQLite a query outside
  // an open transaction would wait for it).
  await appSecret();
  const db = await database();
  const outcome = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("alert_subscriptions").selectAll().where("email", "=", email).where("filters", "=", key).executeTakeFirst();
    if (existing?.status === "confirmed") {
      const links = alertLinks({ manage: await alertToken("manage", existing.id, now) }, language.prefix);
      await enqueueMail(alreadySubscribedEmail(email, existing.id, filters, language, links), trx);
      return "already" as const;
    }
    let id = existing?.id;
    if (!id) {
      const held = await trx.selectFrom("alert_subscriptions").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).executeTakeFirstOrThrow();
      if (Number(held.n) >= MAX_ALERTS_PER_ADDRESS) return "limited" as const;
      id = randomUUID();
      await trx
        .insertInto("alert_subscriptions")
        .values({ id, email, filters: key, status: "pending", created_at: now, confirmed_at: null, last_digest_at: null, locale: language.locale })
        .execute();
    } else {
      // Signed up again before confirming, maybe in another language: that one counts.
      await trx.updateTable("alert_subscriptions").set({ locale: language.locale }).where("id", "=", id).execute();
    }
    const links = alertLinks({ confirm: await alertToken("confirm", id, now), manage: await alertToken("manage", id, now) }, language.prefix);
    await enqueueMail(confirmationEmail(email, id, language, links), trx);
    return "sent" as const;
  });
  if (outcome === "sent" || outcome === "already") void kickMail();
  return outcome;
}

export async function getSubscription(id: string): Promise<Subscription | null> {
  const db = await database();
  const row = await db.selectFrom("alert_subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toSubscription(row) : null;
}

/** Confirms a pending subscription (a confirmed one stays as it is). Null when it is gone. */
export async function confirmSubscription(id: string, now = Date.now()): Promise<Subscription | null> {
  const db = await database();
  await db.updateTable("alert_subscriptions").set({ status: "confirmed", confirmed_at: now }).where("id", "=", id).where("status", "=", "pending").execute();
  return getSubscription(id);
}

/** Deletes a subscription and everything kept about it; false when it was already gone. */
export async function deleteSubscription(id: string): Promise<boolean> {
  const db = await database();
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("alert_sent").where("subscription_id", "=", id).execute();
    await deleteMailOf(id, trx);
    const result = await trx.deleteFrom("alert_subscriptions").where("id", "=", id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

export type UpdateOutcome = "saved" | "gone" | "duplicate";

export async function updateSubscriptionFilters(id: string, filters: AlertFilters): Promise<UpdateOutcome> {
  const db = await database();
  const key = JSON.stringify(canonicalFilters(filters));
  const current = await db.selectFrom("alert_subscriptions").select(["email", "filters"]).where("id", "=", id).executeTakeFirst();
  if (!current) return "gone";
  if (current.filters === key) return "saved";
  const twin = await db.selectFrom("alert_subscriptions").select("id").where("email", "=", current.email).where("filters", "=", key).executeTakeFirst();
  if (twin) return "duplicate";
  await db.updateTable("alert_subscriptions").set({ filters: key }).where("id", "=", id).execute();
  return "saved";
}

/** Housekeeping: sign-ups never confirmed within CONFIRM_DAYS. */
export async function pruneUnconfirmed(now = Date.now()): Promise<number> {
  const db = await database();
  const stale = await db
    .selectFrom("alert_subscriptions")
    .select("id")
    .where("status", "=", "pending")
    .where("created_at", "<", now - CONFIRM_DAYS * DAY)
    .execute();
  let removed = 0;
  for (const { id } of stale) if (await deleteSubscription(id)) removed++;
  return removed;
}

export type AlertStats = { confirmed: number; pending: number };

export async function alertStats(): Promise<AlertStats> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db
    .selectFrom("alert_subscriptions")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { confirmed: count("confirmed"), pending: count("pending") };
}
