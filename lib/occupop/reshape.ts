// Wire job → app Job, once, at the boundary.
import type { ContractKind, Job, JobLocation, QuestionKind, Salary, SalaryPeriod, Schedule, Workplace } from "@/lib/jobs/types";
import type { WireJob } from "./wire";

const squash = (v: string | null) => (v ?? "").toLowerCase().replace(/[^a-z]/g, "");

function workplace(v: string | null): Workplace | null {
  const s = squash(v);
  if (s === "onsite" || s === "office") return "on-site";
  if (s === "hybrid") return "hybrid";
  if (s === "remote") return "remote";
  return null;
}

function schedule(v: string | null): Schedule | null {
  const s = squash(v);
  if (s === "fulltime") return "full-time";
  if (s === "parttime") return "part-time";
  return null;
}

function contract(v: string | null): Job["contract"] {
  if (!v) return null;
  const s = squash(v);
  const kind: ContractKind =
    s === "permanent" ? "permanent" : s === "temporary" ? "temporary" : s === "contract" ? "contract" : "other";
  return { kind, label: v };
}

function salaryPeriod(v: string | null): SalaryPeriod | null {
  const s = squash(v);
  if (s === "annual" || s === "annually" || s === "yearly" || s === "year") return "year";
  if (s === "monthly" || s === "month") return "month";
  if (s === "weekly" || s === "week") return "week";
  if (s === "daily" || s === "day") return "day";
  if (s === "hourly" || s === "hour") return "hour";
  return null;
}

function salary(w: WireJob["salary"]): Salary | null {
  if (!w || (!w.type && w.start === null && w.end === null)) return null;
  const s = squash(w.type);
  const min = w.start !== null && w.start > 0 ? w.start : null;
  const max = w.end !== null && w.end > 0 ? w.end : null;
  const kind: Salary["kind"] = s === "competitive" ? "competitive" : min !== null || max !== null ? "range" : "other";
  return {
    kind,
    label: w.type ?? "",
    min: min !== null && max !== null ? Math.min(min, max) : min,
    max: min !== null && max !== null ? Math.max(min, max) : max,
    period: salaryPeriod(w.period),
    details: w.details,
  };
}

function location(w: WireJob["location"]): JobLocation | null {
  if (!w) return null;
  const code = w.countryShort ?? w.country_short;
  const loc: JobLocation = {
    city: w.city,
    region: w.state,
    country: w.country,
    countryCode: code && /^[a-z]{2}$/i.test(code) ? code.toUpperCase() : null,
  };
  return loc.city || loc.region || loc.country || loc.countryCode ? loc : null;
}

function questionKind(type: string | null): QuestionKind {
  const s = squash(type);
  if (s === "yesno") return "yes-no";
  if (s === "options") return "options";
  return "text";
}

function isoDate(v: string | null): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function toJob(w: WireJob, now = Date.now()): Job {
  const createdAt = isoDate(w.created_at) ?? isoDate(w.published_at) ?? new Date(0).toISOString();
  const closesAt = isoDate(w.close_date);
  const closed =
    w.closed_for_applicants === true || w.published === false || (closesAt !== null && Date.parse(closesAt) < now);
  const questions = w.questions_form
    .filter((q) => q.text)
    .map((q) => {
      const kind = questionKind(q.type);
      const options = q.options.map((o) => o.trim()).filter(Boolean);
      // A choice question with no options can only be answered in words.
      return { type: q.type ?? "Text", kind: options.length ? kind : "text", text: q.text ?? "", options };
    });
  const departments = [...new Set(w.sectors.map((s) => s.name).filter((n): n is string => Boolean(n)))];
  return {
    uuid: w.uuid,
    slug: w.unique_slug && /^[a-z0-9][a-z0-9-]*$/i.test(w.unique_slug) ? w.unique_slug.toLowerCase() : w.uuid,
    reference: w.id_ref,
    title: w.title,
    rawDescriptionHtml: w.description ?? "",
    isOpen: !closed,
    location: location(w.location),
    departments,
    schedule: schedule(w.period),
    contract: contract(w.contract),
    workplace: workplace(w.workplace),
    salary: salary(w.salary),
    questions,
    requiresCv: w.require_cv ?? true,
    requiresOptInForJob: w.require_opt_in_for_job ?? false,
    requiresOptInForDatabase: w.require_opt_in_for_database ?? false,
    postedAt: isoDate(w.published_at) ?? createdAt,
    createdAt,
    closesAt,
    companyName: w.company_name,
    companyLogoUrl: w.company_logo && /^https?:\/\//i.test(w.company_logo) ? w.company_logo : null,
    occupopApplyUrl: w.apply_url && /^https?:\/\//i.test(w.apply_url) ? w.apply_url : null,
  };
}
