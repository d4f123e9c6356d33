import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { JobCard } from "@/components/job-card";
import { JobsLink } from "@/components/jobs-link";
import { pageLocale } from "@/lib/i18n/server";
import { words } from "@/lib/i18n/translator";
import { getJobBySlug, getOpenJobs } from "@/lib/jobs";
import { goneJob } from "@/lib/jobs/ledger";
import type { Job } from "@/lib/jobs/types";

// A job that was listed and has been taken down: what it was, that it is no longer open, and
// open jobs like it. The front door serves a removed job's address with this page and a 410
// Gone (lib/site/gone.ts); no JobPosting data, never indexed. A job still listed, or a slug
// never listed, is a 404 here.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

/** The words of a title worth comparing ("Store Manager, Dublin" → store, manager, dublin). */
const wordsOf = (title: string) => new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));

/** Up to three open jobs sharing the most title words with the gone one (none when none shares any). */
function similar(title: string, open: Job[]): Job[] {
  const wanted = wordsOf(title);
  return open
    .map((job) => ({ job, shared: [...wordsOf(job.title)].filter((w) => wanted.has(w)).length }))
    .filter((x) => x.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 3)
    .map((x) => x.job);
}

async function goneOnly(slug: string) {
  // Still listed (open or closed): not gone.
  if (await getJobBySlug(slug)) return null;
  return goneJob(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const gone = await goneOnly(slug);
  if (!gone) return {};
  return { title: words(page.locale, "gone")("pageTitle", { title: gone.title }), robots: { index: false, follow: true } };
}

export default async function GoneJobPage({ params }: Props) {
  const { locale, slug } = await params;
  const page = await pageLocale(locale);
  const gone = await goneOnly(slug);
  if (!gone) notFound();
  const t = words(page.locale, "gone");
  const tJob = words(page.locale, "job");
  const like = similar(gone.title, await getOpenJobs());
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{gone.title}</h1>
      <p className="mt-4 text-lg text-slate-800">{t("body", { when: new Date(gone.goneAt) })}</p>
      <section aria-labelledby="similar-heading" className="mt-10">
        <h2 id="similar-heading" className="text-xl font-semibold text-slate-900">
          {t("similar")}
        </h2>
        {like.length ? (
          <ul className="mt-4 space-y-4">
            {like.map((job) => (
              <li key={job.uuid}>
                <JobCard job={job} page={page} posted={(when) => tJob("posted", { when })} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-slate-700">{t("noneSimilar")}</p>
        )}
      </section>
      <JobsLink href={page.prefix || "/"} className="mt-8">
        {t("allJobs")}
      </JobsLink>
      <section className="mt-12" aria-label={t("alerts")}>
        <AlertSignup filters={{ q: [...wordsOf(gone.title)].slice(0, 2).join(" ") }} locale={page.locale} />
      </section>
    </main>
  );
}
