import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { beaconResponse } from "@/lib/insights/beacon";
import { channelOf, cleanUtm, sourceOf } from "@/lib/insights/channels";
import { count, dayOf, flushInsights, pruneInsights } from "@/lib/insights/collector";
import { jobHealth } from "@/lib/insights/health";
import { createTrackingLink, deleteTrackingLink, findTrackingLink, TrackingLinkError, trackingLinksFor } from "@/lib/insights/links";
import { asServer } from "@/lib/admin/access";
import { changeLabel, insightsReport } from "@/lib/insights/report";
import { MAX_SOURCES_PER_DAY, storedSource } from "@/lib/insights/sources";
import { dropProcessSingleton } from "@/lib/process-state.mjs";
import { defuse, insightTable, tableCsv } from "@/lib/insights/tables";
import type { Job } from "@/lib/jobs";
import { listJobs } from "@/lib/occupop";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { HEALTH_TRIPS, HEALTHY_JOB } from "../helpers/health-cases";
import { startEmulator } from "../helpers/emulator";

// Private reads need an administrator's request, or the server itself (lib/admin/access.ts).
const readReport = (...args: Parameters<typeof insightsReport>) => asServer("unit test", () => insightsReport(...args));
const linksFor = (jobUuid: string) => asServer("unit test", () => trackingLinksFor(jobUuid));

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-06-15T12:00:00Z");

let jobs: Job[];
let stopEmulator: () => Promise<void>;
beforeAll(async () => {
  const emulator = await startEmulator();
  stopEmulator = emulator.stop;
  jobs = await listJobs();
});
afterAll(() => stopEmulator());

describe("channels", () => {
  it("names a visit by its utm_source, else by the referring site's group", () => {
    expect(channelOf("LinkedIn_Ads ", "https://www.google.com/", "careers.example.com")).toBe("linkedin_ads");
    expect(channelOf(null, "https://www.linkedin.com/feed/", "careers.example.com")).toBe("LinkedIn");
    expect(channelOf(null, "https://lnkd.in/abc", "careers.example.com")).toBe("LinkedIn");
    expect(channelOf(null, "https://ie.indeed.com/viewjob?jk=1", "careers.example.com")).toBe("Indeed");
    expect(channelOf(null, "https://www.google.co.uk/", "careers.example.com")).toBe("Google");
    expect(channelOf(null, "https://l.facebook.com/l.php", "careers.example.com")).toBe("Facebook");
    expect(channelOf(null, "https://news.ycombinator.com/", "careers.example.com")).toBe("other");
    expect(channelOf(null, "https://careers.example.com/", "careers.example.com")).toBe("direct");
    expect(channelOf(null, "", "careers.example.com")).toBe("direct");
    expect(channelOf(null, "not a url", "careers.example.com")).toBe("direct");
    // A look-alike is not LinkedIn.
    expect(channelOf(null, "https://linkedin.com.evil.example/", "careers.example.com")).toBe("other");
  });

  it("keeps what a browser reports only in a safe shape", () => {
    expect(cleanUtm("<script>alert(1)</script>")).toBe("scriptalert1script");
    expect(cleanUtm("   ")).toBeNull();
    expect(cleanUtm("x".repeat(100))).toHaveLength(40);
    expect(sourceOf("LinkedIn")).toBe("LinkedIn");
    expect(sourceOf("Newsletter")).toBe("newsletter");
    expect(sourceOf("=HYPERLINK(1)")).toBe("hyperlink1");
    expect(sourceOf("")).toBe("direct");
    expect(sourceOf(undefined)).toBe("direct");
  });
});

