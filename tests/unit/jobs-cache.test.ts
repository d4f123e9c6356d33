import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { getJobsSnapshot, JobsUnavailableError, refreshJobs } from "@/lib/jobs";
import { resetJobsCache, syncJobsFromDatabase } from "@/lib/jobs/cache";
import { secretsMatch } from "@/lib/secrets";
import { pageGeneration } from "@/lib/page-cache";
import { DATABASES, freshDatabase, type DatabaseKind } from "../helpers/databases";
import { json, scriptedServer } from "../helpers/scripted-server";

const page1 = JSON.parse(readFileSync("tests/fixtures/occupop/jobs-page-1.json", "utf8"));
const page2 = JSON.parse(readFileSync("tests/fixtures/occupop/jobs-page-2.json", "utf8"));

let server: Awaited<ReturnType<typeof scriptedServer>>;
let failing = false;
let retitle: string | null = null;

/** A cold server process: nothing in memory; the database as `kind` (fresh unless kept). */
async function fresh(cacheSeconds: string, kind: DatabaseKind = "sqlite") {
  resetJobsCache();
  await freshDatabase(kind);
  server = await scriptedServer((req, res) => {
    if (failing) return json(res, 503, { message: "down" });
    const body = structuredClone(req.url.includes("page=2") ? page2 : page1);
    if (retitle && !req.url.includes("page=2")) body.data[0].title = retitle;
    // A little latency, so concurrent callers really overlap.
    setTimeout(() => json(res, 200, body), 30);
  });
  process.env.OCCUPOP_API_URL = `${server.origin}/rest`;
  process.env.JOBS_CACHE_SECONDS = cacheSeconds;
  resetEnv();
}
const listings = () => server.requests.filter((r) => r.url.endsWith("page=1")).length;

afterEach(async () => {
  failing = false;
  retitle = null;
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

describe.each(DATABASES)("the job list shared between servers on %s", (kind) => {
  it("lets a cold server start from the list another server fetched, without asking Occupop", async () => {
    await fresh("300", kind);
    const first = await getJobsSnapshot();
    expect(listings()).toBe(1);
    resetJobsCache(); // another server process, same database
    const second = await getJobsSnapshot();
    expect(second.jobs).toEqual(first.jobs);
    expect(listings()).toBe(1);
  });

  it("keeps serving the shared list after a restart while Occupop is down", async () => {
    await fresh("300", kind);
    const good = await getJobsSnapshot();
    failing = true;
    resetJobsCache();
    expect((await getJobsSnapshot()).jobs).toEqual(good.jobs);
  });

  it("adopts a list another server refreshed, and renders the pages again, at the next sync", async () => {
    await fresh("300", kind);
    await getJobsSnapshot();
    const generation = pageGeneration().value;
    // Another server refreshes (a webhook reached it): simulated by writing what it would.
    retitle = "Chief Trail Officer";
    const db = await database();
    const before = await db.selectFrom("job_snapshot").selectAll().executeTakeFirstOrThrow();
    const jobs = JSON.parse(before.data) as Array<{ title: string }>;
    jobs[0]!.title = "Chief Trail Officer";
    await db
      .updateTable("job_snapshot")
      .set({ data: JSON.stringify(jobs), hash: "another-hash", version: Number(before.version) + 1, fetched_at: Date.now() })
      .execute();
    expect((await getJobsSnapshot()).jobs[0]!.title).not.toBe("Chief Trail Officer");
    await syncJobsFromDatabase();
    expect((await getJobsSnapshot()).jobs[0]!.title).toBe("Chief Trail Officer");
    expect(pageGeneration().value).toBe(generation + 1);
    expect(listings()).toBe(1);
  });

  it("between them, servers ask Occupop about once per window", async () => {
    await fresh("1", kind);
    await getJobsSnapshot(); // server A: listing 1
    const db = await database();
    // Another server refreshed just now (same content): this one's window restarts.
    await new Promise((r) => setTimeout(r, 1100));
    await db.updateTable("job_snapshot").set({ fetched_at: Date.now() }).execute();
    await syncJobsFromDatabase();
    const snapshot = await getJobsSnapshot();
    expect(snapshot.stale).toBe(false);
    expect(listings()).toBe(1);
    // A refresh a webhook asks for goes to Occupop and is shared with the version raised
    // only when the content changed.
    retitle = "Night Auditor";
    await refreshJobs();
    const row = await db.selectFrom("job_snapshot").select(["version", "data"]).executeTakeFirstOrThrow();
    expect(Number(row.version)).toBe(2);
    expect(row.data).toContain("Night Auditor");
    await refreshJobs();
    expect(Number((await db.selectFrom("job_snapshot").select("version").executeTakeFirstOrThrow()).version)).toBe(2);
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
