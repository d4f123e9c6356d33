// Telling search engines about job pages, on SQLite and PostgreSQL: changed job lists shared as
// the site shares them (real jobs from the emulator), and the worker speaking to local fakes of
// Google's token endpoint, its Indexing API and IndexNow over HTTP. Once per change, the
// latest state of a page, Google's daily quota, retries after temporary failures, and a
// refusal kept for HR.
import { createVerify, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asServer } from "@/lib/admin/access";
import { saveVersion } from "@/lib/branding/store";
import { DEFAULT_STORED_BRANDING } from "@/lib/branding/schema";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { recordListing } from "@/lib/jobs/ledger";
import { databaseStorage } from "@/lib/jobs/shared-list";
import type { Job } from "@/lib/jobs/types";
import { listJobs } from "@/lib/occupop";
import { quotaDay, recentNotifications, spendQuota } from "@/lib/search-engines/queue";
import { kickSearchNotifications } from "@/lib/search-engines/worker";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { startEmulator } from "../helpers/emulator";
import { scriptedServer, type SeenRequest } from "../helpers/scripted-server";

const SITE = "https://careers.kestrel.example";
const KEY = "kestrel-indexnow-key-0123";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const SERVICE_ACCOUNT = { type: "service_account", client_email: "indexing@kestrel-careers.iam.gserviceaccount.com", private_key_id: "k1", private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };

/** What each fake answers next (a status per call; 200 or 202 once the script runs out). */
const script: { publish: number[]; indexnow: number[] } = { publish: [], indexnow: [] };
let fake: Awaited<ReturnType<typeof scriptedServer>>;
let stopEmulator: () => Promise<void>;
let jobs: Job[];

const json = (r: SeenRequest) => JSON.parse(r.body.toString("utf8")) as Record<string, unknown>;
const publishes = () => fake.requests.filter((r) => r.url === "/v3/urlNotifications:publish").map(json) as Array<{ url: string; type: string }>;
const pings = () => fake.requests.filter((r) => r.url === "/indexnow").map(json) as Array<{ host: string; key: string; keyLocation: string; urlList: string[] }>;

beforeAll(async () => {
  const emulator = await startEmulator();
  stopEmulator = emulator.stop;
  jobs = (await listJobs()).filter((j) => j.isOpen);
  fake = await scriptedServer((req, res) => {
    if (req.url === "/token") {
      // A real check of the service account's signed assertion, as Google's endpoint makes.
      const assertion = new URLSearchParams(req.body.toString("utf8")).get("assertion") ?? "";
      const [header, payload, signature] = assertion.split(".");
      const valid = createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(publicKey, Buffer.from(signature ?? "", "base64url"));
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as { iss?: string; scope?: string };
      if (!valid || claims.iss !== SERVICE_ACCOUNT.client_email || claims.scope !== "https://www.googleapis.com/auth/indexing") {
        return void res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_grant" }));
      }
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: "fake-access-token", expires_in: 3600, token_type: "Bearer" }));
    }
    if (req.url === "/v3/urlNotifications:publish") {
      if (req.headers.authorization !== "Bearer fake-access-token") return void res.writeHead(401).end();
      const status = script.publish.shift() ?? 200;
      return void res.writeHead(status, { "content-type": "application/json" }).end(status === 200 ? JSON.stringify({ urlNotificationMetadata: json(req) }) : JSON.stringify({ error: { code: status, message: "scripted" } }));
    }
    if (req.url === "/indexnow") return void res.writeHead(script.indexnow.shift() ?? 202).end();
    res.writeHead(404).end();
  });
  Object.assign(process.env, {
    SITE_URL: SITE,
    GOOGLE_INDEXING_CREDENTIALS: JSON.stringify({ ...SERVICE_ACCOUNT, token_uri: `${fake.origin}/token` }),
    GOOGLE_INDEXING_ENDPOINT: `${fake.origin}/v3/urlNotifications:publish`,
    INDEXNOW_KEY: KEY,
    INDEXNOW_ENDPOINT: `${fake.origin}/indexnow`,
    SEARCH_NOTIFY_RETRY_BASE_MS: "1000",
    SEARCH_NOTIFY_RETRY_MAX_MS: "1200",
  });
});
afterAll(async () => {
  for (const name of ["GOOGLE_INDEXING_CREDENTIALS", "GOOGLE_INDEXING_ENDPOINT", "INDEXNOW_KEY", "INDEXNOW_ENDPOINT", "SEARCH_NOTIFY_RETRY_BASE_MS", "SEARCH_NOTIFY_RETRY_MAX_MS", "GOOGLE_INDEXING_DAILY_QUOTA"]) delete process.env[name];
  process.env.SITE_URL = "http://localhost:3000";
  resetEnv();
  await fake.close();
  await stopEmulator();
});

