// Fixed-window rate limits kept in the database, so every replica counts the same hits.
import "server-only";
import { database } from "@/lib/db";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterMs: number };

/** Counts one hit for `key`; refuses once `limit` hits fall in the current window. */
export async function hit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const db = await database();
  const windowStart = now - (now % windowMs);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst();
    const count = row && row.window_start === windowStart ? row.count + 1 : 1;
    if (row) {
      await trx.updateTable("rate_limits").set({ window_start: windowStart, count }).where("key", "=", key).execute();
    } else {
      await trx.insertInto("rate_limits").values({ key, window_start: windowStart, count }).execute();
    }
    return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterMs: windowStart + windowMs - now };
  });
}

/** Forgets a key (e.g. a successful login clears its failures). */
export async function clearHits(key: string): Promise<void> {
  const db = await database();
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** The current count for a key, without adding a hit. */
export async function peek(key: string, windowMs: number, now = Date.now()): Promise<number> {
  const db = await database();
  const row = await db.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst();
  return row && row.window_start === now - (now % windowMs) ? row.count : 0;
}

/** Drops windows that have ended (called by the outbox worker's housekeeping). */
export async function pruneRateLimits(olderThanMs: number, now = Date.now()): Promise<void> {
  const db = await database();
  await db.deleteFrom("rate_limits").where("window_start", "<", now - olderThanMs).execute();
}
