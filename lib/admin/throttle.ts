// Failed sign-ins slow down whoever fails, and nobody else. Each attempt is counted before its
// password hash runs, by one atomic statement per key that also refuses it while the key's
// delay lasts; a sign-in that succeeds clears its own keys. The delay grows with failures
// (15 s, 30 s, 1 min, … up to 15 minutes) after a few free ones, and counters are forgotten after
// an hour without attempts. Keys (lib/admin/login.ts): the address, and the account at that
// address; a browser the account trusts (a device cookie from an earlier sign-in) has its
// own key instead. There is no key for the account alone: a stranger who fails a thousand
// times for the administrator's email slows only themselves.
import "server-only";
import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import { database } from "@/lib/db";
import { processSingleton } from "@/lib/process-state.mjs";

export type ThrottleKey = { key: string; free: number };
export type Claim = { ok: true } | { ok: false; retryAfterMs: number };

/** Counters of keys unused for this long start again from zero. */
export const THROTTLE_RESET_MS = 60 * 60 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
const FIRST_DELAY_MS = 15_000;

/** The wait after the `failures`-th counted attempt of a key that has `free` attempts without one. */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - free - 1));
}

/** delayAfter() as an SQL CASE over the new failure count (literal numbers only). */
function delaySql(failures: ReturnType<typeof sql>, free: number) {
  const steps: ReturnType<typeof sql>[] = [];
  for (let f = free + 1; delayAfter(f, free) < MAX_DELAY_MS; f++) steps.push(sql`when ${failures} = ${sql.lit(f)} then ${sql.lit(delayAfter(f, free))}`);
  return sql`case when ${failures} <= ${sql.lit(free)} then 0 ${sql.join(steps, sql` `)} else ${sql.lit(MAX_DELAY_MS)} end`;
}

/**
 * Keys this server saw refused, and until when: a burst against one key is refused from memory,
 * not by a database write each (the database stays the judge for everything else).
 */
const refusedUntil = () => processSingleton("login-refused-until", () => new LRUCache<string, number>({ max: 20_000 }));

/** Counts one attempt for `key`, or refuses it while the key's delay lasts. Atomic across replicas. */
async function claimOne({ key, free }: ThrottleKey, now: number): Promise<Claim> {
  const until = refusedUntil().get(key);
  if (until !== undefined && until > now) return { ok: false, retryAfterMs: Math.max(1000, until - now) };
  const db = await database();
  const stale = now - THROTTLE_RESET_MS;
  // Epoch milliseconds need bigint on PostgreSQL, which would guess int for a bare parameter.
  const at = (ms: number) => sql`cast(${ms} as bigint)`;
  const failures = sql`(case when login_throttle.updated_at < ${at(stale)} then 1 else login_throttle.failures + 1 end)`;
  const claimed = await sql<{ failures: number }>`
    insert into login_throttle (key, failures, next_at, updated_at)
    values (${key}, 1, ${at(now + delayAfter(1, free))}, ${at(now)})
    on conflict (key) do update set
      failures = ${failures},
      next_at = ${at(now)} + ${delaySql(failures, free)},
      updated_at = ${at(now)}
    where login_throttle.next_at <= ${at(now)} or login_throttle.updated_at < ${at(stale)}
    returning failures`.execute(db);
  if (claimed.rows.length) return { ok: true };
  const row = await db.selectFrom("login_throttle").select("next_at").where("key", "=", key).executeTakeFirst();
  const nextAt = Number(row?.next_at ?? now);
  refusedUntil().set(key, nextAt);
  return { ok: false, retryAfterMs: Math.max(1000, nextAt - now) };
}

/** Claims an attempt on every key, most specific first; refused as soon as one refuses. */
export async function claimAttempt(keys: ThrottleKey[], now = Date.now()): Promise<Claim> {
  for (const key of keys) {
    const claim = await claimOne(key, now);
    if (!claim.ok) return claim;
  }
  return { ok: true };
}

/** A successful sign-in forgets these keys' failures. */
export async function clearAttempts(keys: string[]): Promise<void> {
  if (!keys.length) return;
  for (const key of keys) refusedUntil().delete(key);
  const db = await database();
  await db.deleteFrom("login_throttle").where("key", "in", keys).execute();
}

/** Drops counters nobody has used for an hour (housekeeping). */
export async function pruneThrottle(now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("login_throttle").where("updated_at", "<", now - THROTTLE_RESET_MS).executeTakeFirst();
  return Number(result.numDeletedRows);
}
