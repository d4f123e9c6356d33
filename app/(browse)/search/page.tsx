import type { Metadata } from "next";
import { JobListing } from "@/components/job-listing";
import { getBranding } from "@/lib/branding";
import { getOpenJobs } from "@/lib/jobs";
import { hasFilters, parseFilters, searchJobs } from "@/lib/jobs/search";

// The listing with search words or filters (/?q=…&workplace=… is rewritten here by
// next.config.ts): rendered per request from the cached job list. Filtered views are for
// people; search engines get the canonical listing.
export const metadata: Metadata = { alternates: { canonical: "/" }, robots: { index: false, follow: true } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const filters = parseFilters(await searchParams);
  const [openJobs, branding] = await Promise.all([getOpenJobs(), getBranding()]);
  const { jobs, facets, total } = searchJobs(openJobs, filters);
  return <JobListing branding={branding} jobs={jobs} facets={facets} total={total} filters={filters} active={hasFilters(filters)} />;
}
