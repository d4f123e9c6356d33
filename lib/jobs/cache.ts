// The job listing, cached in this server's memory and shared through the database, so
// upstream traffic does not grow with visitors nor with servers:
// - concurrent cold requests share one listing call (single flight), and every view inside
//   the window (JOBS_CACHE_SECONDS) is served from memory;
// - after the window the stale copy is served while one background refresh runs;
// - every fetched list is written to the database (job_snapshot). A server about to ask
//   Occupop first looks there: if another server fetched within the window it adopts that
//   copy instead. A cold server starts from it, so a restart during an Occupop outage keeps
//   serving the last good list. lib/sync brings a list another server fetched (a webhook,
//   say) to this one within SYNC_POLL_MS.
// When the list's content changes, the public pages are rendered again (lib/page-cache).
// The database is a helper here, not a dependency: with it down, jobs still come from Occupop.
// The policy is createJobsCache(), given where to fetch and where to share (./shared-list.ts);
// the process's one cache is made from Occupop and the database.
import "server-only";
import { createHash } from "node:crypto";
import { isBuildPhase } from "@/lib/build-phase";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { listJobs, OccupopError } from "@/lib/occupop";
import { invalidatePages } from "@/lib/page-cache";
import { dropProcessSingleton, processSingleton } from "@/lib/process-state.mjs";
import { databaseStorage, type HeldList, type JobListStorage } from "./shared-list";
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

  /**
   * Whether `error` is one. Not `instanceof`: the cache is one per process (processSingleton),
   * built by whichever bundle of the app asked first, so its errors may come from another
   * bundle's copy of this class.
   */
  static is(error: unknown): error is JobsUnavailableError {
    return error instanceof Error && error.name === "JobsUnavailableError" && typeof (error as { reason?: unknown }).reason === "string";
  }
}

type State = {
  snapshot: HeldList | null;
  inflight: Promise<HeldList> | null;
  cold: Promise<HeldList | null> | null;
  lastFailureAt: number;
  lastError: string | null;
};

