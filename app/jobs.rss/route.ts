import { jobsRss } from "@/lib/jobs/feeds";
import { withOpenJobs } from "@/lib/jobs/public-routes";

// Served from the page cache; rendered again when the job list or the branding changes.
export const revalidate = 3600;

export function GET() {
  return withOpenJobs(({ jobs, siteUrl, branding }) =>
    new Response(jobsRss(jobs, siteUrl, branding), {
      headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
    }),
  );
}
