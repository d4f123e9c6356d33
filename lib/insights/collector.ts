// Counting without slowing anything: events are added up in this server's memory and written
// every INSIGHTS_FLUSH_MS as one upsert per (day, job, source, metric), off every request's
// path. Each replica adds its own; the database sums them. A counter lost to a crash is at
// most a few seconds of counts.
import "server-only";
import { backgroundLoop } from "@/lib/loop";
import { processSingleton } from "@/lib/process-state.mjs";
import { database } from "@/lib/db";
import type { InsightMetric } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type InsightEvent = { metric: InsightMetric; jobUuid: string; source: string; at?: number };

type State = { pending: Map<string, number>; flushing: Promise<void> | null };


function state(): State {
  return processSingleton<State>("insights", () => ({ pending: new Map(), flushing: null }));
}

export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Counts one event (in memory until the next flush). */
export function count(event: InsightEvent): void {
  if (!env().INSIGHTS_ENABLED) return;
  const key = JSON.stringify([dayOf(event.at ?? Date.now()), event.jobUuid, event.source.slice(0, 60), event.metric]);
  const s = state();
  s.pending.set(key, (s.pending.get(key) ?? 0) + 1);
}

/** Writes what was counted since the last flush. */
export function flushInsights(): Promise<void> {
  const s = state();
  if (s.flushing) return s.flushing;
  if (!s.pending.size) return Promise.resolve();
  const batch = s.pending;
  s.pending = new Map();
  s.flushing = (async () => {
    try {
      const db = await database();
      for (const [key, n] of batch) {
        const [day, jobUuid, source, metric] = JSON.parse(key) as [string, string, string, InsightMetric];
        await db
          .insertInto("insight_counts")
          .values({ day, job_uuid: jobUuid, source, metric, count: n })
          .onConflict((oc) => oc.columns(["day", "job_uuid", "source", "metric"]).doUpdateSet((eb) => ({ count: eb("insight_counts.count", "+", n) })))
          .execute();
      }
    } catch (error) {
      // Put the counts back for the next try rather than lose them.
      for (const [key, n] of batch) s.pending.set(key, (s.pending.get(key) ?? 0) + n);
      log("insights").warn({ err: error instanceof Error ? error.message : String(error) }, "could not write insight counts; will try again");
    } finally {
      s.flushing = null;
    }
  })();
  return s.flushing;
}

export function startInsights(): void {
  backgroundLoop("insights", { everyMs: env().INSIGHTS_FLUSH_MS, firstAfterMs: env().INSIGHTS_FLUSH_MS, run: flushInsights }).start();
}

/** Deletes daily counts older than 13 months (housekeeping). */
export async function pruneInsights(now = Date.now()): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 13);
  const db = await database();
  const result = await db.deleteFrom("insight_counts").where("day", "<", dayOf(cutoff.getTime())).executeTakeFirst();
  return Number(result.numDeletedRows);
}
