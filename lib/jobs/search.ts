// Keyword search and faceted filters over the cached listing. The state lives in the URL,
// parsed here with zod; each facet counts the jobs that match every other active filter.
import { z } from "zod";
import { describeJob } from "./description";
import { contractKindLabel, countryName, scheduleLabel, workplaceLabel } from "./format";
import type { ContractKind, Job, Schedule, Workplace } from "./types";
import type { Locale } from "@/lib/i18n/locales";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const first = one(v);
    return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
  }, schema.optional().catch(undefined));

export const filtersSchema = z.object({
  q: optional(z.string().max(100)),
  department: optional(z.string().max(100)),
  country: optional(z.string().regex(/^[A-Za-z]{2}$/).transform((c) => c.toUpperCase())),
  city: optional(z.string().max(100)),
  schedule: optional(z.enum(["full-time", "part-time"])),
  contract: optional(z.enum(["permanent", "temporary", "contract"])),
  workplace: optional(z.enum(["on-site", "hybrid", "remote"])),
});

export type Filters = z.infer<typeof filtersSchema>;
export type FacetKey = Exclude<keyof Filters, "q">;
export type FacetOption = { value: string; label: string; count: number; group?: string };
export type Facets = Record<FacetKey, FacetOption[]>;

export function parseFilters(params: Record<string, string | string[] | undefined>): Filters {
  return filtersSchema.parse(params);
}

export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}

const normalize = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

const haystacks = new WeakMap<Job, string>();
function haystack(job: Job): string {
  let h = haystacks.get(job);
  if (h === undefined) {
    const where = [job.location?.city, job.location?.region, job.location?.country, job.location?.countryCode];
    h = normalize([job.title, ...job.departments, ...where, describeJob(job).text].filter(Boolean).join(" \n "));
    haystacks.set(job, h);
  }
  return h;
}

function matchesText(job: Job, q: string | undefined): boolean {
  if (!q) return true;
  const words = normalize(q).split(/\s+/).filter(Boolean);
  const text = haystack(job);
  return words.every((w) => text.includes(w));
}

type Value = (job: Job) => string | null;
const facetValue: Record<FacetKey, Value> = {
  department: (j) => j.departments[0] ?? null,
  country: (j) => j.location?.countryCode ?? null,
  city: (j) => j.location?.city ?? null,
  schedule: (j) => j.schedule,
  contract: (j) => (j.contract && j.contract.kind !== "other" ? j.contract.kind : null),
  workplace: (j) => j.workplace,
};

function matchesFacet(job: Job, key: FacetKey, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  if (key === "department") return job.departments.includes(wanted);
  if (key === "city") return normalize(job.location?.city ?? "") === normalize(wanted);
  return facetValue[key](job) === wanted;
}

/** Whether a job matches every filter (but `except`): the listing's test, and job alerts'. */
export function matches(job: Job, filters: Filters, except?: FacetKey): boolean {
  if (!matchesText(job, filters.q)) return false;
  return (Object.keys(facetValue) as FacetKey[]).every((key) => key === except || matchesFacet(job, key, filters[key]));
}

export function label(key: FacetKey, value: string, locale: Locale = "en"): string {
  switch (key) {
    case "country":
      return countryName(value, locale);
    case "schedule":
      return scheduleLabel(value as Schedule, locale);
    case "contract":
      return contractKindLabel(value as ContractKind, locale);
    case "workplace":
      return workplaceLabel(value as Workplace, locale);
    default:
      return value;
  }
}

const FIXED_ORDER: Partial<Record<FacetKey, string[]>> = {
  schedule: ["full-time", "part-time"],
  contract: ["permanent", "temporary", "contract"],
  workplace: ["on-site", "hybrid", "remote"],
};

function facet(jobs: Job[], filters: Filters, key: FacetKey, locale: Locale): FacetOption[] {
  const counts = new Map<string, { count: number; group?: string }>();
  // Cities are listed within the chosen country, so the country filter applies to them.
  const except = key;
  for (const job of jobs) {
    const values = key === "department" ? job.departments : [facetValue[key](job)];
    for (const value of values) {
      if (!value) continue;
      const entry = counts.get(value) ?? { count: 0, group: key === "city" && job.location?.countryCode ? countryName(job.location.countryCode, locale) : undefined };
      if (matches(job, filters, except)) entry.count++;
      counts.set(value, entry);
    }
  }
  const selected = filters[key];
  let options = [...counts.entries()]
    .filter(([value, { count }]) => count > 0 || value === selected)
    .map(([value, { count, group }]) => ({ value, label: label(key, value, locale), count, ...(group ? { group } : {}) }));
  if (key === "city" && filters.country) {
    options = options.filter((o) => jobs.some((j) => j.location?.city === o.value && j.location.countryCode === filters.country));
  }
  const order = FIXED_ORDER[key];
  return options.sort((a, b) =>
    order
      ? order.indexOf(a.value) - order.indexOf(b.value)
      : (a.group ?? "").localeCompare(b.group ?? "") || a.label.localeCompare(b.label, locale),
  );
}

export type SearchResult = { jobs: Job[]; facets: Facets; total: number };

/** Open jobs matching the filters (newest first, as given), with a count per facet option. */
export function searchJobs(openJobs: Job[], filters: Filters, locale: Locale = "en"): SearchResult {
  const facets = Object.fromEntries(
    (Object.keys(facetValue) as FacetKey[]).map((key) => [key, facet(openJobs, filters, key, locale)]),
  ) as Facets;
  return { jobs: openJobs.filter((job) => matches(job, filters)), facets, total: openJobs.length };
}
