import type { ReactNode } from "react";
import { JobsUnavailable } from "@/components/jobs-unavailable";
import { getJobsSnapshot, JobsUnavailableError } from "@/lib/jobs";
import { setResponseStatus } from "@/lib/request-context";

// Pages that show jobs. With no job data at all (Occupop never answered since start),
// they say so with a 503, so crawlers come back later instead of indexing an error.
// These pages have no loading.tsx on purpose: streamed Suspense content stays hidden
// without JavaScript, and the status must be decided before the first byte.
export default async function BrowseLayout({ children }: { children: ReactNode }) {
  try {
    await getJobsSnapshot();
  } catch (error) {
    if (!(error instanceof JobsUnavailableError)) throw error;
    setResponseStatus(503);
    return <JobsUnavailable />;
  }
  return children;
}
