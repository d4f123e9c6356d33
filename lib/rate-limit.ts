// Rate limits kept in the database, so every replica counts the same hits: "5 a minute" is 5
// for the site, not per server. A sliding window: the current window's hits plus the previous
// window's, weighted by how much of it still overlaps the last `windowMs`, so a burst across a
// window boundary is not counted twice as "fresh". One hit is one atomic upsert (INSERT … ON
// CONFLICT DO UPDATE … RETURNING), the same statement on SQLite and PostgreSQL.
//
// rate-limiter-flexible was weighed (it has SQLite and PostgreSQL stores) and left out: on
// SQLite it writes through the raw better-sqlite3 handle, beside Kysely's connection lock,
// so a hit could land inside another request's open transaction and be rolled back with it;
// and it would be a second database client to configure. One statement through Kysely gives
// the same atomicity with neither problem.
import "server-only";
import { database } from "@/lib/db";
import { limitOf, metrics } from "@/lib/metrics";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterMs: number };

/** The sliding count: this window's hits and the overlapping share of the previous window's. */
function slidingCount(count: number, previous: number, windowStart: number, windowMs: number, now: number): number {
  const elapsed = (now - windowStart) / windowMs;
  return count + previous * (1 - elapsed);
}

/** Counts one hit for `key`; refuses once more than `limit` hits fall in the last `windowMs`. */
export async function hit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const db = await database();
  const windowStart = now - (now % windowMs);
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1, previous_count: 0 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        // Every expression reads the row as it was before this update.
        previous_count: eb
          .case()
          .when("rate_limits.window_start", "=", windowStart)
          .then(eb.ref("rate_limits.previous_count"))
          .when("rate_limits.window_start", "=", windowStart - windowMs)
          .then(eb.ref("rate_limits.count"))
          .else(0)
          .end(),
        count: eb
          .case()
          .when("rate_limits.window_start", "=", windowStart)
          .then(eb("rate_limits.count", "+", 1))
          .else(1)
          .end(),
        window_start: windowStart,
      })),
    )
    .returning(["count", "previous_count"])
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  const previous = Number(row.previous_count);
  const used = slidingCount(count, previous, windowStart, windowMs, now);
  let retryAfterMs = 0;
  if (used > limit) {
    // Wait until the previous window's share has shrunk enough, or this window has passed.
    const untilShareFits = previous > 0 && count <= limit ? windowMs * (1 - (limit - count) / previous) - (now - windowStart) : Infinity;
    retryAfterMs = Math.ceil(Math.max(0, Math.min(untilShareFits, windowStart + windowMs - now)));
  }
  if (used > limit) metrics().rateLimited.inc({ limit: limitOf(key) });
  return { allowed: used <= limit, remaining: Math.max(0, Math.floor(limit - used)), retryAfterMs };
}

/** Forgets a key (e.g. a successful login clears its failures). */
export async function clearHits(key: string): Promise<void> {
  const db = await database();
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** The sliding count for a key (rounded up), without adding a hit. */
export async function peek(key: string, windowMs: number, now = Date.now()): Promise<number> {
  const db = await database();
  const row = await db.selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst();
  if (!row) return 0;
  const windowStart = now - (now % windowMs);
  const stored = Number(row.window_start);
  if (stored === windowStart) return Math.ceil(slidingCount(Number(row.count), Number(row.previous_count), windowStart, windowMs, now));
  if (stored === windowStart - windowMs) return Math.ceil(slidingCount(0, Number(row.count), windowStart, windowMs, now));
  return 0;
}

/** Drops rows whose windows no longer count (housekeeping). */
export async function pruneRateLimits(olderThanMs: number, now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("rate_limits").where("window_start", "<", now - olderThanMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
