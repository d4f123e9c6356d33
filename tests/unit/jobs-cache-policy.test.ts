// The job list's cache policy (lib/jobs/cache.ts createJobsCache) on its own, with no database
// and no Occupop: a storage in memory and a listing that counts its calls, on a clock the test
// moves. The same policy over the database and a real HTTP server is tests/unit/jobs-cache.test.ts.
import { describe, expect, it } from "vitest";
import { createJobsCache, JobsUnavailableError } from "@/lib/jobs/cache";
import type { HeldList, JobListStorage, StoredMeta } from "@/lib/jobs/shared-list";
import type { Job } from "@/lib/jobs/types";

const job = (title: string) => ({ uuid: title, slug: title, title, isOpen: true }) as unknown as Job;

function world({ windowMs = 60_000 } = {}) {
  let clock = 1_000_000;
  let stored: (HeldList & { version: number }) | null = null;
  let listing: Job[] = [job("a")];
  let failing = false;
  const calls = { fetch: 0 };
  const changes: string[] = [];
  const storage: JobListStorage = {
    meta: async (): Promise<StoredMeta | null> => (stored ? { version: stored.version, hash: stored.hash, fetchedAt: stored.fetchedAt } : null),
    read: async () => stored,
    write: async (held) => {
      stored = { ...held, version: (stored?.version ?? 0) + 1 };
    },
  };
  const cache = createJobsCache({
    fetchJobs: async () => {
      calls.fetch++;
      await new Promise((r) => setTimeout(r, 5));
      if (failing) throw new Error("Occupop is down");
      return listing;
    },
    storage,
    windowMs: () => windowMs,
    onChange: (reason) => changes.push(reason),
    now: () => clock,
  });
  return {
    cache,
    calls,
    changes,
    tick: (ms: number) => (clock += ms),
    setListing: (jobs: Job[]) => (listing = jobs),
    fail: (on: boolean) => (failing = on),
    /** Another server fetched and shared this list just now. */
    shareFromElsewhere: (jobs: Job[]) => (stored = { jobs, fetchedAt: clock, hash: `other-${jobs.map((j) => j.title).join()}`, version: (stored?.version ?? 0) + 1 }),
  };
}

describe("the job list's cache policy", () => {
  it("asks Occupop once for any number of cold requests, and not again inside the window", async () => {
    const w = world();
    const all = await Promise.all(Array.from({ length: 50 }, () => w.cache.snapshot()));
    expect(w.calls.fetch).toBe(1);
    expect(all.every((s) => !s.stale && s.jobs[0]!.title === "a")).toBe(true);
    w.tick(59_000);
    await w.cache.snapshot();
    expect(w.calls.fetch).toBe(1);
  });

  it("after the window serves the stale copy at once while one refresh runs, and renders pages again only for new content", async () => {
    const w = world();
    await w.cache.snapshot();
    w.tick(61_000);
    w.setListing([job("a")]);
    const stale = await Promise.all(Array.from({ length: 10 }, () => w.cache.snapshot()));
    expect(stale.every((s) => s.stale)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(w.calls.fetch).toBe(2);
    expect(w.changes).toEqual([]);
    w.tick(61_000);
    w.setListing([job("b")]);
    await w.cache.snapshot();
    await new Promise((r) => setTimeout(r, 20));
    expect((await w.cache.snapshot()).jobs[0]!.title).toBe("b");
    expect(w.changes).toEqual(["job list changed"]);
  });

  it("takes a list another server fetched inside the window instead of asking Occupop", async () => {
    const w = world();
    await w.cache.snapshot();
    w.tick(61_000);
    w.shareFromElsewhere([job("from-b")]);
    await w.cache.snapshot();
    await new Promise((r) => setTimeout(r, 20));
    expect(w.calls.fetch).toBe(1);
    expect((await w.cache.snapshot()).jobs[0]!.title).toBe("from-b");
    // And the sync brings it without anyone asking.
    w.shareFromElsewhere([job("from-c")]);
    await w.cache.sync();
    expect((await w.cache.snapshot()).jobs[0]!.title).toBe("from-c");
  });

  it("keeps serving the last good list when Occupop fails, backing off; with none at all, says unavailable", async () => {
    const w = world();
    w.fail(true);
    await expect(w.cache.snapshot()).rejects.toBeInstanceOf(JobsUnavailableError);
    // Inside the cold back-off, no new call.
    await expect(w.cache.snapshot()).rejects.toBeInstanceOf(JobsUnavailableError);
    expect(w.calls.fetch).toBe(1);
    w.tick(6_000);
    w.fail(false);
    expect((await w.cache.snapshot()).jobs).toHaveLength(1);
    w.tick(61_000);
    w.fail(true);
    await w.cache.snapshot();
    await new Promise((r) => setTimeout(r, 20));
    const served = await w.cache.snapshot();
    expect(served).toMatchObject({ stale: true });
    expect(served.jobs[0]!.title).toBe("a");
    const calls = w.calls.fetch;
    w.tick(10_000);
    await w.cache.snapshot();
    expect(w.calls.fetch).toBe(calls); // backing off for 30 s after a failure
    await expect(w.cache.refresh()).rejects.toThrow("Occupop is down");
  });

  it("starts a cold server from the shared list, however old", async () => {
    const w = world();
    w.shareFromElsewhere([job("yesterday")]);
    w.tick(86_400_000);
    expect(w.cache.hasJobs()).toBe(false);
    const first = await w.cache.snapshot();
    expect(first.jobs[0]!.title).toBe("yesterday");
    expect(first.stale).toBe(true);
    expect(w.cache.hasJobs()).toBe(true);
  });
});
