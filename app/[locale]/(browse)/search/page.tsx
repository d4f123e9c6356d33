import type { Metadata } from "next";
import { JobListing } from "@/components/job-listing";
import { pageLocale } from "@/lib/i18n/server";
import { getOpenJobs } from "@/lib/jobs";
import { hasFilters, parseFilters, searchJobs } from "@/lib/jobs/search";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

// The listing with search words or filters (/?q=…&workplace=… is rewritten here by
// next.config.ts): rendered per request from the cached job list. Filtered views are for
// people; search engines get the canonical listing.
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  return { alternates: { canonical: page.path("/") }, robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const page = await pageLocale((await params).locale);
  const filters = parseFilters(await searchParams);
  const { jobs, facets, total } = searchJobs(await getOpenJobs(), filters, page.locale);
  return (
    <JobListing branding={page.branding} page={page} jobs={jobs} facets={facets} total={total} filters={filters} active={hasFilters(filters)} />
  );
}
