import { jobsRss } from "@/lib/jobs/feeds";
import { withOpenJobs } from "@/lib/jobs/public-routes";

export const dynamic = "force-dynamic";

export function GET() {
  return withOpenJobs(({ jobs, siteUrl, branding }) =>
    new Response(jobsRss(jobs, siteUrl, branding), {
      headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
    }),
  );
}
