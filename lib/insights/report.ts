// What /admin/insights shows, read from the daily counts: totals for a period against the one
// before it, a day-by-day series, and the same numbers per job and per source. Three grouped
// queries, whatever the traffic: the table holds days, not visits.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import { sql } from "kysely";
import { database } from "@/lib/db";
import type { InsightMetric } from "@/lib/db/schema";
import { getJobsSnapshot, type Job } from "@/lib/jobs";
import { dayOf } from "./collector";

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

export function periodOf(value: unknown): Period {
  const n = Number(value);
  return (PERIODS as readonly number[]).includes(n) ? (n as Period) : 30;
}

/** Job page views, application starts, applications submitted and delivered to Occupop. */
export type Counts = { views: number; starts: number; applications: number; delivered: number };
export type Totals = Counts & { listingViews: number };

export type JobRow = Counts & { uuid: string; title: string; slug: string | null; open: boolean; conversion: number | null };
export type SourceRow = Totals & { source: string; conversion: number | null };

export type Report = {
  period: Period;
  /** First and last day shown, UTC, YYYY-MM-DD. */
  from: string;
  to: string;
  totals: Totals;
  previous: Totals;
  daily: Array<Counts & { day: string }>;
  jobs: JobRow[];
  sources: SourceRow[];
};

const DAY = 24 * 60 * 60 * 1000;
const zero = (): Totals => ({ views: 0, starts: 0, applications: 0, delivered: 0, listingViews: 0 });

function add(into: Totals, metric: InsightMetric, listing: boolean, n: number): void {
  if (metric === "view") {
    if (!listing) into.views += n;
    else into.listingViews += n;
  } else if (metric === "start") into.starts += n;
  else if (metric === "submit") into.applications += n;
  else into.delivered += n;
}

/** Applications per job page view; null when nobody saw the page. */
export const conversionOf = (c: Counts): number | null => (c.views ? c.applications / c.views : null);

export function rangeOf(period: Period, now = Date.now()): { from: string; to: string; previousFrom: string } {
  return { to: dayOf(now), from: dayOf(now - (period - 1) * DAY), previousFrom: dayOf(now - (2 * period - 1) * DAY) };
}

/** The report for the last `period` days; for one job only when `job` (a uuid) is given. */
export async function insightsReport(period: Period, { job, now = Date.now() }: { job?: string; now?: number } = {}): Promise<Report> {
  await authorizePrivateRead();
  const { from, to, previousFrom } = rangeOf(period, now);
  const db = await database();
  const total = sql<number>`sum(count)`.as("n");
  const isListing = sql<number>`case when job_uuid = '' then 1 else 0 end`.as("listing");
  const counts = (since: string) =>
    db
      .selectFrom("insight_counts")
      .where("day", ">=", since)
      .where("day", "<=", to)
      .$if(job !== undefined, (qb) => qb.where("job_uuid", "=", job ?? ""));
  const [byDay, byJob, bySource, snapshot] = await Promise.all([
    counts(previousFrom).select(["day", "metric", isListing, total]).groupBy(["day", "metric", sql`3`]).execute(),
    counts(from).select(["job_uuid", "metric", total]).where("job_uuid", "!=", "").groupBy(["job_uuid", "metric"]).execute(),
    counts(from).select(["source", "metric", isListing, total]).groupBy(["source", "metric", sql`3`]).execute(),
    getJobsSnapshot().catch(() => ({ jobs: [] as Job[] })),
  ]);

  const totals = zero();
  const previous = zero();
  const days = new Map<string, Totals>();
  for (let t = Date.parse(`${from}T00:00:00Z`); dayOf(t) <= to; t += DAY) days.set(dayOf(t), zero());
  for (const row of byDay) {
    const listing = Boolean(Number(row.listing));
    const n = Number(row.n);
    if (row.day >= from) {
      add(totals, row.metric, listing, n);
      const day = days.get(row.day);
      if (day) add(day, row.metric, listing, n);
    } else add(previous, row.metric, listing, n);
  }

  const known = new Map(snapshot.jobs.map((j) => [j.uuid, j]));
  const perJob = new Map<string, Totals>();
  for (const listed of snapshot.jobs) if (listed.isOpen && (job === undefined || listed.uuid === job)) perJob.set(listed.uuid, zero());
  for (const row of byJob) {
    const entry = perJob.get(row.job_uuid) ?? zero();
    perJob.set(row.job_uuid, entry);
    add(entry, row.metric, false, Number(row.n));
  }
  const jobs = [...perJob].map(([uuid, c]): JobRow => {
    const listed = known.get(uuid);
    const numbers = { views: c.views, starts: c.starts, applications: c.applications, delivered: c.delivered };
    return { uuid, title: listed?.title ?? "A job no longer listed", slug: listed?.slug ?? null, open: listed?.isOpen ?? false, ...numbers, conversion: conversionOf(numbers) };
  });

  const perSource = new Map<string, Totals>();
  for (const row of bySource) {
    const entry = perSource.get(row.source) ?? zero();
    perSource.set(row.source, entry);
    add(entry, row.metric, Boolean(Number(row.listing)), Number(row.n));
  }
  const sources = [...perSource].map(([source, c]): SourceRow => ({ source, ...c, conversion: conversionOf(c) }));

  const byActivity = <T extends Counts>(a: T, b: T) => b.applications - a.applications || b.views - a.views;
  return {
    period,
    from,
    to,
    totals,
    previous,
    daily: [...days].map(([day, c]) => ({ day, views: c.views, starts: c.starts, applications: c.applications, delivered: c.delivered })),
    jobs: jobs.sort((a, b) => byActivity(a, b) || a.title.localeCompare(b.title)),
    sources: sources.sort((a, b) => byActivity(a, b) || b.listingViews - a.listingViews || a.source.localeCompare(b.source)),
  };
}

/** "+25%", "−10%", "new" or "no change": a period against the one before it. */
export function changeLabel(current: number, previous: number): string {
  if (current === previous) return "no change";
  if (!previous) return "new";
  const pct = Math.round(((current - previous) / previous) * 100);
  return pct > 0 ? `+${pct}%` : pct < 0 ? `−${Math.abs(pct)}%` : "about the same";
}

export const percent = (value: number | null): string => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);
