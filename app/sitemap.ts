import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { getOpenJobs } from "@/lib/jobs";

// Served from the page cache; rendered again when the job list changes. While no job list was
// ever loaded the public gate answers 503 instead (lib/jobs/gate.ts): crawlers come back later
// rather than learn that every job is gone.
export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { SITE_URL } = env();
  const jobs = await getOpenJobs();
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
