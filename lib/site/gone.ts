// A job that was listed and has left the list answers 410 Gone, not 404: search engines drop a
// removed posting at once, and a visitor with an old link sees what it was and where to go
// next. The front door asks here for a job page (or a /gone page) whose slug is not in the
// list this server holds; the job ledger (lib/jobs/ledger.ts) says whether it ever was. The
// request is then served by /gone/<slug> (app/[locale]/(browse)/gone/[slug]) with the status
// 410. Unknown slugs stay 404s; a listed job's /gone page is a 404 too.
import "server-only";
import type { FrontRequest, Reroute } from "@/lib/front/hooks";
import { splitLocale } from "@/lib/i18n/locales";
import { heldJobs } from "@/lib/jobs/cache";
import { goneJob } from "@/lib/jobs/ledger";
import type { Route } from "@/lib/routes";

const JOB_PAGES = new Set(["/jobs/:slug", "/gone/:slug"]);

/** `route`: the request's, which the front door has already found. */
export function goneReroute(request: Pick<FrontRequest, "method" | "pathname">, route: Route): Promise<Reroute | null> | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!JOB_PAGES.has(route.path)) return null;
  const { locale, path } = splitLocale(request.pathname);
  // "/jobs/<slug>" or "/gone/<slug>" (a trailing slash aside).
  const slug = path.split("/")[2] ?? "";
  const jobs = heldJobs();
  // No list yet (the gate answers), or a job still listed: nothing to do here.
  if (!slug || jobs === null || jobs.some((job) => job.slug === slug)) return null;
  return goneJob(slug).then((gone) => (gone ? { rewrite: `${locale ? `/${locale}` : ""}/gone/${slug}`, status: 410 } : null));
}
