// Occupop's webhook events, kept once each and queued for any replica (lib/db/leases). An event
// is identified by its content: the event, the resource, its status and step, and the time
// Occupop gives it (else the whole body), so a repeated delivery is the same row. Of the body
// only what processing needs is kept, never a name or an email.
import "server-only";
import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import { database } from "@/lib/db";
import { claimDueRows } from "@/lib/db/leases";
import type { OccupopEventsTable } from "@/lib/db/schema";

export type StoredEvent = Selectable<OccupopEventsTable>;

/** An event as the webhook parsed it. */
export type OccupopEvent = {
  eventName: string;
  resourceType: string;
  uuid: string;
  status: string | null;
  step: string | null;
  /** Occupop's updated_at (ms), when it sent one. */
  updatedAt: number | null;
};

/** The event's identity: the same content (and time) is the same event. */
export function eventId(event: OccupopEvent, rawBody: Buffer): string {
  const time = event.updatedAt === null ? `body:${createHash("sha256").update(rawBody).digest("hex")}` : String(event.updatedAt);
  return createHash("sha256").update([event.eventName, event.resourceType, event.uuid, event.status ?? "", event.step ?? "", time].join("\n")).digest("hex");
}

/** Keeps an event for processing; false when it was kept before (a repeat delivery). */
export async function storeEvent(event: OccupopEvent, rawBody: Buffer, now = Date.now()): Promise<boolean> {
  const db = await database();
  const result = await db
    .insertInto("occupop_events")
    .values({
      id: eventId(event, rawBody),
      event_name: event.eventName,
      resource_type: event.resourceType,
      resource_uuid: event.uuid,
      resource_status: event.status,
      resource_step: event.step,
      occurred_at: event.updatedAt ?? now,
      received_at: now,
      status: "pending",
      attempts: 0,
      next_attempt_at: now,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function claimDueEvents(owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<StoredEvent[]> {
  const ids = await claimDueRows("occupop_events", owner, limit, leaseMs, now);
  if (!ids.length) return [];
  const db = await database();
  return db.selectFrom("occupop_events").selectAll().where("id", "in", ids).orderBy("occurred_at", "asc").execute();
}

export async function markEventsDone(ids: string[], owner: string): Promise<void> {
  if (!ids.length) return;
  const db = await database();
  await db
    .updateTable("occupop_events")
    .set((eb) => ({ status: "done", attempts: eb("attempts", "+", 1), lease_until: null, lease_owner: null, last_error: null }))
    .where("id", "in", ids)
    .where("lease_owner", "=", owner)
    .execute();
}

export async function retryEvents(ids: string[], owner: string, error: string, nextAttemptAt: number, giveUp: boolean): Promise<void> {
  if (!ids.length) return;
  const db = await database();
  await db
    .updateTable("occupop_events")
    .set((eb) => ({
      status: giveUp ? "failed" : "pending",
      attempts: eb("attempts", "+", 1),
      next_attempt_at: Math.round(nextAttemptAt),
      lease_until: null,
      lease_owner: null,
      last_error: error,
    }))
    .where("id", "in", ids)
    .where("lease_owner", "=", owner)
    .execute();
}

/**
 * Records a candidate's status and step as of `at`, unless a later one is recorded already
 * (events may arrive out of order).
 */
export async function recordCandidateStatus(candidateUuid: string, status: string | null, step: string | null, at: number, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .insertInto("candidate_statuses")
    .values({ candidate_uuid: candidateUuid, status, step, status_at: at, updated_at: now })
    .onConflict((oc) =>
      oc
        .column("candidate_uuid")
        .doUpdateSet({ status, step, status_at: at, updated_at: now })
        .where("candidate_statuses.status_at", "<", at),
    )
    .execute();
}

/** A candidate's latest status in Occupop, or null. */
export async function candidateStatus(candidateUuid: string): Promise<{ status: string | null; step: string | null; at: number } | null> {
  const db = await database();
  const row = await db.selectFrom("candidate_statuses").selectAll().where("candidate_uuid", "=", candidateUuid).executeTakeFirst();
  return row ? { status: row.status, step: row.step, at: Number(row.status_at) } : null;
}

/** Housekeeping: processed events older than `days` days. */
export async function pruneEvents(days: number, now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("occupop_events").where("status", "in", ["done", "failed"]).where("received_at", "<", now - days * 86_400_000).executeTakeFirst();
  return Number(result.numDeletedRows);
}
