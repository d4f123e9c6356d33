import { jobsJson } from "@/lib/site/feeds";
import { withOpenJobs } from "@/lib/site/feed-route";

// Served from the page cache; rendered again when the job list or the branding changes.
// /jobs.json is the default language's (rewritten to /_/jobs.json), /de/jobs.json German's.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<Array<{ locale: string }>> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return withOpenJobs((await params).locale, ({ jobs, siteUrl, branding, language }) =>
    Response.json(jobsJson(jobs, siteUrl, branding, language), {
      // Other sites may embed the list.
      headers: { "Access-Control-Allow-Origin": "*" },
    }),
  );
}
