import type { Metadata } from "next";
import { JobListing } from "@/components/job-listing";
import { alternates, pageLocale } from "@/lib/i18n/server";
import { getOpenJobs } from "@/lib/jobs";
import { searchJobs } from "@/lib/jobs/search";

// The unfiltered listing, served from the page cache: rendered again when the job list or the
// branding changes (lib/page-cache), and at least hourly for the "posted 3 days ago" dates.
// A filtered listing (/?q=…) is rewritten to /search (next.config.ts) and rendered per request.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<Array<{ locale: string }>> {
  return [];
}

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  return { alternates: alternates(page, "/") };
}

export default async function HomePage({ params }: Props) {
  const page = await pageLocale((await params).locale);
  const { jobs, facets, total } = searchJobs(await getOpenJobs(), {}, page.locale);
  return <JobListing branding={page.branding} page={page} jobs={jobs} facets={facets} total={total} filters={{}} active={false} />;
}
