import type { MetadataRoute } from "next";
import { getBranding } from "@/lib/branding";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/i18n/locales";
import { getOpenJobs } from "@/lib/jobs";
import { lastChanged } from "@/lib/jobs/ledger";
import { ROUTES } from "@/lib/routes";

// Served from the page cache; rendered again when the job list or the branding changes. While
// no job list was ever loaded the public gate answers 503 instead (lib/site/gate.ts): crawlers
// come back later rather than learn that every job is gone. Every page is listed in each
// language on offer, each entry with its alternates (hreflang) in all of them. A job's lastmod is
// when the site last saw it change (the job ledger), or when it was posted.
export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { SITE_URL } = env();
  const [jobs, { languages }, changed] = await Promise.all([getOpenJobs(), getBranding(), lastChanged().catch(() => new Map<string, number>())]);
  const lastmod = (job: (typeof jobs)[number]) => {
    const at = changed.get(job.slug);
    return at ? new Date(at).toISOString() : job.postedAt;
  };
  const inEvery = (path: string) => Object.fromEntries(languages.offered.map((l) => [l, `${SITE_URL}${localizedPath(l, languages.defaultLocale, path)}`]));
  const entries = (path: string, rest: Omit<MetadataRoute.Sitemap[number], "url" | "alternates">) => {
    const alternates = { languages: { ...inEvery(path), "x-default": `${SITE_URL}${path}` } };
    return languages.offered.map((l) => ({ url: `${SITE_URL}${localizedPath(l, languages.defaultLocale, path)}`, ...rest, alternates }));
  };
  // The pages the route table lists in the sitemap: a job's page once per open job.
  return ROUTES.flatMap(({ path, sitemap: listed }) => {
    if (!listed) return [];
    if (path === "/jobs/:slug") return jobs.flatMap((job) => entries(`/jobs/${job.slug}`, { lastModified: lastmod(job), ...listed }));
    const newest = jobs.map(lastmod).sort().at(-1);
    return entries(path, { lastModified: path === "/" ? newest : undefined, ...listed });
  });
}
