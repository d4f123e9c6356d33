import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { findTrackingLink } from "@/lib/insights/links";
import { getJobBySlug } from "@/lib/jobs";

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { params: Promise<{ code: string }> };

// A tracking link HR shared (lib/insights/links): on to the job page with the link's channel as
// its utm_source, which the page's beacon and the application form carry from there. Never
// cached: HR can delete a link, and a job can close.
export default async function TrackingLinkPage({ params }: Props) {
  await connection();
  const link = await findTrackingLink((await params).code.toLowerCase());
  if (!link) notFound();
  const job = await getJobBySlug(link.jobUuid).catch(() => null);
  // A job gone from Occupop: the list of open jobs is the best next page. (A closed job's own
  // page says it has closed and points to the others.)
  if (!job) redirect(`/?utm_source=${encodeURIComponent(link.channel)}`);
  redirect(`/jobs/${job.slug}?utm_source=${encodeURIComponent(link.channel)}`);
}