describe("job health", () => {
  const byTitle = (title: string) => jobs.find((j) => j.title === title)!;

  it.each(HEALTH_TRIPS)("flags %s for %s, and for nothing else", (title, rule) => {
    const findings = jobHealth(byTitle(title));
    expect(findings.map((f) => f.rule)).toEqual([rule]);
    expect(findings[0]!.fix).toMatch(/^In Occupop, /);
  });

  it("finds nothing wrong with a healthy job", () => {
    expect(jobHealth(byTitle(HEALTHY_JOB))).toEqual([]);
  });

  it("does not ask a remote job for a location", () => {
    const remote = jobs.find((j) => j.workplace === "remote" && !j.location)!;
    expect(jobHealth(remote).map((f) => f.rule)).not.toContain("location");
  });

  it("tells asking for expected pay from asking about pay history", () => {
    const job = byTitle(HEALTHY_JOB);
    const asking = (text: string) => jobHealth({ ...job, questions: [{ type: "Text", kind: "text", text, options: [] }] }).map((f) => f.rule);
    expect(asking("What is your current salary?")).toEqual(["salary-history"]);
    expect(asking("How much did you earn in your last job?")).toEqual(["salary-history"]);
    expect(asking("Please share your salary history")).toEqual(["salary-history"]);
    expect(asking("What salary do you expect?")).toEqual([]);
  });
});

describe("change against the previous period", () => {
  it("reads as people say it", () => {
    expect(changeLabel(15, 10)).toBe("+50%");
    expect(changeLabel(5, 10)).toBe("−50%");
    expect(changeLabel(3, 0)).toBe("new");
    expect(changeLabel(0, 0)).toBe("no change");
  });
});

