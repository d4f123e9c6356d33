import { jobsJson } from "@/lib/jobs/feeds";
import { withOpenJobs } from "@/lib/jobs/public-routes";

export const dynamic = "force-dynamic";

export function GET() {
  return withOpenJobs(({ jobs, siteUrl, branding }) =>
    Response.json(jobsJson(jobs, siteUrl, branding), {
      // Other sites may embed the list.
      headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
    }),
  );
}
