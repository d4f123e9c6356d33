// What a job alert matches: the listing's own filters (department, place, workplace, schedule,
// contract, keywords), checked strictly here: a value too long or with line breaks is refused
// with a reason, never silently dropped (that would widen the alert to every job).
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { label, matches, type Filters } from "@/lib/jobs/search";
import type { Job } from "@/lib/jobs/types";
import { FILTER_KEYS } from "@/lib/routes";

/** One line of text: no control characters (a header injection needs a line break). */
const line = (name: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${name} can be ${max} characters at most.`)
    .regex(/^[^\u0000-\u001f\u007f]*$/, `${name} must be one line of plain text.`)
    .optional()
    .transform((v) => v || undefined);

/** One of a list; "" (a select's "Any") is none. */
const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, message).optional());

export const alertFiltersSchema = z.object({
  q: line("The keywords", 100),
  department: line("The department", 100),
  country: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2})?$/, "The country must be a two-letter code.")
    .optional()
    .transform((v) => v?.toUpperCase() || undefined),
  city: line("The city", 100),
  schedule: choice(["full-time", "part-time"], "Choose full-time or part-time."),
  contract: choice(["permanent", "temporary", "contract"], "Choose a contract type from the list."),
  workplace: choice(["on-site", "hybrid", "remote"], "Choose on-site, hybrid or remote."),
});

export type AlertFilters = Filters;

/** Only the filters that are set, in a fixed order (stored as JSON; equal alerts compare equal). */
export function canonicalFilters(filters: AlertFilters): AlertFilters {
  const out: AlertFilters = {};
  for (const key of FILTER_KEYS) if (filters[key]) Object.assign(out, { [key]: filters[key] });
  return out;
}

export function parseStoredFilters(json: string): AlertFilters {
  const parsed = alertFiltersSchema.safeParse(JSON.parse(json));
  return parsed.success ? canonicalFilters(parsed.data) : {};
}

export const jobMatchesAlert = (job: Job, filters: AlertFilters): boolean => matches(job, filters);

/** The alert in words: "Logistics jobs in Manchester, remote, matching “forklift”", or "every new job". */
export function describeFilters(filters: AlertFilters, locale: Locale = "en"): string {
  const t = translator(locale);
  const parts: string[] = [];
  if (filters.department) parts.push(t("alerts.inPlace", { place: filters.department }));
  const place = [filters.city, filters.country ? label("country", filters.country, locale) : undefined].filter(Boolean).join(", ");
  if (place) parts.push(t("alerts.inPlace", { place }));
  // German capitalizes its nouns and adjectives alike; the other languages read them lower-case here.
  const lower = (v: string) => (locale === "de" ? v : v.toLowerCase());
  const kind = [
    filters.workplace ? lower(label("workplace", filters.workplace, locale)) : undefined,
    filters.schedule ? lower(label("schedule", filters.schedule, locale)) : undefined,
    filters.contract ? lower(label("contract", filters.contract, locale)) : undefined,
  ].filter(Boolean);
  if (kind.length) parts.push(kind.join(", "));
  if (filters.q) parts.push(t("alerts.matching", { q: filters.q }));
  return parts.length ? t("alerts.newJobs", { parts: parts.join("; ") }) : t("alerts.every");
}