describe.each(DATABASES)("insight counts on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
    process.env.INSIGHTS_EVENTS_PER_ADDRESS_PER_MINUTE = "7";
    resetEnv();
    dropProcessSingleton("insight-sources");
  });

  it("adds up counts from several servers and reports a period against the one before", async () => {
    const [a, b] = [jobs[0]!.uuid, jobs[1]!.uuid];
    // This period (the last 7 days up to NOW) and the one before.
    for (let i = 0; i < 3; i++) count({ metric: "view", jobUuid: a, source: "LinkedIn", at: NOW });
    count({ metric: "view", jobUuid: a, source: "newsletter", at: NOW - 2 * DAY });
    count({ metric: "view", jobUuid: "", source: "LinkedIn", at: NOW });
    count({ metric: "start", jobUuid: a, source: "LinkedIn", at: NOW });
    count({ metric: "submit", jobUuid: a, source: "LinkedIn", at: NOW });
    count({ metric: "deliver", jobUuid: a, source: "LinkedIn", at: NOW });
    count({ metric: "view", jobUuid: b, source: "direct", at: NOW - 8 * DAY });
    await flushInsights();
    // A second server's counts for the same day, job and source add to the first's.
    count({ metric: "view", jobUuid: a, source: "LinkedIn", at: NOW });
    await flushInsights();

    const report = await readReport(7, { now: NOW });
    expect(report.from).toBe("2026-06-09");
    expect(report.to).toBe("2026-06-15");
    expect(report.totals).toEqual({ views: 5, listingViews: 1, starts: 1, applications: 1, delivered: 1 });
    expect(report.previous).toEqual({ views: 1, listingViews: 0, starts: 0, applications: 0, delivered: 0 });
    expect(report.daily).toHaveLength(7);
    expect(report.daily.at(-1)).toEqual({ day: "2026-06-15", views: 4, starts: 1, applications: 1, delivered: 1 });
    expect(report.daily.at(-3)).toMatchObject({ day: "2026-06-13", views: 1 });
    const jobA = report.jobs.find((j) => j.uuid === a)!;
    expect(jobA).toMatchObject({ title: jobs[0]!.title, views: 5, starts: 1, applications: 1, delivered: 1, conversion: 0.2 });
    expect(report.jobs[0]!.uuid).toBe(a); // the most applications first
    expect(report.jobs.find((j) => j.uuid === b)).toMatchObject({ views: 0, conversion: null });
    expect(report.sources).toEqual([
      { source: "LinkedIn", views: 4, listingViews: 1, starts: 1, applications: 1, delivered: 1, conversion: 0.25 },
      { source: "newsletter", views: 1, listingViews: 0, starts: 0, applications: 0, delivered: 0, conversion: 0 },
    ]);

    const one = await readReport(7, { job: b, now: NOW });
    expect(one.totals.views).toBe(0);
    expect(one.previous.views).toBe(1);
    expect(one.jobs.map((j) => j.uuid)).toEqual([b]);
  });

  it("refuses a private read outside an administrator's request, unless the server itself asks", async () => {
    // Outside any request there is no session to check: the read fails closed.
    await expect(insightsReport(7)).rejects.toThrow();
    await expect(trackingLinksFor(jobs[0]!.uuid)).rejects.toThrow();
    await expect(readReport(7)).resolves.toMatchObject({ period: 7 });
  });

  it("keeps counts a failed write could not store, for the next flush", async () => {
    count({ metric: "view", jobUuid: "", source: "direct", at: NOW });
    const db = await database();
    await db.schema.alterTable("insight_counts").renameTo("insight_counts_away").execute();
    await flushInsights();
    await db.schema.alterTable("insight_counts_away").renameTo("insight_counts").execute();
    await flushInsights();
    expect((await readReport(7, { now: NOW })).totals.listingViews).toBe(1);
  });

  it("deletes days older than 13 months", async () => {
    count({ metric: "view", jobUuid: "", source: "direct", at: NOW - 400 * DAY });
    count({ metric: "view", jobUuid: "", source: "direct", at: NOW - 380 * DAY });
    await flushInsights();
    expect(await pruneInsights(NOW)).toBe(1);
    const db = await database();
    expect(await db.selectFrom("insight_counts").select("day").execute()).toEqual([{ day: dayOf(NOW - 380 * DAY) }]);
  });

  it("counts a beacon from a browser, and not from a crawler, a prefetch, a flood or for an unknown job", async () => {
    const job = jobs.find((j) => j.isOpen)!;
    const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const beacon = (body: unknown, headers: Record<string, string> = {}) =>
      beaconResponse(
        new Request("http://localhost/api/insights", {
          method: "POST",
          headers: { "content-type": "text/plain", "user-agent": browser, "x-careers-client-ip": `198.51.100.${kind === "sqlite" ? 1 : 2}`, ...headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      );
    const view = { type: "view", path: `/jobs/${job.slug}`, source: "Indeed" };
    const answers = [
      await beacon(view),
      await beacon(view, { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }),
      await beacon(view, { "sec-purpose": "prefetch;prerender" }),
      await beacon({ type: "view", path: "/jobs/no-such-job" }),
      await beacon({ type: "start", job: "00000000-0000-4000-a000-000000000000" }),
      await beacon("{not json"),
      await beacon({ type: "start", job: job.uuid, source: "Indeed" }),
      await beacon({ type: "view", path: "/", source: "Indeed" }),
      await beacon(view), // the seventh request from this address in a minute (crawlers and prefetches aside)
      await beacon(view), // over the limit of 7
    ];
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(204));
    await flushInsights();
    const report = await readReport(7);
    expect(report.totals).toMatchObject({ views: 2, listingViews: 1, starts: 1 });
    expect(report.sources.map((s) => s.source)).toEqual(["Indeed"]);
  });

  it("keeps only sources HR knows: referrer groups, its tracking links' channels and the site's own; the rest is other", async () => {
    const job = jobs.find((j) => j.isOpen)!;
    const headers = { "content-type": "text/plain", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36" };
    await createTrackingLink(job.uuid, "newsletter", "hr@example.com");
    const sources = ["LinkedIn", "newsletter", "job-alert", "buy-cheap-pills", "made-up-1", "made-up-2", "direct"];
    for (const [i, source] of sources.entries()) {
      const answer = await beaconResponse(
        new Request("http://localhost/api/insights", { method: "POST", headers: { ...headers, "x-careers-client-ip": `203.0.113.${i + 1}` }, body: JSON.stringify({ type: "view", path: `/jobs/${job.slug}`, source }) }),
      );
      expect(answer.status).toBe(204);
    }
    await flushInsights();
    const stored = (await readReport(7)).sources.map((x) => x.source).sort();
    expect(stored).toEqual(["LinkedIn", "direct", "job-alert", "newsletter", "other"]);
    expect((await readReport(7)).sources.find((x) => x.source === "other")?.views).toBe(3);
  });

  it("counts at most a day's worth of distinct sources; past it, other", async () => {
    const job = jobs.find((j) => j.isOpen)!;
    for (let i = 0; i < MAX_SOURCES_PER_DAY + 5; i++) await createTrackingLink(job.uuid, `channel-${i}`, "hr@example.com");
    const day = Date.UTC(2031, 0, 2);
    const stored = new Set<string>();
    for (let i = 0; i < MAX_SOURCES_PER_DAY + 5; i++) stored.add(await storedSource(`channel-${i}`, day));
    expect(stored.size).toBe(MAX_SOURCES_PER_DAY + 1);
    expect(stored.has("other")).toBe(true);
    // A new day starts again.
    expect(await storedSource(`channel-${MAX_SOURCES_PER_DAY + 4}`, day + DAY)).toBe(`channel-${MAX_SOURCES_PER_DAY + 4}`);
  });

  it("reads no more of a body than a beacon ever is", async () => {
    const job = jobs.find((j) => j.isOpen)!;
    const headers = { "content-type": "text/plain", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36", "x-careers-client-ip": "198.51.100.77" };
    const padded = JSON.stringify({ type: "view", path: `/jobs/${job.slug}`, source: "LinkedIn", pad: "x".repeat(5000) });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(padded));
        controller.close();
      },
    });
    const answers = [
      await beaconResponse(new Request("http://localhost/api/insights", { method: "POST", headers, body: padded })),
      // No content-length to go by: the read stops past the limit.
      await beaconResponse(new Request("http://localhost/api/insights", { method: "POST", headers, body: streamed, duplex: "half" } as RequestInit)),
      await beaconResponse(new Request("http://localhost/api/insights", { method: "POST", headers, body: JSON.stringify({ type: "view", path: `/jobs/${job.slug}`, source: "Google" }) })),
    ];
    // Over the beacon's cap: refused unread (413), counted nowhere.
    expect(answers.map((r) => r.status)).toEqual([413, 413, 204]);
    await flushInsights();
    expect((await readReport(7)).sources.map((x) => x.source)).toEqual(["Google"]);
  });

  it("makes a short link per job and channel, and refuses a second one or an empty channel", async () => {
    const job = jobs[0]!;
    const link = await createTrackingLink(job.uuid, "  LinkedIn Ads!  ", "hr@example.com");
    expect(link.code).toMatch(/^[2-9a-hjkmnp-z]{6}$/);
    expect(link.channel).toBe("linkedin ads");
    expect(await findTrackingLink(link.code)).toEqual(link);
    await expect(createTrackingLink(job.uuid, "linkedin ads", "hr@example.com")).rejects.toThrow(/already has a link/);
    await expect(createTrackingLink(job.uuid, "!!!", "hr@example.com")).rejects.toBeInstanceOf(TrackingLinkError);
    const other = await createTrackingLink(job.uuid, "newsletter", "hr@example.com");
    expect((await linksFor(job.uuid)).map((l) => l.channel).sort()).toEqual(["linkedin ads", "newsletter"]);
    expect(await deleteTrackingLink(link.code)).toBe(true);
    expect(await deleteTrackingLink(link.code)).toBe(false);
    expect(await findTrackingLink(link.code)).toBeNull();
    expect(await findTrackingLink("0o1il0")).toBeNull();
    expect((await linksFor(job.uuid)).map((l) => l.code)).toEqual([other.code]);
  });
});

