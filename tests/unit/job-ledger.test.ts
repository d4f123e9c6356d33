// The job ledger on SQLite and PostgreSQL, fed as the site feeds it: real jobs from the
// emulator over HTTP, shared through the database (lib/jobs/shared-list.ts), which records
// each changed list. New, changed, removed and returning jobs; an older list changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { goneJob, lastChanged } from "@/lib/jobs/ledger";
import { databaseStorage } from "@/lib/jobs/shared-list";
import type { Job } from "@/lib/jobs/types";
import { listJobs } from "@/lib/occupop";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { startEmulator } from "../helpers/emulator";

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let jobs: Job[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  jobs = await listJobs();
});
afterAll(async () => {
  await emulator.stop();
});

const share = (list: Job[], fetchedAt: number) => databaseStorage.write({ jobs: list, fetchedAt, hash: `h-${fetchedAt}` }, JSON.stringify(list));

describe.each(DATABASES)("the job ledger on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
  });

  it("records new, changed, removed and returning jobs as changed lists are shared", async () => {
    expect(jobs.length).toBeGreaterThan(3);
    const t0 = 1_790_000_000_000;
    await share(jobs, t0);
    const first = await lastChanged();
    expect(first.size).toBe(new Set(jobs.map((j) => j.slug)).size);
    expect(first.get(jobs[0]!.slug)).toBe(t0);
    expect(await goneJob(jobs[0]!.slug)).toBeNull();
    expect(await goneJob("never-listed")).toBeNull();

    // One job leaves the list, one changes, the rest stay as they were.
    const [removed, edited, ...rest] = jobs as [Job, Job, ...Job[]];
    const next = [{ ...edited, title: `${edited.title} (updated)` }, ...rest];
    await share(next, t0 + 1_000);
    expect(await goneJob(removed.slug)).toEqual({ title: removed.title, goneAt: t0 + 1_000 });
    const second = await lastChanged();
    expect(second.has(removed.slug)).toBe(false);
    expect(second.get(edited.slug)).toBe(t0 + 1_000);
    expect(second.get(rest[0]!.slug)).toBe(t0);

    // A list fetched before the stored one (another server was later) changes nothing.
    await share(jobs, t0 + 500);
    expect(await goneJob(removed.slug)).not.toBeNull();

    // It comes back: listed again, no longer gone.
    await share(jobs, t0 + 2_000);
    expect(await goneJob(removed.slug)).toBeNull();
    expect((await lastChanged()).get(removed.slug)).toBe(t0 + 2_000);
  });
});
