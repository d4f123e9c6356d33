import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { getOpenJobs, JobsUnavailableError } from "@/lib/jobs";
import { setResponseStatus } from "@/lib/request-context";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { SITE_URL } = env();
  let jobs: Awaited<ReturnType<typeof getOpenJobs>> = [];
  try {
    jobs = await getOpenJobs();
  } catch (error) {
    if (!(error instanceof JobsUnavailableError)) throw error;
    // Tell crawlers to come back, rather than that every job is gone.
    setResponseStatus(503);
  }
  return [
    { url: `${SITE_URL}/`, lastModified: jobs[0]?.postedAt, changeFrequency: "daily", priority: 1 },
    ...jobs.map((job) => ({
      url: `${SITE_URL}/jobs/${job.slug}`,
      lastModified: job.postedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
  ];
}
