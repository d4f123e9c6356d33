// Jobs as the site shows them: the cached listing and lookups on it.
import "server-only";
import { getJobsSnapshot } from "./cache";
import type { Job } from "./types";

export { getJobsSnapshot, refreshJobs, JobsUnavailableError, type JobsSnapshot } from "./cache";
export type * from "./types";

/** Jobs open for applications, newest first. */
export async function getOpenJobs(): Promise<Job[]> {
  const { jobs } = await getJobsSnapshot();
  return jobs.filter((job) => job.isOpen);
}

/** A listed job (open or closed) by its slug or uuid. */
export async function getJobBySlug(slug: string): Promise<Job | null> {
  const { jobs } = await getJobsSnapshot();
  const key = slug.toLowerCase();
  return jobs.find((job) => job.slug === key || job.uuid === key) ?? null;
}
