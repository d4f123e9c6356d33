// The job listing, cached in this server process. Upstream traffic does not grow with
// visitors: concurrent cold requests share one listing call (single flight), every view
// inside the window is served from memory, and after it the stale copy is served while
// one background refresh runs. When Occupop fails, the last good copy keeps serving.
import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { listJobs, OccupopError } from "@/lib/occupop";
import type { Job } from "./types";

const logger = log("jobs");

/** After a failed refresh with stale data in hand, wait this long before asking again. */
const FAILURE_BACKOFF_MS = 30_000;
/** With no data at all, visitors still must not turn into a stream of upstream retries. */
const COLD_FAILURE_BACKOFF_MS = 5_000;

export type JobsSnapshot = {
  jobs: Job[];
  fetchedAt: number;
  /** The window has passed, or the last refresh failed: a newer copy is being sought. */
  stale: boolean;
};

export class JobsUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`Jobs are unavailable: ${reason}`);
    this.name = "JobsUnavailableError";
  }
}

type State = {
  snapshot: { jobs: Job[]; fetchedAt: number } | null;
  inflight: Promise<{ jobs: Job[]; fetchedAt: number }> | null;
  lastFailureAt: number;
  lastError: string | null;
};

const STATE = Symbol.for("careers.jobs-cache");
type Holder = { [STATE]?: State };

function state(): State {
  const holder = globalThis as Holder;
  holder[STATE] ??= { snapshot: null, inflight: null, lastFailureAt: 0, lastError: null };
  return holder[STATE];
}

function describe(error: unknown): string {
  if (error instanceof OccupopError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function refresh(s: State): Promise<{ jobs: Job[]; fetchedAt: number }> {
  s.inflight ??= (async () => {
    try {
      const jobs = await listJobs();
      s.snapshot = { jobs, fetchedAt: Date.now() };
      s.lastError = null;
      logger.info({ jobs: jobs.length, open: jobs.filter((j) => j.isOpen).length }, "job listing refreshed");
      return s.snapshot;
    } catch (error) {
      s.lastFailureAt = Date.now();
      s.lastError = describe(error);
      logger.error(
        { err: error instanceof OccupopError ? error.toLog() : describe(error), servingStale: Boolean(s.snapshot) },
        "job listing refresh failed",
      );
      throw error;
    } finally {
      s.inflight = null;
    }
  })();
  return s.inflight;
}

/** The cached listing (open and closed jobs). Throws JobsUnavailableError when none was ever loaded. */
export async function getJobsSnapshot(): Promise<JobsSnapshot> {
  const s = state();
  const windowMs = env().JOBS_CACHE_SECONDS * 1000;
  const now = Date.now();
  if (s.snapshot) {
    const expired = now - s.snapshot.fetchedAt >= windowMs;
    const backingOff = now - s.lastFailureAt < FAILURE_BACKOFF_MS;
    if (expired && !s.inflight && !backingOff) refresh(s).catch(() => undefined);
    return { ...s.snapshot, stale: expired || s.lastError !== null };
  }
  if (!s.inflight && s.lastError && now - s.lastFailureAt < COLD_FAILURE_BACKOFF_MS) {
    throw new JobsUnavailableError(s.lastError);
  }
  try {
    const fresh = await refresh(s);
    return { ...fresh, stale: false };
  } catch (error) {
    throw new JobsUnavailableError(describe(error));
  }
}

/** Refreshes now (for the revalidate webhook); keeps serving the old copy if it fails. */
export async function refreshJobs(): Promise<JobsSnapshot> {
  const s = state();
  if (s.inflight) await s.inflight.catch(() => undefined);
  const fresh = await refresh(s);
  return { ...fresh, stale: false };
}