function describe(error: unknown): string {
  if (error instanceof OccupopError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

const hashOf = (data: string) => createHash("sha256").update(data).digest("hex");

export type JobsCacheDeps = {
  /** The whole listing from Occupop. */
  fetchJobs: () => Promise<Job[]>;
  storage: JobListStorage;
  /** JOBS_CACHE_SECONDS, in milliseconds (read each time: tests change it). */
  windowMs: () => number;
  /** Called when the list's content changed (the public pages are rendered again). */
  onChange: (reason: string) => void;
  now?: () => number;
};

export type JobsCache = {
  /** The cached listing (open and closed jobs). Throws JobsUnavailableError when none was ever loaded. */
  snapshot(): Promise<JobsSnapshot>;
  /** Whether a job list is held right now (no waiting, no fetching). */
  hasJobs(): boolean;
  /** The jobs held right now, or null (no waiting, no fetching). */
  heldJobs(): Job[] | null;
  /** Refreshes from Occupop now; keeps serving the old copy if it fails. */
  refresh(): Promise<JobsSnapshot>;
  /** Takes a list another server fetched (and its fetch time) from the shared storage. */
  sync(): Promise<void>;
};

export function createJobsCache({ fetchJobs, storage, windowMs, onChange, now = Date.now }: JobsCacheDeps): JobsCache {
  const s: State = { snapshot: null, inflight: null, cold: null, lastFailureAt: 0, lastError: null };

  /** Takes a newer list as this server's own; pages are rendered again when its content changed. */
  const adopt = (next: HeldList): HeldList => {
    const changed = s.snapshot !== null && s.snapshot.hash !== next.hash;
    s.snapshot = next;
    if (changed) onChange("job list changed");
    return next;
  };

  const fromOccupop = async (): Promise<HeldList> => {
    const jobs = await fetchJobs();
    const data = JSON.stringify(jobs);
    const held: HeldList = { jobs, fetchedAt: now(), hash: hashOf(data) };
    const adopted = adopt(held);
    s.lastError = null;
    logger.info({ jobs: jobs.length, open: jobs.filter((j) => j.isOpen).length }, "job listing refreshed");
    await storage.write(held, data).catch((error: unknown) => logger.warn({ err: describe(error) }, "could not share the job list through the database"));
    return adopted;
  };

  /** A list another server fetched within the window, if there is one newer than ours. */
  const fromOtherServer = async (): Promise<HeldList | null> => {
    try {
      const meta = await storage.meta();
      if (!meta || now() - meta.fetchedAt >= windowMs() || meta.fetchedAt <= (s.snapshot?.fetchedAt ?? 0)) return null;
      const stored = await storage.read();
      return stored ? adopt(stored) : null;
    } catch (error) {
      logger.warn({ err: describe(error) }, "could not read the shared job list");
      return null;
    }
  };

  const refresh = (force = false): Promise<HeldList> => {
    s.inflight ??= (async () => {
      try {
        if (!force) {
          const shared = await fromOtherServer();
          if (shared) {
            s.lastError = null;
            return shared;
          }
        }
        return await fromOccupop();
      } catch (error) {
        s.lastFailureAt = now();
        s.lastError = describe(error);
        logger.error({ err: error instanceof OccupopError ? error.toLog() : describe(error), servingStale: Boolean(s.snapshot) }, "job listing refresh failed");
        throw error;
      } finally {
        s.inflight = null;
      }
    })();
    return s.inflight;
  };

  /** A cold server starts from the shared list, however old, rather than from nothing. */
  const coldStart = async (): Promise<HeldList | null> => {
    try {
      const stored = await storage.read();
      return stored ? adopt(stored) : null;
    } catch (error) {
      logger.warn({ err: describe(error) }, "could not read the shared job list");
      return null;
    }
  };

  return {
    async snapshot() {
      if (!s.snapshot) await (s.cold ??= coldStart());
      const at = now();
      if (s.snapshot) {
        const expired = at - s.snapshot.fetchedAt >= windowMs();
        const backingOff = at - s.lastFailureAt < FAILURE_BACKOFF_MS;
        if (expired && !s.inflight && !backingOff) refresh().catch(() => undefined);
        return { jobs: s.snapshot.jobs, fetchedAt: s.snapshot.fetchedAt, stale: expired || s.lastError !== null };
      }
      if (!s.inflight && s.lastError && at - s.lastFailureAt < COLD_FAILURE_BACKOFF_MS) throw new JobsUnavailableError(s.lastError);
      try {
        const fresh = await refresh();
        return { jobs: fresh.jobs, fetchedAt: fresh.fetchedAt, stale: false };
      } catch (error) {
        throw new JobsUnavailableError(describe(error));
      }
    },
    hasJobs: () => s.snapshot !== null,
    heldJobs: () => s.snapshot?.jobs ?? null,
    async refresh() {
      if (s.inflight) await s.inflight.catch(() => undefined);
      const fresh = await refresh(true);
      return { jobs: fresh.jobs, fetchedAt: fresh.fetchedAt, stale: false };
    },
    async sync() {
      const meta = await storage.meta();
      // Nothing shared, or ours is newer (its write failed): nothing to take.
      if (!meta || (s.snapshot && meta.fetchedAt < s.snapshot.fetchedAt)) return;
      if (!s.snapshot || meta.hash !== s.snapshot.hash) {
        const stored = await storage.read();
        if (stored) adopt(stored);
        s.lastError = null;
      } else if (meta.fetchedAt > s.snapshot.fetchedAt) {
        s.snapshot = { ...s.snapshot, fetchedAt: meta.fetchedAt };
        s.lastError = null;
      }
    },
  };
}

/** This process's cache: Occupop's listing, shared through the database. */
const jobsCache = () =>
  processSingleton("jobs-cache", () =>
    createJobsCache({ fetchJobs: listJobs, storage: databaseStorage, windowMs: () => env().JOBS_CACHE_SECONDS * 1000, onChange: invalidatePages }),
  );

/** The cached listing (open and closed jobs). Throws JobsUnavailableError when none was ever loaded. */
export async function getJobsSnapshot(): Promise<JobsSnapshot> {
  if (isBuildPhase()) return { jobs: [], fetchedAt: 0, stale: true };
  return jobsCache().snapshot();
}

/** Whether this server holds a job list right now (no waiting, no fetching). */
export const hasJobs = (): boolean => jobsCache().hasJobs();

/** The jobs this server holds right now, or null (no waiting, no fetching). */
export const heldJobs = (): Job[] | null => jobsCache().heldJobs();

/** Refreshes from Occupop now (the revalidate webhook); keeps serving the old copy if it fails. */
export const refreshJobs = (): Promise<JobsSnapshot> => jobsCache().refresh();

/**
 * Brings this server in step with the shared list (lib/sync calls it every SYNC_POLL_MS):
 * a list another server fetched is adopted, and its fetch time restarts this server's window,
 * so the servers between them ask Occupop about once per window.
 */
export const syncJobsFromDatabase = (): Promise<void> => jobsCache().sync();

/** Forgets everything this process holds (tests). */
export function resetJobsCache(): void {
  dropProcessSingleton("jobs-cache");
}
