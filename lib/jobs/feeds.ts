// Machine-readable listings of the open jobs: RSS 2.0 (the `feed` library writes and
// escapes the XML) and a small JSON document with public fields only, for embedding.
import "server-only";
import { Feed } from "feed";
import type { Branding } from "@/lib/branding";
import { describeJob, excerpt } from "./description";
import { employmentLabel, locationLabel, salaryLabel, whereLabel } from "./format";
import type { Job } from "./types";

export function jobsRss(jobs: Job[], siteUrl: string, branding: Branding): string {
  const feed = new Feed({
    title: `${branding.siteTitle}: open jobs`,
    description: branding.heroIntro,
    id: `${siteUrl}/`,
    link: `${siteUrl}/`,
    language: "en",
    copyright: branding.footerText,
    updated: jobs[0] ? new Date(jobs[0].postedAt) : undefined,
    generator: "Occupop careers site",
    feedLinks: { rss: `${siteUrl}/jobs.rss`, json: `${siteUrl}/jobs.json` },
  });
  for (const job of jobs) {
    const url = `${siteUrl}/jobs/${job.slug}`;
    feed.addItem({
      title: `${job.title} (${whereLabel(job)})`,
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

export function jobsJson(jobs: Job[], siteUrl: string, branding: Branding) {
  return {
    version: 1,
    company: branding.companyName,
    site: `${siteUrl}/`,
    generatedAt: new Date().toISOString(),
    jobs: jobs.map(
      (job): PublicJob => ({
        id: job.uuid,
        title: job.title,
        url: `${siteUrl}/jobs/${job.slug}`,
        department: job.departments[0] ?? null,
        location: locationLabel(job.location),
        countryCode: job.location?.countryCode ?? null,
        workplace: job.workplace,
        schedule: job.schedule,
        contract: job.contract?.kind ?? null,
        employment: employmentLabel(job),
        salary: salaryLabel(job.salary, job.location?.countryCode),
        postedAt: job.postedAt,
        closesAt: job.closesAt,
        summary: excerpt(describeJob(job).text, 300),
      }),
    ),
  };
}
