import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/env";
import { getJobsSnapshot, JobsUnavailableError, refreshJobs } from "@/lib/jobs";
import { secretsMatch } from "@/lib/jobs/revalidate";
import { json, scriptedServer } from "../helpers/scripted-server";

const page1 = JSON.parse(readFileSync("tests/fixtures/occupop/jobs-page-1.json", "utf8"));
const page2 = JSON.parse(readFileSync("tests/fixtures/occupop/jobs-page-2.json", "utf8"));

let server: Awaited<ReturnType<typeof scriptedServer>>;
let failing = false;

async function fresh(cacheSeconds: string) {
  // A clean cache per test: the cache lives on globalThis, like in the server.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("careers.jobs-cache")];
  server = await scriptedServer((req, res) => {
    if (failing) return json(res, 503, { message: "down" });
    // A little latency, so concurrent callers really overlap.
    setTimeout(() => json(res, 200, req.url.includes("page=2") ? page2 : page1), 30);
  });
  process.env.OCCUPOP_API_URL = `${server.origin}/rest`;
  process.env.JOBS_CACHE_SECONDS = cacheSeconds;
  resetEnv();
}
const listings = () => server.requests.filter((r) => r.url.endsWith("page=1")).length;

afterEach(async () => {
  failing = false;
  vi.useRealTimers();
  await server?.close();
});

describe("the job cache", () => {
  it("makes one upstream listing for 100 concurrent cold requests, and none for warm ones", async () => {
    await fresh("300");
    const results = await Promise.all(Array.from({ length: 100 }, () => getJobsSnapshot()));
    expect(new Set(results.map((r) => r.fetchedAt)).size).toBe(1);
    expect(listings()).toBe(1);
    expect(server.requests).toHaveLength(2); // both pages, once
    await Promise.all(Array.from({ length: 500 }, () => getJobsSnapshot()));
    expect(server.requests).toHaveLength(2);
  });

  it("serves the stale copy after the window while one background refresh runs", async () => {
    await fresh("0");
    const first = await getJobsSnapshot();
    const again = await Promise.all(Array.from({ length: 20 }, () => getJobsSnapshot()));
    expect(again.every((s) => s.fetchedAt === first.fetchedAt && s.stale)).toBe(true);
    await vi.waitFor(() => expect(listings()).toBe(2));
  });

  it("keeps serving the last good data when Occupop fails", async () => {
    await fresh("300");
    const good = await getJobsSnapshot();
    failing = true;
    await expect(refreshJobs()).rejects.toBeTruthy();
    const after = await getJobsSnapshot();
    expect(after.jobs).toEqual(good.jobs);
    expect(after.stale).toBe(true);
  });

  it("reports unavailability when no data was ever loaded, without hammering Occupop", async () => {
    await fresh("300");
    failing = true;
    await expect(getJobsSnapshot()).rejects.toBeInstanceOf(JobsUnavailableError);
    const asked = server.requests.length;
    await Promise.all(Array.from({ length: 50 }, () => getJobsSnapshot().catch(() => null)));
    expect(server.requests.length).toBe(asked);
  });
});

describe("secretsMatch", () => {
  it("compares secrets of any length", () => {
    expect(secretsMatch("a-long-enough-secret", "a-long-enough-secret")).toBe(true);
    expect(secretsMatch("a-long-enough-secreT", "a-long-enough-secret")).toBe(false);
    expect(secretsMatch("", "a-long-enough-secret")).toBe(false);
    expect(secretsMatch("short", "a-long-enough-secret")).toBe(false);
  });
});
