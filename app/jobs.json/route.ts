import { jobsJson } from "@/lib/jobs/feeds";
import { withOpenJobs } from "@/lib/jobs/public-routes";

// Served from the page cache; rendered again when the job list or the branding changes.
export const revalidate = 3600;

export function GET() {
  return withOpenJobs(({ jobs, siteUrl, branding }) =>
    Response.json(jobsJson(jobs, siteUrl, branding), {
      // Other sites may embed the list.
      headers: { "Access-Control-Allow-Origin": "*" },
    }),
  );
}
