// The queue of job-page changes to tell search engines: a row per page and engine, written in
// the transaction that records the changed job list (lib/jobs/ledger.ts), so a change is never
// lost between the database and the engines. A page's change still waiting (not being sent)
// takes a later one's type (and keeps its place and any retry wait): the engine hears the
// page's latest state once. Sending takes
// leases (lib/db/leases), as the mail outbox does, so replicas never send one row twice at once.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import { authorizePrivateRead } from "@/lib/admin/access";
import { database } from "@/lib/db";
import { claimDueRows } from "@/lib/db/leases";
import type { Database, SearchEngine, SearchNotificationsTable, SearchNotificationType } from "@/lib/db/schema";

export type SearchNotification = Selectable<SearchNotificationsTable>;
/** A job page that changed: its path in the default language, and what Google is to be told. */
export type PageChange = { path: string; type: SearchNotificationType };

type Db = Kysely<Database> | Transaction<Database>;

/** Queues `changes` for each engine in `engines` (inside the caller's transaction). */
export async function enqueueSearchChanges(db: Db, engines: readonly SearchEngine[], changes: readonly PageChange[], now = Date.now()): Promise<number> {
  let queued = 0;
  for (const engine of engines) {
    for (const { path, type } of changes) {
      const replaced = await db
        .updateTable("search_notifications")
        .set({ type })
        .where("engine", "=", engine)
        .where("url", "=", path)
        .where("status", "=", "pending")
        .where("lease_owner", "is", null)
        .executeTakeFirst();
      if (Number(replaced.numUpdatedRows) === 0) {
        await db
          .insertInto("search_notifications")
          .values({ id: randomUUID(), engine, url: path, type, status: "pending", attempts: 0, next_attempt_at: now, created_at: now })
          .execute();
      }
      queued++;
    }
  }
  return queued;
}

/** Takes the leases of up to `limit` due notifications, oldest first. */
export async function claimDueNotifications(owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<SearchNotification[]> {
  const ids = await claimDueRows("search_notifications", owner, limit, leaseMs, now);
  if (!ids.length) return [];
  const db = await database();
  return db.selectFrom("search_notifications").selectAll().where("id", "in", ids).orderBy("created_at", "asc").execute();
}

const release = { lease_until: null, lease_owner: null } as const;

export async function markNotificationSent(id: string, owner: string, httpStatus: number, now = Date.now()): Promise<void> {
  const db = await database();
  await db
    .updateTable("search_notifications")
    .set((eb) => ({ status: "sent", sent_at: now, http_status: httpStatus, last_error: null, attempts: eb("attempts", "+", 1), ...release }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/** Tried and not taken for now: again at `nextAttemptAt`. `spent`: whether it counts as an attempt. */
export async function scheduleNotificationRetry(
  id: string,
  owner: string,
  { error, httpStatus, nextAttemptAt, spent = true }: { error: string; httpStatus: number | null; nextAttemptAt: number; spent?: boolean },
): Promise<void> {
  const db = await database();
  await db
    .updateTable("search_notifications")
    .set((eb) => ({ attempts: spent ? eb("attempts", "+", 1) : eb.ref("attempts"), next_attempt_at: Math.round(nextAttemptAt), last_error: error, http_status: httpStatus, ...release }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .where("status", "=", "pending")
    .execute();
}

export async function markNotificationFailed(id: string, owner: string, error: string, httpStatus: number | null): Promise<void> {
  const db = await database();
  await db
    .updateTable("search_notifications")
    .set((eb) => ({ status: "failed", last_error: error, http_status: httpStatus, attempts: eb("attempts", "+", 1), ...release }))
    .where("id", "=", id)
    .where("lease_owner", "=", owner)
    .execute();
}

/** Google's quota day: its daily quotas start again at midnight Pacific time. */
export function quotaDay(engine: SearchEngine, now = Date.now()): string {
  const zone = engine === "google" ? "America/Los_Angeles" : "UTC";
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now));
}

/**
 * Spends `units` of today's `quota` for `engine`, for every replica together (one conditional
 * update): true when they were there to spend, false (nothing spent) when not.
 */
export async function spendQuota(engine: SearchEngine, units: number, quota: number, now = Date.now()): Promise<boolean> {
  const db = await database();
  const day = quotaDay(engine, now);
  await db.insertInto("search_quota").values({ engine, day, used: 0 }).onConflict((oc) => oc.columns(["engine", "day"]).doNothing()).execute();
  const result = await db
    .updateTable("search_quota")
    .set((eb) => ({ used: eb("used", "+", units) }))
    .where("engine", "=", engine)
    .where("day", "=", day)
    .where("used", "<=", quota - units)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Calls spent today, by engine (the admin page). */
export async function quotaUsedToday(engine: SearchEngine, now = Date.now()): Promise<number> {
  await authorizePrivateRead();
  const db = await database();
  const row = await db.selectFrom("search_quota").select("used").where("engine", "=", engine).where("day", "=", quotaDay(engine, now)).executeTakeFirst();
  return Number(row?.used ?? 0);
}

/** The latest notifications, newest first (the admin page). */
export async function recentNotifications(limit = 30): Promise<SearchNotification[]> {
  await authorizePrivateRead();
  const db = await database();
  return db.selectFrom("search_notifications").selectAll().orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
}

/** Housekeeping: sent and failed notifications older than `days` days, and old quota days. */
export async function pruneNotifications(days: number, now = Date.now()): Promise<number> {
  const db = await database();
  const before = now - days * 24 * 60 * 60 * 1000;
  const result = await db.deleteFrom("search_notifications").where("status", "in", ["sent", "failed"]).where("created_at", "<", before).executeTakeFirst();
  await db.deleteFrom("search_quota").where("day", "<", quotaDay("google", before)).execute();
  return Number(result.numDeletedRows);
}
