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
import "server-only";
import { createHash } from "node:crypto";
import { isBuildPhase } from "@/lib/build-phase";
import { database } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { listJobs, OccupopError } from "@/lib/occupop";
import { invalidatePages } from "@/lib/page-cache";
import type { Job } from "./types";

const logger = log("jobs");

/** After a failed refresh with stale data in hand, wait this long before asking again. */
const FAILURE_BACKOFF_MS = 30_000;
/** With no data at all, visitors still must not turn into a stream of upstream retries. */
const COLD_FAILURE_BACKOFF_MS = 5_000;
const SNAPSHOT_ID = "current";

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

type Held = { jobs: Job[]; fetchedAt: number; hash: string };

type State = {
  snapshot: Held | null;
  inflight: Promise<Held> | null;
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

const hashOf = (data: string) => createHash("sha256").update(data).digest("hex");

/** Takes a newer list as this server's own; pages are rendered again when its content changed. */
function adopt(s: State, next: Held): Held {
  const changed = s.snapshot !== null && s.snapshot.hash !== next.hash;
  s.snapshot = next;
  if (changed) invalidatePages("job list changed");
  return next;
}

type StoredMeta = { version: number; hash: string; fetchedAt: number };

async function storedMeta(): Promise<StoredMeta | null> {
  const db = await database();
  const row = await db.selectFrom("job_snapshot").select(["version", "hash", "fetched_at"]).where("id", "=", SNAPSHOT_ID).executeTakeFirst();
  return row ? { version: Number(row.version), hash: row.hash, fetchedAt: Number(row.fetched_at) } : null;
}

async function storedSnapshot(): Promise<Held | null> {
  const db = await database();
  const row = await db.selectFrom("job_snapshot").select(["hash", "data", "fetched_at"]).where("id", "=", SNAPSHOT_ID).executeTakeFirst();
  return row ? { jobs: JSON.parse(row.data) as Job[], hash: row.hash, fetchedAt: Number(row.fetched_at) } : null;
}

/** Shares a freshly fetched list with the other servers; the version goes up only when the content changed. */
async function store(held: Held, data: string): Promise<void> {
  const db = await database();
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("job_snapshot").select(["version", "hash", "fetched_at"]).where("id", "=", SNAPSHOT_ID).executeTakeFirst();
    if (!current) {
      await trx
        .insertInto("job_snapshot")
        .values({ id: SNAPSHOT_ID, version: 1, hash: held.hash, data, fetched_at: held.fetchedAt })
        .onConflict((oc) => oc.column("id").doUpdateSet({ hash: held.hash, data, fetched_at: held.fetchedAt }))
        .execute();
    } else if (held.fetchedAt <= Number(current.fetched_at)) {
      // Another server stored a list fetched later than this one: it stays.
    } else if (current.hash === held.hash) {
      await trx.updateTable("job_snapshot").set({ fetched_at: held.fetchedAt }).where("id", "=", SNAPSHOT_ID).execute();
    } else {
      await trx
        .updateTable("job_snapshot")
        .set({ version: Number(current.version) + 1, hash: held.hash, data, fetched_at: held.fetchedAt })
        .where("id", "=", SNAPSHOT_ID)
        .execute();
    }
  });
}

async function fromOccupop(s: State): Promise<Held> {
  const jobs = await listJobs();
  const data = JSON.stringify(jobs);
  const held: Held = { jobs, fetchedAt: Date.now(), hash: hashOf(data) };
  const adopted = adopt(s, held);
  s.lastError = null;
  logger.info({ jobs: jobs.length, open: jobs.filter((j) => j.isOpen).length }, "job listing refreshed");
  await store(held, data).catch((error: unknown) => logger.warn({ err: describe(error) }, "could not share the job list through the database"));
  return adopted;
}

/** A list another server fetched within the window, if there is one newer than ours. */
async function fromOtherServer(s: State, windowMs: number): Promise<Held | null> {
  try {
    const meta = await storedMeta();
    if (!meta || Date.now() - meta.fetchedAt >= windowMs || meta.fetchedAt <= (s.snapshot?.fetchedAt ?? 0)) return null;
    const stored = await storedSnapshot();
    return stored ? adopt(s, stored) : null;
  } catch (error) {
    logger.warn({ err: describe(error) }, "could not read the shared job list");
    return null;
  }
}

