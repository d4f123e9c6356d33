// The durable outbox: every accepted application is a row here (and its resume a file under
// DATA_DIR/outbox) before any call to Occupop. Delivery claims a row with a lease, so the
// request and the background worker, or several replicas, never deliver the same one at once.
import "server-only";
import type { Selectable } from "kysely";
import { database } from "@/lib/db";
import type { ApplicationsTable, ApplicationStatus, FailureKind } from "@/lib/db/schema";
import type { ScreeningQuestion } from "@/lib/jobs/types";
import { deleteResume } from "./resume";

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
};

export type NewApplication = {
  id: string;
  idempotencyKey: string;
  jobUuid: string;
  jobSlug: string;
  jobTitle: string;
  dedupeKey: string;
  payload: ApplicationPayload;
  resume: { name: string; type: string; size: number; sha256: string } | null;
};

export function payloadOf(record: ApplicationRecord): ApplicationPayload {
  return JSON.parse(record.payload) as ApplicationPayload;
}

/** Stores a new application; when its idempotency key exists already, returns that one instead. */
export async function insertApplication(app: NewApplication, now = Date.now()): Promise<{ inserted: boolean; record: ApplicationRecord }> {
  const db = await database();
  const result = await db
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
      resume_size: app.resume?.size ?? null,
      resume_sha256: app.resume?.sha256 ?? null,
      resume_stored: app.resume ? 1 : 0,
      status: "pending",
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
  const record = await findByKey(app.idempotencyKey);
  if (!record) throw new Error("application vanished after insert");
  return { inserted, record };
}

export async function findById(id: string): Promise<ApplicationRecord | undefined> {
  const db = await database();
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findByKey(key: string): Promise<ApplicationRecord | undefined> {
  const db = await database();
  return db.selectFrom("applications").selectAll().where("idempotency_key", "=", key).executeTakeFirst();
}

/** A live (not failed or discarded) application for the same job and email since `since`. */
export async function findRecentDuplicate(dedupeKey: string, since: number): Promise<ApplicationRecord | undefined> {
  const db = await database();
  return db
    .selectFrom("applications")
    .selectAll()
    .where("dedupe_key", "=", dedupeKey)
    .where("created_at", ">=", since)
    .where("status", "in", ["pending", "delivered"])
    .orderBy("created_at", "asc")
    .executeTakeFirst();
}

/** Takes the delivery lease of a pending application; false when someone else holds it. */
export async function claim(id: string, leaseMs: number, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ lease_until: now + leaseMs, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
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

export async function recordUploaded(id: string, fileUrl: string, now = Date.now()): Promise<void> {
  const db = await database();
  await db.updateTable("applications").set({ step: "uploaded", file_url: fileUrl, updated_at: now }).where("id", "=", id).execute();
}

export async function recordUncertainCreate(id: string): Promise<void> {
  const db = await database();
  await db
    .updateTable("applications")
    .set((eb) => ({ uncertain_creates: eb("uncertain_creates", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Confirmed by Occupop: the local resume bytes go at once. */
export async function markDelivered(id: string, candidateId: string | null, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .updateTable("applications")
    .set({
      status: "delivered",
      step: "created",
      candidate_id: candidateId,
      delivered_at: now,
      lease_until: null,
      last_error: null,
      resume_stored: 0,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
  await deleteResume(id);
}

export async function scheduleRetry(id: string, error: string, nextAttemptAt: number, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .updateTable("applications")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      next_attempt_at: nextAttemptAt,
      lease_until: null,
      last_error: error,
      updated_at: now,
    }))
    .where("id", "=", id)
    .execute();
}

export async function markFailed(id: string, kind: FailureKind, reason: string, now = Date.now()): Promise<void> {
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
      updated_at: now,
    }))
    .where("id", "=", id)
    .execute();
}

/** HR's "retry now": a failed (or waiting) application goes back to the queue, due at once. */
export async function retryNow(id: string, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .updateTable("applications")
    .set({ status: "pending", next_attempt_at: now, failure_reason: null, failure_kind: null, lease_until: null, updated_at: now })
    .where("id", "=", id)
    .where("status", "in", ["failed", "pending"])
    .executeTakeFirst();
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
    .set({ status: "pending", next_attempt_at: now, failure_reason: null, failure_kind: null, lease_until: null, updated_at: now })
    .where("status", "=", "failed")
    .where("failure_kind", "=", "auth")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** HR's "discard": the application and its resume are deleted. */
export async function discard(id: string): Promise<boolean> {
  const db = await database();
  const result = await db.deleteFrom("applications").where("id", "=", id).where("status", "in", ["failed", "pending"]).executeTakeFirst();
  await deleteResume(id);
  return Number(result.numDeletedRows) > 0;
}

/** Replaces an application the applicant is sending again after Occupop refused it. */
export async function removeForResubmission(id: string): Promise<void> {
  const db = await database();
  await db.deleteFrom("applications").where("id", "=", id).where("status", "=", "failed").execute();
  await deleteResume(id);
}

export type QueueStats = {
  pending: number;
  failed: number;
  delivered: number;
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
  return {
    pending: Number(by("pending")?.n ?? 0),
    failed: Number(by("failed")?.n ?? 0),
    delivered: Number(by("delivered")?.n ?? 0),
    uncertainCreates: rows.reduce((sum, r) => sum + Number(r.uncertain ?? 0), 0),
    oldestPendingAt: by("pending")?.oldest ?? null,
  };
}

export async function listByStatus(status: ApplicationStatus, limit = 100): Promise<ApplicationRecord[]> {
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

/** After a restart of the only process (SQLite), no lease can still be held. */
export async function releaseAllLeases(): Promise<void> {
  const db = await database();
  await db.updateTable("applications").set({ lease_until: null }).where("lease_until", "is not", null).execute();
}