// Later than any list the site fetches itself meanwhile (each pass asks for the job list), so
// the lists shared here are the ones that stay.
let clock = Date.now() + 86_400_000;
/** Shares a changed list, as a server that fetched it does, and lets the worker finish. */
async function share(list: Job[]): Promise<void> {
  clock += 1_000;
  await databaseStorage.write({ jobs: list, fetchedAt: clock, hash: `h-${clock}` }, JSON.stringify(list));
  await kickSearchNotifications();
}
/** A job page's addresses in the languages the default branding offers (the default one unprefixed). */
const everywhere = (slug: string) => ["", "/de", "/fr", "/es"].map((prefix) => `${SITE}${prefix}/jobs/${slug}`);
const told = (slugs: Job[], type: string) => slugs.flatMap((j) => everywhere(j.slug).map((url) => ({ url, type })));
const rows = () => asServer("test", () => recentNotifications(200));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASES)("search-engine notifications on %s", (kind) => {
  beforeEach(async () => {
    // The last test's writes woke the worker: its pass ends before the database changes.
    await kickSearchNotifications();
    await freshDatabase(kind);
    // A company name of its own: the branding then never reads the job list from Occupop
    // (which would share the emulator's whole list in the middle of a test).
    await saveVersion({ ...DEFAULT_STORED_BRANDING, companyName: "Kestrel" }, 0, "test");
    delete process.env.GOOGLE_INDEXING_DAILY_QUOTA;
    resetEnv();
    fake.requests.length = 0;
    script.publish = [];
    script.indexnow = [];
  });

  it("tells each engine once per change: new pages updated, closed and removed ones deleted", async () => {
    const listed = jobs.slice(0, 4);
    expect(listed).toHaveLength(4);
    await share(listed);
    // Every page in each language on offer: one call each to Google, one call in all to IndexNow.
    expect(publishes()).toHaveLength(16);
    expect(publishes()).toEqual(expect.arrayContaining(told(listed, "URL_UPDATED")));
    expect(pings()).toEqual([{ host: "careers.kestrel.example", key: KEY, keyLocation: `${SITE}/indexnow-key.txt`, urlList: expect.arrayContaining(listed.flatMap((j) => everywhere(j.slug))) }]);
    expect(pings()[0]!.urlList).toHaveLength(16);
    expect((await rows()).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);

    // The same list again, and another pass: nothing more.
    await share(listed);
    await kickSearchNotifications();
    expect(publishes()).toHaveLength(16);
    expect(pings()).toHaveLength(1);

    // One removed, one closed, one edited, one as it was.
    const [removed, closed, edited, same] = listed as [Job, Job, Job, Job];
    fake.requests.length = 0;
    await share([{ ...closed, isOpen: false }, { ...edited, title: `${edited.title} (updated)` }, same]);
    expect(publishes()).toHaveLength(12);
    expect(publishes()).toEqual(expect.arrayContaining([...told([removed, closed], "URL_DELETED"), ...told([edited], "URL_UPDATED")]));
    expect(pings()).toHaveLength(1);
    expect(pings()[0]!.urlList.sort()).toEqual([removed, closed, edited].flatMap((j) => everywhere(j.slug)).sort());
  });

  it("tells a page's latest state once when it changed twice before the worker came round", async () => {
    const [job] = jobs as [Job];
    const db = await database();
    // Two changed lists recorded before any pass: listed, then removed.
    await db.transaction().execute((trx) => recordListing(trx, [job], 1));
    await db.transaction().execute((trx) => recordListing(trx, [], 2));
    const waiting = await db.selectFrom("search_notifications").select(["engine", "type"]).where("status", "=", "pending").execute();
    expect(waiting.sort((a, b) => a.engine.localeCompare(b.engine))).toEqual([
      { engine: "google", type: "URL_DELETED" },
      { engine: "indexnow", type: "URL_DELETED" },
    ]);
    await kickSearchNotifications();
    expect(publishes()).toEqual(told([job], "URL_DELETED"));
  });

  it("keeps within Google's daily quota, shared by every server, and leaves the rest for the next quota day", async () => {
    // Room for two pages in four languages.
    process.env.GOOGLE_INDEXING_DAILY_QUOTA = "9";
    resetEnv();
    await share(jobs.slice(0, 4));
    expect(publishes()).toHaveLength(8);
    expect(pings()[0]!.urlList).toHaveLength(16);
    const google = (await rows()).filter((r) => r.engine === "google");
    expect(google.filter((r) => r.status === "sent")).toHaveLength(2);
    const waiting = google.filter((r) => r.status === "pending");
    expect(waiting).toHaveLength(2);
    for (const r of waiting) {
      expect(r.attempts).toBe(0);
      expect(r.last_error).toMatch(/Waiting for Google's next quota day: 9 calls a day are spent/);
      expect(Number(r.next_attempt_at)).toBeGreaterThan(Date.now() + 10 * 60_000);
    }
    // Another pass (or another server) spends nothing more today.
    await kickSearchNotifications();
    expect(publishes()).toHaveLength(8);
    expect(await spendQuota("google", 1, 9)).toBe(true);
    expect(await spendQuota("google", 1, 9)).toBe(false);
    // Google's quota day turns at midnight Pacific time, not UTC.
    const pacificMidnight = Date.parse("2026-12-02T08:00:00Z");
    expect(quotaDay("google", pacificMidnight - 1)).toBe("2026-12-01");
    expect(quotaDay("google", pacificMidnight)).toBe("2026-12-02");
    expect(await spendQuota("google", 9, 9, Date.now() + 24 * 3_600_000)).toBe(true);
  });

  it("tries again after a temporary failure, and keeps a refusal for HR without trying again", async () => {
    const [first, second] = jobs as [Job, Job];
    script.publish = [503];
    script.indexnow = [429];
    await share([first]);
    let [google, indexnow] = ["google", "indexnow"].map((e) => async () => (await rows()).find((r) => r.engine === e)!);
    expect(await google!()).toMatchObject({ status: "pending", attempts: 1, http_status: 503, last_error: expect.stringMatching(/^Google answered 503/) });
    expect(await indexnow!()).toMatchObject({ status: "pending", attempts: 1, http_status: 429, last_error: "IndexNow answered 429" });
    await sleep(1_300);
    await kickSearchNotifications();
    expect(await google!()).toMatchObject({ status: "sent", attempts: 2, http_status: 200, last_error: null });
    expect(await indexnow!()).toMatchObject({ status: "sent", attempts: 2, http_status: 202 });
    // The failed first call, then the page in four languages.
    expect(publishes()).toHaveLength(5);
    expect(pings()).toHaveLength(2);

    // A refusal (the service account is not an owner of the site in Search Console, say).
    script.publish = [403];
    script.indexnow = [422];
    await share([first, second]);
    [google, indexnow] = ["google", "indexnow"].map((e) => async () => (await rows()).find((r) => r.engine === e && r.url === `/jobs/${second.slug}`)!);
    expect(await google!()).toMatchObject({ status: "failed", attempts: 1, http_status: 403 });
    expect(await indexnow!()).toMatchObject({ status: "failed", attempts: 1, http_status: 422 });
    await sleep(1_300);
    await kickSearchNotifications();
    expect(publishes()).toHaveLength(6);
    expect(pings()).toHaveLength(3);
  });

  it("queues nothing while no engine is configured", async () => {
    const saved = { g: process.env.GOOGLE_INDEXING_CREDENTIALS, i: process.env.INDEXNOW_KEY };
    delete process.env.GOOGLE_INDEXING_CREDENTIALS;
    delete process.env.INDEXNOW_KEY;
    resetEnv();
    try {
      await share(jobs.slice(0, 2));
      expect(await rows()).toEqual([]);
      expect(fake.requests).toEqual([]);
    } finally {
      Object.assign(process.env, { GOOGLE_INDEXING_CREDENTIALS: saved.g, INDEXNOW_KEY: saved.i });
      resetEnv();
    }
  });
});
