// Machine-readable listings of the open jobs: RSS 2.0 (the `feed` library writes and
// escapes the XML) and a small JSON document with public fields only, for embedding.
import "server-only";
import { Feed } from "feed";
import { themeVariables, type Branding } from "@/lib/branding";
import type { EmbedJob, EmbedLook } from "@/lib/embed/shared";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { Job } from "@/lib/jobs";
import { describeJob, excerpt } from "@/lib/jobs/description";
import { employmentLabel, locationLabel, salaryLabel, whereLabel } from "@/lib/jobs/format";

/** A feed's language, and its pages' URL prefix ("" or "/de"). */
export type FeedLanguage = { locale: Locale; prefix: string };

export function jobsRss(jobs: Job[], siteUrl: string, branding: Branding, { locale, prefix }: FeedLanguage = { locale: "en", prefix: "" }): string {
  const base = `${siteUrl}${prefix}`;
  const feed = new Feed({
    title: translator(locale)("feeds.title", { site: branding.siteTitle }),
    description: branding.heroIntro,
    id: `${base}/`,
    link: `${base}/`,
    language: locale,
    copyright: branding.footerText,
    updated: jobs[0] ? new Date(jobs[0].postedAt) : undefined,
    generator: "Occupop careers site",
    feedLinks: { rss: `${base}/jobs.rss`, json: `${base}/jobs.json` },
  });
  for (const job of jobs) {
    const url = `${base}/jobs/${job.slug}`;
    feed.addItem({
      title: `${job.title} (${whereLabel(job, locale)})`,
      id: url,
      link: url,
      date: new Date(job.postedAt),
      description: excerpt(describeJob(job).text, 400),
      content: describeJob(job).html,
      category: job.departments.map((name) => ({ name })),
    });
  }
  return feed.rss2();
}

export type PublicJob = {
  id: string;
  title: string;
  url: string;
  department: string | null;
  location: string | null;
  countryCode: string | null;
  workplace: Job["workplace"];
  schedule: Job["schedule"];
  contract: string | null;
  employment: string | null;
  salary: string | null;
  postedAt: string;
  closesAt: string | null;
  summary: string;
};

/** What the widget for other sites (/embed.js, lib/embed) shows around the list, in this language. */
export function embedLook(branding: Branding, locale: Locale): EmbedLook {
  const t = translator(locale);
  return {
    primaryColor: branding.primaryColor,
    primaryText: themeVariables(branding)["--brand-primary-contrast"] ?? "#ffffff",
    heading: t("feeds.embedHeading", { company: branding.companyName }),
    allJobs: t("feeds.embedAllJobs"),
    noJobs: t("feeds.embedNoJobs"),
    unavailable: t("feeds.embedUnavailable"),
  };
}

/** A job's fields a list shows (the widget's and the iframe's), its address under `base`. */
export function embedJob(job: Job, base: string, locale: Locale): EmbedJob {
  return {
    title: job.title,
    url: `${base}/jobs/${job.slug}`,
    department: job.departments[0] ?? null,
    location: locationLabel(job.location, locale),
    countryCode: job.location?.countryCode ?? null,
    workplace: job.workplace,
    employment: employmentLabel(job, locale),
  };
}

export function jobsJson(jobs: Job[], siteUrl: string, branding: Branding, { locale, prefix }: FeedLanguage = { locale: "en", prefix: "" }) {
  const base = `${siteUrl}${prefix}`;
  return {
    version: 1,
    company: branding.companyName,
    language: locale,
    site: `${base}/`,
    generatedAt: new Date().toISOString(),
    widget: embedLook(branding, locale),
    jobs: jobs.map(
      (job): PublicJob => ({
        id: job.uuid,
        ...embedJob(job, base, locale),
        workplace: job.workplace,
        schedule: job.schedule,
        contract: job.contract?.kind ?? null,
        salary: salaryLabel(job.salary, job.location?.countryCode, locale),
        postedAt: job.postedAt,
        closesAt: job.closesAt,
        summary: excerpt(describeJob(job).text, 300),
      }),
    ),
  };
}
