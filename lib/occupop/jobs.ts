// Reading jobs: every page of the listing, each job parsed on its own so one malformed
// job is skipped (and logged) instead of taking the list down.
import "server-only";
import type { Job } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { occupopRequest } from "./client";
import { toJob } from "./reshape";
import { wireJobPageSchema, wireJobSchema, type WireJob, type WireJobPage } from "./wire";

const logger = log("occupop");

/** A runaway `last_page` must not turn one listing into thousands of calls. */
export const MAX_PAGES = 100;
const PAGE_CONCURRENCY = 4;

function fetchPage(page: number, signal?: AbortSignal): Promise<WireJobPage> {
  // Page URLs are built from the configured base, never taken from `links` (they are http://).
  return occupopRequest({ operation: "listJobs", path: `/jobs?page=${page}`, schema: wireJobPageSchema, retry: true, signal });
}

function parseJobs(page: WireJobPage, pageNumber: number): WireJob[] {
  const jobs: WireJob[] = [];
  page.data.forEach((item, index) => {
    const parsed = wireJobSchema.safeParse(item);
    if (parsed.success) {
      jobs.push(parsed.data);
      return;
    }
    const uuid = item && typeof item === "object" && "uuid" in item ? String(item.uuid) : undefined;
    logger.warn(
      {
        page: pageNumber,
        index,
        uuid,
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`),
      },
      "skipping a malformed job from Occupop",
    );
  });
  return jobs;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Walks the listing. With `until`, stops at the first page holding a matching job. */
async function walkPages(until?: (job: WireJob) => boolean): Promise<WireJob[]> {
  const first = await fetchPage(1);
  const firstJobs = parseJobs(first, 1);
  if (until && firstJobs.some(until)) return firstJobs;
  const lastPage = first.meta?.last_page;
  if (lastPage !== undefined && !until) {
    const pages = Array.from({ length: Math.min(lastPage, MAX_PAGES) - 1 }, (_, i) => i + 2);
    const rest = await mapLimit(pages, PAGE_CONCURRENCY, async (n) => parseJobs(await fetchPage(n), n));
    return [...firstJobs, ...rest.flat()];
  }
  // Sequential walk: when looking for one job, or when the API gives no last_page.
  const all = [...firstJobs];
  const end = Math.min(lastPage ?? MAX_PAGES, MAX_PAGES);
  let previous = first.data.length;
  for (let n = 2; n <= end && previous > 0; n++) {
    const page = await fetchPage(n);
    const jobs = parseJobs(page, n);
    all.push(...jobs);
    previous = page.data.length;
    if (until && jobs.some(until)) break;
  }
  return all;
}

function newestFirst(a: Job, b: Job): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

/** A job for the public: Occupop marks staff-only jobs `external: false` (integrations ask for external ones). */
export const isPublicJob = (wire: WireJob) => wire.external !== false;

/**
 * Every public job in the listing (open and closed), newest first, deduplicated by uuid.
 * Internal-only jobs are left out here, at the door, so no page, feed, alert or form can show
 * or take one.
 */
export async function listJobs(): Promise<Job[]> {
  const now = Date.now();
  const seen = new Set<string>();
  const jobs: Job[] = [];
  let internal = 0;
  for (const wire of await walkPages()) {
    if (seen.has(wire.uuid)) continue;
    seen.add(wire.uuid);
    if (!isPublicJob(wire)) {
      internal++;
      continue;
    }
    jobs.push(toJob(wire, now));
  }
  if (internal) log("occupop").debug({ internal }, "internal-only jobs left out of the public list");
  return jobs.sort(newestFirst);
}

export type JobForApplication = {
  job: Job;
  /** A fresh, single-use signed upload URL. A credential: never render or cache it. */
  uploadUrl: string | null;
};

/**
 * The job as Occupop lists it right now, with a fresh signed upload URL. There is no
 * documented single-job endpoint, so this walks the listing until it finds the job.
 */
export async function findJobForApplication(uuid: string): Promise<JobForApplication | null> {
  const match = (job: WireJob) => job.uuid === uuid;
  const wire = (await walkPages(match)).find(match);
  // A job made internal-only since the application was taken is closed to it.
  if (!wire || !isPublicJob(wire)) return null;
  return { job: toJob(wire), uploadUrl: wire.cv_upload_signed_url };
}

/** One cheap authenticated read: resolves when Occupop accepts the token, throws otherwise. */
export async function checkToken(): Promise<void> {
  await occupopRequest({ operation: "checkToken", path: "/jobs?page=1", schema: wireJobPageSchema, retry: false });
}
