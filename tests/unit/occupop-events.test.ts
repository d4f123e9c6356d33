// Occupop's webhooks below the browser, on SQLite and PostgreSQL: real Requests through the
// route's handler (secret checks, bodies), events kept once, candidate statuses that an older
// event arriving late does not overwrite, and job events refreshing the job list from the
// emulator at once. The emulator's own webhooks (emulator/webhooks.ts) are sent to a local
// receiver over HTTP with each secret style.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { getJobsSnapshot, resetJobsCache } from "@/lib/jobs/cache";
import { candidateStatus } from "@/lib/occupop-events/queue";
import { receiveOccupopWebhook } from "@/lib/occupop-events/webhook";
import { kickEvents } from "@/lib/occupop-events/worker";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { startEmulator } from "../helpers/emulator";
import { scriptedServer } from "../helpers/scripted-server";

const SECRET = "unit-occupop-webhook-secret-42";
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  delete process.env.OCCUPOP_WEBHOOK_SECRET;
  resetEnv();
  await emulator.stop();
});

const candidateEvent = (uuid: string, status: string, step: string, updatedAt: string, event = "CandidateResource_status_updated") => ({
  meta: { resource_type: "CandidateResource", event_name: event },
  data: { uuid, status, first_name: "Ada", last_name: "Byrne", email: "ada@example.com", hiring_flow_step: { uuid: "s1", name: step }, updated_at: updatedAt },
});

function post(body: unknown, { auth = "bearer", secret = SECRET, raw }: { auth?: "bearer" | "header" | "query" | "none"; secret?: string; raw?: string } = {}) {
  const url = new URL("http://localhost:3000/api/occupop/webhook");
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth === "bearer") headers.authorization = `Bearer ${secret}`;
  if (auth === "header") headers["x-webhook-secret"] = secret;
  if (auth === "query") url.searchParams.set("secret", secret);
  return receiveOccupopWebhook(new Request(url, { method: "POST", headers, body: raw ?? JSON.stringify(body) }));
}

