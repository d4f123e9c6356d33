// Taking work from a queue table shared by every replica: the due rows' leases in one
// statement. The due rows are picked in a CTE: on PostgreSQL with FOR UPDATE SKIP LOCKED
// (which also keeps the CTE from being inlined and re-run), so replicas claiming at the same
// moment take different rows instead of queueing on the same ones, and never more than
// `limit`; SQLite has one writer, so the statement is atomic there as it is.
import "server-only";
import { database, dbKind } from "./index";

/** The queue tables: each has id, status ("pending" while queued), next_attempt_at and a lease. */
export type QueueTable = "applications" | "mail_outbox" | "search_notifications" | "occupop_events";

export async function claimDueRows(table: QueueTable, owner: string, limit: number, leaseMs: number, now = Date.now()): Promise<string[]> {
  const db = await database();
  const rows = await db
    .with("due", (qb) =>
      qb
        .selectFrom(table)
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", now)
        .where((w) => w.or([w("lease_until", "is", null), w("lease_until", "<", now)]))
        .orderBy("next_attempt_at", "asc")
        .limit(limit)
        .$if(dbKind() === "postgres", (q) => q.forUpdate().skipLocked()),
    )
    .updateTable(table)
    .from("due")
    .set({ lease_until: now + leaseMs, lease_owner: owner })
    .whereRef(`${table}.id`, "=", "due.id")
    .returning(`${table}.id`)
    .execute();
  return rows.map((r) => r.id);
}
