// The durable outbox: every accepted application is a row here (and its resume rows in
// resume_chunks, written in the same transaction) before any call to Occupop. Delivery takes
// a lease on a row: a conditional update, atomic on SQLite and PostgreSQL alike, so the
// request, the background worker and every replica never deliver the same one at once. A
// lease names its owner, is renewed while the owner works, and simply runs out when the
// owner dies: another server then takes the application over.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import type { Selectable } from "kysely";
import { database } from "@/lib/db";
import { claimDueRows } from "@/lib/db/leases";
import type { ApplicationsTable, ApplicationStatus, FailureKind } from "@/lib/db/schema";
import type { ScreeningQuestion } from "@/lib/jobs/types";
import { insertReceipt, markReceiptSent, type NewReceipt } from "@/lib/receipts/store";
import { insertTalentConsent } from "@/lib/open-application/consents";
import { deleteResumeChunks, writeResumeChunks } from "./resume-store";

export type ApplicationRecord = Selectable<ApplicationsTable>;

/** What the applicant sent, as stored (JSON in `payload`). */
export type ApplicationPayload = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  linkedin: string;
  city: string;
  region: string;
  countryCode: string;
  coverLetter: string;
  source: string;
  answers: Array<{ question: ScreeningQuestion; answer: string }>;
  consentJob: boolean | null;
  consentDatabase: boolean | null;
  /** The channel the applicant came by (HR insights); absent on applications from before it. */
  channel?: string;
};

export type NewApplication = {
  id: string;
  idempotencyKey: string;
  jobUuid: string;
  jobSlug: string;
  jobTitle: string;
  dedupeKey: string;
  /**
   * An earlier live application to the same job with the same email: this one is kept but held
   * for HR (`status: "held"`), never dropped, since it may be the real applicant's own.
   */
  duplicateOf: string | null;
  payload: ApplicationPayload;
  /** The resume, its content already checked; `type` is the sniffed MIME type. */
  resume: { name: string; type: string; file: Blob } | null;
  /** The candidate's receipt for their private status link, and its email when mail is set up. */
  receipt?: { token: string; locale: NewReceipt["locale"] };
  /** From the open application (/join): the talent-database consent, kept with its expiry. */
  talentConsent?: true;
};

export function payloadOf(record: ApplicationRecord): ApplicationPayload {
  return JSON.parse(record.payload) as ApplicationPayload;
}

/**
 * Stores a new application and its resume in one transaction: both or neither. When its
 * idempotency key exists already, stores nothing and returns that one instead.
 */
export async function insertApplication(app: NewApplication, now = Date.now()): Promise<{ inserted: boolean; record: ApplicationRecord }> {
  const db = await database();
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto("applications")
      .values({
        id: app.id,
        idempotency_key: app.idempotencyKey,
        job_uuid: app.jobUuid,
        job_slug: app.jobSlug,
        job_title: app.jobTitle,
        dedupe_key: app.dedupeKey,
        payload: JSON.stringify(app.payload),
        resume_name: app.resume?.name ?? null,
        resume_type: app.resume?.type ?? null,
        resume_size: app.resume?.file.size ?? null,
        resume_sha256: null,
        resume_stored: app.resume ? 1 : 0,
        status: app.duplicateOf ? "held" : "pending",
        duplicate_of: app.duplicateOf,
        step: "stored",
        attempts: 0,
        next_attempt_at: now,
        uncertain_creates: 0,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column("idempotency_key").doNothing())
      .executeTakeFirst();
    const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    if (inserted && app.resume) {
      const stored = await writeResumeChunks(trx, app.id, app.resume.file);
      await trx.updateTable("applications").set({ resume_size: stored.size, resume_sha256: stored.sha256 }).where("id", "=", app.id).execute();
    }
    if (inserted && app.receipt) {
      const { firstName, lastName, email } = app.payload;
      const job = { uuid: app.jobUuid, slug: app.jobSlug, title: app.jobTitle };
      await insertReceipt(trx, { token: app.receipt.token, applicationId: app.id, job, locale: app.receipt.locale, firstName, lastName, email }, now);
      if (app.talentConsent) await insertTalentConsent(trx, { email, applicationId: app.id, jobUuid: app.jobUuid, locale: app.receipt.locale }, now);
    }
    const record = await trx.selectFrom("applications").selectAll().where("idempotency_key", "=", app.idempotencyKey).executeTakeFirst();
    if (!record) throw new Error("application vanished after insert");
    return { inserted, record };
  });
}

