// Fixed-window rate limits kept in the database, so every replica counts the same hits:
// "5 a minute" is 5 for the site, not per server. One hit is one atomic upsert (INSERT … ON
// CONFLICT DO UPDATE … RETURNING), the same statement on SQLite and PostgreSQL.
//
// rate-limiter-flexible was weighed (it has SQLite and PostgreSQL stores) and left out: on
// SQLite it writes through the raw better-sqlite3 handle, beside Kysely's connection lock,
// so a hit could land inside another request's open transaction and be rolled back with it;
// and it would be a second database client to configure. One statement through Kysely gives
// the same atomicity with neither problem.
import "server-only";
import { database } from "@/lib/db";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterMs: number };

/** Counts one hit for `key`; refuses once `limit` hits fall in the current window. */
export async function hit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const db = await database();
  const windowStart = now - (now % windowMs);
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        count: eb
          .case()
          .when("rate_limits.window_start", "=", windowStart)
          .then(eb("rate_limits.count", "+", 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterMs: windowStart + windowMs - now };
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
  return row && Number(row.window_start) === now - (now % windowMs) ? Number(row.count) : 0;
}

/** Drops windows that have ended (housekeeping). */
export async function pruneRateLimits(olderThanMs: number, now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("rate_limits").where("window_start", "<", now - olderThanMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