describe("the tables and their CSV", () => {
  it("writes what the page shows, and defuses cells a spreadsheet would run", async () => {
    await freshDatabase("sqlite");
    count({ metric: "view", jobUuid: jobs[0]!.uuid, source: "-2+3", at: NOW });
    count({ metric: "submit", jobUuid: jobs[0]!.uuid, source: "-2+3", at: NOW });
    await flushInsights();
    const report = await readReport(7, { now: NOW });
    const table = insightTable(report, "sources");
    expect(table.headers).toEqual(["Source", "Job list views", "Job page views", "Application starts", "Applications", "Delivered to Occupop", "Conversion"]);
    expect(table.rows).toEqual([["-2+3", 0, 1, 0, 1, 0, "100.0%"]]);
    expect(insightTable(report, "sources", { forJob: true }).headers).not.toContain("Job list views");
    const csv = tableCsv(table);
    expect(csv).toBe("\ufeffSource,Job list views,Job page views,Application starts,Applications,Delivered to Occupop,Conversion\r\n'-2+3,0,1,0,1,0,100.0%\r\n");
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain", 5].map(defuse)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "plain", 5]);
    const daily = insightTable(report, "daily");
    expect(daily.rows).toHaveLength(7);
    expect(tableCsv(daily).split("\r\n")).toHaveLength(9); // heading, 7 days, and the final line break
  });
});