describe.each(DATABASES)("Occupop webhooks on %s", (kind) => {
  beforeEach(async () => {
    // The last test's events woke the worker: its pass ends before the database changes.
    await kickEvents();
    await freshDatabase(kind);
    process.env.OCCUPOP_WEBHOOK_SECRET = SECRET;
    resetEnv();
  });

  it("answers only the secret, in any of its three places; 404 while none is configured", async () => {
    const event = candidateEvent("c-1", "active", "Applied", "2026-12-01T10:00:00.000000Z");
    expect((await post(event, { auth: "none" })).status).toBe(401);
    expect((await post(event, { secret: "not-the-secret-at-all" })).status).toBe(401);
    expect((await post(event, { auth: "query", secret: `${SECRET}x` })).status).toBe(401);
    for (const auth of ["bearer", "header", "query"] as const) expect((await post(candidateEvent(`c-${auth}`, "active", "Applied", "2026-12-01T10:00:00Z"), { auth })).status).toBe(202);
    const db = await database();
    expect(await db.selectFrom("occupop_events").select("resource_uuid").orderBy("resource_uuid").execute()).toEqual([{ resource_uuid: "c-bearer" }, { resource_uuid: "c-header" }, { resource_uuid: "c-query" }]);
    delete process.env.OCCUPOP_WEBHOOK_SECRET;
    resetEnv();
    expect((await post(event)).status).toBe(404);
  });

  it("refuses what is not an event, and keeps no name or email of one", async () => {
    expect((await post(null, { raw: "{not json" })).status).toBe(400);
    expect((await post({ meta: { event_name: "CandidateResource_created" }, data: {} })).status).toBe(400);
    expect((await post(candidateEvent("c-2", "active", "Applied", "2026-12-01T10:00:00Z"))).status).toBe(202);
    const db = await database();
    const stored = JSON.stringify(await db.selectFrom("occupop_events").selectAll().execute());
    expect(stored).not.toMatch(/Ada|Byrne|ada@example\.com/);
  });

  it("keeps a repeated delivery once, and a candidate's latest status even when an older event arrives last", async () => {
    const later = candidateEvent("c-3", "active", "Interview", "2026-12-01T12:00:00.000000Z");
    const earlier = candidateEvent("c-3", "active", "Phone screen", "2026-12-01T11:00:00.000000Z");
    const first = await post(later);
    expect(await first.json()).toEqual({ ok: true, duplicate: false });
    expect(await (await post(later)).json()).toEqual({ ok: true, duplicate: true });
    await post(earlier);
    const db = await database();
    expect(Number((await db.selectFrom("occupop_events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(2);
    await kickEvents();
    expect(await candidateStatus("c-3")).toEqual({ status: "active", step: "Interview", at: Date.parse("2026-12-01T12:00:00Z") });
    // A newer one moves it on; every event is done.
    await post(candidateEvent("c-3", "hired", "Hired", "2026-12-02T09:00:00Z"));
    await kickEvents();
    expect(await candidateStatus("c-3")).toMatchObject({ status: "hired", step: "Hired" });
    expect((await db.selectFrom("occupop_events").select("status").execute()).every((r) => r.status === "done")).toBe(true);
  });

  it("refreshes the job list at once on a job event", async () => {
    resetJobsCache();
    const before = await getJobsSnapshot();
    const created = (await (await emulator.control("/jobs", "POST", { title: `Webhook Job ${kind}` })).json()) as { data: Record<string, unknown> & { uuid: string } };
    expect((await getJobsSnapshot()).jobs.some((j) => j.uuid === created.data.uuid)).toBe(false);
    expect((await post({ meta: { resource_type: "JobResource", event_name: "JobResource_created" }, data: created.data })).status).toBe(202);
    await kickEvents();
    const after = await getJobsSnapshot();
    expect(after.jobs.some((j) => j.uuid === created.data.uuid)).toBe(true);
    expect(after.fetchedAt).toBeGreaterThan(before.fetchedAt);
  });
});

describe("the emulator's webhooks", () => {
  it("sends Occupop's events on job and candidate changes, with the secret where it is told to", async () => {
    const received = await scriptedServer((_req, res) => void res.writeHead(202).end());
    try {
      for (const via of ["bearer", "header", "query"] as const) {
        received.requests.length = 0;
        expect((await emulator.control("/webhooks", "POST", { url: `${received.origin}/hook`, secret: "s3cret-value", via })).status).toBe(200);
        const job = (await (await emulator.control("/jobs", "POST", { title: `Hooked ${via}` })).json()) as { data: { uuid: string } };
        await expect.poll(() => received.requests.length).toBe(1);
        const [request] = received.requests;
        const body = JSON.parse(request!.body.toString("utf8")) as { meta: Record<string, string>; data: { uuid: string } };
        expect(body.meta).toEqual({ resource_type: "JobResource", event_name: "JobResource_created" });
        expect(body.data.uuid).toBe(job.data.uuid);
        if (via === "bearer") expect(request!.headers.authorization).toBe("Bearer s3cret-value");
        if (via === "header") expect(request!.headers["x-webhook-secret"]).toBe("s3cret-value");
        if (via === "query") expect(new URL(request!.url, "http://x").searchParams.get("secret")).toBe("s3cret-value");
        await emulator.control(`/jobs/${job.data.uuid}`, "DELETE");
        await expect.poll(() => received.requests.length).toBe(2);
        const removed = JSON.parse(received.requests[1]!.body.toString("utf8")) as { meta: Record<string, string>; data: { deleted_at?: string } };
        expect(removed.meta.event_name).toBe("JobResource_updated");
        expect(removed.data.deleted_at).toBeTruthy();
      }
      expect((await emulator.control("/candidates/00000000-0000-4000-8000-000000000000/status", "POST", { status: "hired" })).status).toBe(404);
    } finally {
      await emulator.control("/webhooks", "DELETE");
      await received.close();
    }
  });
});
