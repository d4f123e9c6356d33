import { jobsRss } from "@/lib/site/feeds";
import { withOpenJobs } from "@/lib/site/feed-route";

// Served from the page cache; rendered again when the job list or the branding changes.
// /jobs.rss is the default language's (rewritten to /_/jobs.rss), /de/jobs.rss German's.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<Array<{ locale: string }>> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return withOpenJobs((await params).locale, ({ jobs, siteUrl, branding, language }) =>
    new Response(jobsRss(jobs, siteUrl, branding, language), {
      headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
    }),
  );
}