function refresh(s: State, force = false): Promise<Held> {
  s.inflight ??= (async () => {
    try {
      if (!force) {
        const shared = await fromOtherServer(s, env().JOBS_CACHE_SECONDS * 1000);
        if (shared) {
          s.lastError = null;
          return shared;
        }
      }
      return await fromOccupop(s);
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

/** A cold server starts from the shared list, however old, rather than from nothing. */
async function coldStart(s: State): Promise<Held | null> {
  try {
    const stored = await storedSnapshot();
    return stored ? adopt(s, stored) : null;
  } catch (error) {
    logger.warn({ err: describe(error) }, "could not read the shared job list");
    return null;
  }
}

const COLD = Symbol.for("careers.jobs-cold-start");

/** The cached listing (open and closed jobs). Throws JobsUnavailableError when none was ever loaded. */
export async function getJobsSnapshot(): Promise<JobsSnapshot> {
  if (isBuildPhase()) return { jobs: [], fetchedAt: 0, stale: true };
  const s = state();
  if (!s.snapshot) {
    const g = globalThis as { [COLD]?: Promise<Held | null> };
    g[COLD] ??= coldStart(s);
    await g[COLD];
  }
  const windowMs = env().JOBS_CACHE_SECONDS * 1000;
  const now = Date.now();
  if (s.snapshot) {
    const expired = now - s.snapshot.fetchedAt >= windowMs;
    const backingOff = now - s.lastFailureAt < FAILURE_BACKOFF_MS;
    if (expired && !s.inflight && !backingOff) refresh(s).catch(() => undefined);
    return { jobs: s.snapshot.jobs, fetchedAt: s.snapshot.fetchedAt, stale: expired || s.lastError !== null };
  }
  if (!s.inflight && s.lastError && now - s.lastFailureAt < COLD_FAILURE_BACKOFF_MS) {
    throw new JobsUnavailableError(s.lastError);
  }
  try {
    const fresh = await refresh(s);
    return { jobs: fresh.jobs, fetchedAt: fresh.fetchedAt, stale: false };
  } catch (error) {
    throw new JobsUnavailableError(describe(error));
  }
}

/** Whether this server holds a job list right now (no waiting, no fetching). */
export function hasJobs(): boolean {
  return state().snapshot !== null;
}

/** Refreshes from Occupop now (the revalidate webhook); keeps serving the old copy if it fails. */
export async function refreshJobs(): Promise<JobsSnapshot> {
  const s = state();
  if (s.inflight) await s.inflight.catch(() => undefined);
  const fresh = await refresh(s, true);
  return { jobs: fresh.jobs, fetchedAt: fresh.fetchedAt, stale: false };
}

/**
 * Brings this server in step with the shared list (lib/sync calls it every SYNC_POLL_MS):
 * a list another server fetched is adopted, and its fetch time restarts this server's window,
 * so the servers between them ask Occupop about once per window.
 */
export async function syncJobsFromDatabase(): Promise<void> {
  const s = state();
  const meta = await storedMeta();
  // Nothing shared, or ours is newer (its write failed): nothing to take.
  if (!meta || (s.snapshot && meta.fetchedAt < s.snapshot.fetchedAt)) return;
  if (!s.snapshot || meta.hash !== s.snapshot.hash) {
    const stored = await storedSnapshot();
    if (stored) adopt(s, stored);
    s.lastError = null;
  } else if (meta.fetchedAt > s.snapshot.fetchedAt) {
    s.snapshot = { ...s.snapshot, fetchedAt: meta.fetchedAt };
    s.lastError = null;
  }
}

/** Forgets everything this process holds (tests). */
export function resetJobsCache(): void {
  delete (globalThis as Holder)[STATE];
  delete (globalThis as { [COLD]?: unknown })[COLD];
}
