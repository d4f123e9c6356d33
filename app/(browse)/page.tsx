import type { Metadata } from "next";
import { JobListing } from "@/components/job-listing";
import { getBranding } from "@/lib/branding";
import { getOpenJobs } from "@/lib/jobs";
import { searchJobs } from "@/lib/jobs/search";

// The unfiltered listing, served from the page cache: rendered again when the job list or the
// branding changes (lib/page-cache), and at least hourly for the "posted 3 days ago" dates.
// A filtered listing (/?q=…) is rewritten to /search (next.config.ts) and rendered per request.
export const revalidate = 3600;

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function HomePage() {
  const [openJobs, branding] = await Promise.all([getOpenJobs(), getBranding()]);
  const { jobs, facets, total } = searchJobs(openJobs, {});
  return <JobListing branding={branding} jobs={jobs} facets={facets} total={total} filters={{}} active={false} />;
}
