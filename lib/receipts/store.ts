// Receipts: what the candidate's private status link shows, kept apart from the application
// row (which is deleted DELIVERED_RETENTION_DAYS after delivery) so the link keeps working for
// STATUS_LINK_DAYS. The link's token is 32 random bytes; only its SHA-256 is stored, so the
// database alone opens no one's status page. A receipt is written in the same transaction as
// its application, and marked sent in the same transaction as the delivery.
import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import { database, type Database } from "@/lib/db";
import type { ApplicationReceiptsTable } from "@/lib/db/schema";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

export type ReceiptRecord = Selectable<ApplicationReceiptsTable>;
type Db = Kysely<Database> | Transaction<Database>;

const DAY = 86_400_000;

export const hashOfToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A status link's token as a link may carry it: 43 base64url characters. */
export const isReceiptToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

export const newReceiptToken = () => randomBytes(32).toString("base64url");

export type NewReceipt = {
  token: string;
  applicationId: string;
  job: { uuid: string; slug: string; title: string };
  locale: Locale;
  firstName: string;
  lastName: string;
  email: string;
};

/** Written inside the application's own transaction (lib/applications/outbox.ts). */
export async function insertReceipt(trx: Db, receipt: NewReceipt, now = Date.now()): Promise<void> {
  await trx
    .insertInto("application_receipts")
    .values({
      id: randomUUID(),
      token_hash: hashOfToken(receipt.token),
      application_id: receipt.applicationId,
      job_uuid: receipt.job.uuid,
      job_slug: receipt.job.slug,
      job_title: receipt.job.title,
      locale: receipt.locale,
      first_name: receipt.firstName,
      last_name: receipt.lastName,
      email: receipt.email.toLowerCase(),
      candidate_uuid: null,
      received_at: now,
      sent_at: null,
      withdrawn_at: null,
      withdrawal: null,
      expires_at: now + env().STATUS_LINK_DAYS * DAY,
    })
    .execute();
}

/** Inside the delivery's transaction: the application reached Occupop as this candidate. */
export async function markReceiptSent(trx: Db, applicationId: string, candidateUuid: string | null, now = Date.now()): Promise<void> {
  await trx.updateTable("application_receipts").set({ sent_at: now, candidate_uuid: candidateUuid }).where("application_id", "=", applicationId).execute();
}

/** An application Occupop refused outright (its applicant was shown why on the form): no receipt. */
export async function deleteReceiptOf(applicationId: string): Promise<void> {
  const db = await database();
  await db.deleteFrom("application_receipts").where("application_id", "=", applicationId).execute();
}

/** The receipt a link names; null for a malformed, unknown or expired one (which all look alike). */
export async function findReceipt(token: unknown, now = Date.now()): Promise<ReceiptRecord | null> {
  if (!isReceiptToken(token)) return null;
  const db = await database();
  const row = await db.selectFrom("application_receipts").selectAll().where("token_hash", "=", hashOfToken(token)).executeTakeFirst();
  return row && Number(row.expires_at) >= now ? row : null;
}

/** Housekeeping: receipts past STATUS_LINK_DAYS. */
export async function pruneReceipts(now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("application_receipts").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
