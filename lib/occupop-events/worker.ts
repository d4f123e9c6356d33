// Processing Occupop's webhook events, on whichever replica takes them: job events refresh
// the job list at once (one refresh for however many arrived together), candidate events
// record the candidate's latest status (lib/occupop-events/queue.ts). A failure (Occupop not
// reachable for the refresh) is tried again with backoff, for a day.
import "server-only";
import { retryDelay } from "@/lib/backoff";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state.mjs";
import { backgroundLoop } from "@/lib/loop";
import { serverId } from "@/lib/server-id";
import { claimDueEvents, markEventsDone, pruneEvents, recordCandidateStatus, retryEvents } from "./queue";

const logger = log("occupop-events");
const BATCH = 200;
const LEASE_MS = 60_000;
const GIVE_UP_MS = 24 * 3_600_000;

/** One pass: every due event. Returns how many were processed. */
export async function runEventsOnce(): Promise<number> {
  const owner = serverId();
  let processed = 0;
  for (;;) {
    const batch = await claimDueEvents(owner, BATCH, LEASE_MS);
    if (!batch.length) break;
    const jobs = batch.filter((e) => e.resource_type === "JobResource");
    const candidates = batch.filter((e) => e.resource_type === "CandidateResource");
    const others = batch.filter((e) => e.resource_type !== "JobResource" && e.resource_type !== "CandidateResource");
    for (const e of candidates) await recordCandidateStatus(e.resource_uuid, e.resource_status, e.resource_step, Number(e.occurred_at));
    await markEventsDone([...candidates, ...others].map((e) => e.id), owner);
    if (jobs.length) {
      try {
        const { refreshJobs } = await import("@/lib/jobs/cache");
        await refreshJobs();
        await markEventsDone(jobs.map((e) => e.id), owner);
      } catch (error) {
        const oldest = Math.min(...jobs.map((e) => Number(e.received_at)));
        const attempts = Math.max(...jobs.map((e) => e.attempts));
        const message = `The job list could not be refreshed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
        await retryEvents(jobs.map((e) => e.id), owner, message, Date.now() + retryDelay(attempts, 5_000, 600_000), Date.now() - oldest > GIVE_UP_MS);
        logger.warn({ events: jobs.length }, "job events wait: the job list could not be refreshed");
        break;
      }
    }
    processed += batch.length;
    if (batch.length < BATCH) break;
  }
  return processed;
}

const eventsLoop = () => backgroundLoop("occupop-events", { everyMs: 5_000, run: runEventsOnce, failure: "could not process Occupop's webhook events" });

/** A pass now, or right after the one under way; resolves when done. */
export function kickEvents(): Promise<void> {
  return eventsLoop().kick();
}

/** Events arrive in bursts: a pass 25 ms after the first of one takes them together. */
const SOON_MS = 25;
const soon = () => processSingleton<{ timer: NodeJS.Timeout | null }>("occupop-events-soon", () => ({ timer: null }));

/** An event just arrived: a pass shortly, for it and whatever else arrives meanwhile. */
export function eventArrived(): void {
  const state = soon();
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void kickEvents();
  }, SOON_MS);
}

export function startEventsWorker(): void {
  registerHousekeeping({ name: "Occupop webhook events", run: () => pruneEvents(7) });
  if (env().OCCUPOP_WEBHOOK_SECRET) eventsLoop().start();
}