export async function findById(id: string): Promise<ApplicationRecord | undefined> {
  const db = await database();
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findByKey(key: string): Promise<ApplicationRecord | undefined> {
  const db = await database();
  return db.selectFrom("applications").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

/** A live (not failed or discarded) application for the same job and email since `since`: the first one. */
export async function findRecentDuplicate(dedupeKey: string, since: number): Promise<ApplicationRecord | undefined> {
  const db = await database();
  return db
    .selectFrom("applications")
    .selectAll()
    .where("dedupe_key", "=", dedupeKey)
    .where("created_at", ">=", since)
    .where("status", "in", ["pending", "held", "delivered"])
    .orderBy("created_at", "asc")
    .executeTakeFirst();
}

/** Takes the delivery lease of one pending application; false when someone else holds it. */
export async function claim(id: string, owner: string, leaseMs: number, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ lease_until: now + leaseMs, lease_owner: owner, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Takes the leases of up to `limit` due applications in one statement; returns their ids. */
export function claimDue(owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<string[]> {
  return claimDueRows("applications", owner, limit, leaseMs, now);
}

/** Extends a lease its owner still holds; false when it was lost (expired and taken over). */
export async function renewLease(id: string, owner: string, leaseMs: number, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ lease_until: now + leaseMs })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Pending applications whose next attempt is due and that no one is delivering. */
export async function dueIds(limit: number, now = Date.now()): Promise<string[]> {
  const db = await database();
  const rows = await db
    .selectFrom("applications")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .orderBy("next_attempt_at", "asc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// The steps below are fenced by the lease: only the server holding it records progress or
// reschedules, so a server that lost its lease (it stalled past it) cannot undo the work of
// the one that took over. Delivery itself is recorded whoever confirms it: Occupop has the
// candidate, and no server may create it again.

export async function recordUploaded(id: string, owner: string, fileUrl: string, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ step: "uploaded", file_url: fileUrl, updated_at: now })
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function recordUncertainCreate(id: string): Promise<void> {
  const db = await database();
  await db
    .updateTable("applications")
    .set((eb) => ({ uncertain_creates: eb("uncertain_creates", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/**
 * Confirmed by Occupop: the stored resume bytes go at once, and the receipt says "sent" (with
 * the candidate's uuid, which Occupop's status webhooks name), in the same transaction.
 */
export async function markDelivered(id: string, candidateId: string | null, now = Date.now(), candidateUuid: string | null = null): Promise<void> {
  const db = await database();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("applications")
      .set({
        status: "delivered",
        step: "created",
        candidate_id: candidateId,
        delivered_at: now,
        lease_until: null,
        lease_owner: null,
        last_error: null,
        resume_stored: 0,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await deleteResumeChunks(trx, id);
    await markReceiptSent(trx, id, candidateUuid, now);
  });
}

export async function scheduleRetry(id: string, owner: string, error: string, nextAttemptAt: number, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .updateTable("applications")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      next_attempt_at: Math.round(nextAttemptAt),
      lease_until: null,
      lease_owner: null,
      last_error: error,
      updated_at: now,
    }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .execute();
}

export async function markFailed(id: string, owner: string, kind: FailureKind, reason: string, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .updateTable("applications")
    .set((eb) => ({
      status: "failed",
      attempts: eb("attempts", "+", 1),
      failure_kind: kind,
      failure_reason: reason,
      last_error: reason,
      lease_until: null,
      lease_owner: null,
      updated_at: now,
    }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .execute();
}

/** HR's "retry now": a failed (or waiting) application goes back to the queue, due at once. */
export async function retryNow(id: string, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ status: "pending", next_attempt_at: now, failure_reason: null, failure_kind: null, updated_at: now })
    .where("id", "=", id)
    .where("status", "in", ["failed", "pending"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** HR's "send it": a held application (a repeat of an earlier one) joins the queue, due at once. */
export async function releaseHeld(id: string, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db.updateTable("applications").set({ status: "pending", next_attempt_at: now, updated_at: now }).where("id", "=", id).where("status", "=", "held").executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countFailedForAuth(): Promise<number> {
  const db = await database();
  const row = await db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "failed").where("failure_kind", "=", "auth").executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Once the token works again, applications it held back go back to the queue. */
export async function requeueFailedForAuth(now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ status: "pending", next_attempt_at: now, failure_reason: null, failure_kind: null, lease_until: null, lease_owner: null, updated_at: now })
    .where("status", "=", "failed")
    .where("failure_kind", "=", "auth")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** HR's "discard": the application and its resume are deleted (the chunks go with it). */
export async function discard(id: string): Promise<boolean> {
  const db = await database();
  const result = await db.deleteFrom("applications").where("id", "=", id).where("status", "in", ["failed", "pending", "held"]).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces an application the applicant is sending again after Occupop refused it. */
export async function removeForResubmission(id: string): Promise<void> {
  const db = await database();
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("applications").where("id", "=", id).where("status", "=", "failed").executeTakeFirst();
    if (Number(removed.numDeletedRows)) await trx.deleteFrom("application_receipts").where("application_id", "=", id).execute();
  });
}

export type QueueStats = {
  pending: number;
  /** Repeats of an earlier application, kept for HR to send or delete. */
  held: number;
  failed: number;
  delivered: number;
  /** Deleted by HR (a held repeat), kept until pruned. */
  discarded: number;
  uncertainCreates: number;
  oldestPendingAt: number | null;
};

export async function queueStats(): Promise<QueueStats> {
  const db = await database();
  const rows = await db
    .selectFrom("applications")
    .select((eb) => [
      "status",
      eb.fn.countAll<number>().as("n"),
      eb.fn.min<number>("created_at").as("oldest"),
      eb.fn.sum<number>("uncertain_creates").as("uncertain"),
    ])
    .groupBy("status")
    .execute();
  const by = (status: ApplicationStatus) => rows.find((r) => r.status === status);
  const oldest = by("pending")?.oldest;
  return {
    pending: Number(by("pending")?.n ?? 0),
    held: Number(by("held")?.n ?? 0),
    failed: Number(by("failed")?.n ?? 0),
    delivered: Number(by("delivered")?.n ?? 0),
    discarded: Number(by("discarded")?.n ?? 0),
    uncertainCreates: rows.reduce((sum, r) => sum + Number(r.uncertain ?? 0), 0),
    oldestPendingAt: oldest === null || oldest === undefined ? null : Number(oldest),
  };
}

export async function listByStatus(status: ApplicationStatus, limit = 100): Promise<ApplicationRecord[]> {
  await authorizePrivateRead();
  const db = await database();
  return db.selectFrom("applications").selectAll().where("status", "=", status).orderBy("created_at", "desc").limit(limit).execute();
}

/** Deletes delivered applications older than the retention window. */
export async function pruneDelivered(retentionDays: number, now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db
    .deleteFrom("applications")
    .where("status", "=", "delivered")
    .where("delivered_at", "<", now - retentionDays * 86_400_000)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
