// JSON-LD JobPosting for search engines: complete, typed (schema-dts), and safe to embed.
import type { JobPosting, WithContext } from "schema-dts";
import { describeJob } from "./description";
import { countryName, currencyFor } from "./format";
import type { Job, SalaryPeriod } from "./types";

const UNIT: Record<SalaryPeriod, "YEAR" | "MONTH" | "WEEK" | "DAY" | "HOUR"> = {
  year: "YEAR",
  month: "MONTH",
  week: "WEEK",
  day: "DAY",
  hour: "HOUR",
};

export type Organization = { name: string; url: string; logoUrl: string | null; sameAs: string[] };

function employmentType(job: Job): string[] {
  const types: string[] = [];
  if (job.schedule === "full-time") types.push("FULL_TIME");
  if (job.schedule === "part-time") types.push("PART_TIME");
  if (job.contract?.kind === "temporary") types.push("TEMPORARY");
  if (job.contract?.kind === "contract") types.push("CONTRACTOR");
  return types;
}

export function jobPostingJsonLd(job: Job, url: string, organization: Organization): WithContext<JobPosting> {
  const loc = job.location;
  const currency = currencyFor(loc?.countryCode);
  const salary = job.salary;
  const hasRange = salary && (salary.min !== null || salary.max !== null);
  const types = employmentType(job);
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    description: describeJob(job).html || job.title,
    url,
    identifier: { "@type": "PropertyValue", name: organization.name, value: job.reference || job.uuid },
    datePosted: job.postedAt,
    ...(job.closesAt ? { validThrough: job.closesAt } : {}),
    ...(types.length ? { employmentType: types } : {}),
    hiringOrganization: {
      "@type": "Organization",
      name: organization.name,
      url: organization.url,
      ...(organization.logoUrl ? { logo: organization.logoUrl } : {}),
      ...(organization.sameAs.length ? { sameAs: organization.sameAs } : {}),
    },
    ...(loc
      ? {
          jobLocation: {
            "@type": "Place",
            address: {
              "@type": "PostalAddress",
              ...(loc.city ? { addressLocality: loc.city } : {}),
              ...(loc.region ? { addressRegion: loc.region } : {}),
              ...(loc.countryCode ? { addressCountry: loc.countryCode } : {}),
            },
          },
        }
      : {}),
    ...(job.workplace === "remote"
      ? {
          jobLocationType: "TELECOMMUTE",
          ...(loc?.countryCode
            ? { applicantLocationRequirements: { "@type": "Country", name: loc.country ?? countryName(loc.countryCode) } }
            : {}),
        }
      : {}),
    ...(hasRange && currency
      ? {
          baseSalary: {
            "@type": "MonetaryAmount",
            currency,
            value: {
              "@type": "QuantitativeValue",
              ...(salary.min !== null ? { minValue: salary.min } : {}),
              ...(salary.max !== null ? { maxValue: salary.max } : {}),
              ...(salary.period ? { unitText: UNIT[salary.period] } : {}),
            },
          },
        }
      : {}),
    directApply: true,
  };
}

/** JSON for a <script type="application/ld+json">: nothing in it can close the tag or start markup. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
