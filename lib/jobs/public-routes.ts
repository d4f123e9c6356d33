// Shared by the feed routes: the open jobs, or a 503 when none were ever loaded.
import "server-only";
import { getBranding, type Branding } from "@/lib/branding";
import { env } from "@/lib/env";
import { getOpenJobs, JobsUnavailableError } from "./index";
import type { Job } from "./types";

export type FeedInput = { jobs: Job[]; siteUrl: string; branding: Branding };

export async function withOpenJobs(render: (input: FeedInput) => Response): Promise<Response> {
  try {
    const [jobs, branding] = await Promise.all([getOpenJobs(), getBranding()]);
    return render({ jobs, siteUrl: env().SITE_URL, branding });
  } catch (error) {
    if (!(error instanceof JobsUnavailableError)) throw error;
    return new Response("Jobs are temporarily unavailable. Please try again in a few minutes.\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "120" },
    });
  }
}
