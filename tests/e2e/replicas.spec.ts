// Two production servers on different ports share one PostgreSQL database, as two replicas
// behind a load balancer would: applications, leases, the job list, branding, sessions and
// rate limits are the site's, not a server's. (Runs in the postgres project only.)
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { candidatesFor, fillApplication, jobWhere, openForm, pdf, person, testFile } from "./apply-support";
import { emulatorControl, listingRequests, newPostgresDatabase, resetWorld, siteQuery, startSiteServer, type SiteStorage, type WireJob } from "./support";

// Each of the 40 applications also uploads its resume while the form is filled in (lib/uploads).
test.describe.configure({ timeout: 420_000 });

type Replica = Awaited<ReturnType<typeof startSiteServer>>;

// Occupop's calls time out as deployed (10 s), not at the other tests' 1.5 s: on a loaded
// machine a create answered late would count as one whose answer never came, the one case
// that cannot be exact (Occupop may have made the candidate); it has its own test.
const REPLICA_ENV = { OUTBOX_LEASE_MS: "3000", OCCUPOP_TIMEOUT_MS: "10000", SYNC_POLL_MS: "500", ADMIN_EMAIL: E2E.adminEmail, ADMIN_PASSWORD: E2E.adminPassword };

/** Two servers, each with its own data directory, on one new database. */
async function twoReplicas(env: Record<string, string> = {}): Promise<{ a: Replica; b: Replica; storage: (r: "a" | "b") => SiteStorage }> {
  const databaseUrl = await newPostgresDatabase();
  const storageA = { dataDir: mkdtempSync(join(tmpdir(), "careers-replica-a-")), databaseUrl };
  const storageB = { dataDir: mkdtempSync(join(tmpdir(), "careers-replica-b-")), databaseUrl };
  // Started together: the migrations run once, under PostgreSQL's advisory lock.
  const [a, b] = await Promise.all([
    startSiteServer(E2E.appPort + 50, { ...REPLICA_ENV, ...env }, storageA),
    startSiteServer(E2E.appPort + 51, { ...REPLICA_ENV, ...env }, storageB),
  ]);
  return { a, b, storage: (r) => (r === "a" ? storageA : storageB) };
}

type Sent = { email: string; sha256: string };

async function applyOn(browser: Browser, base: string, job: WireJob, tag: string): Promise<Sent> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const who = person(tag);
    const resume = testFile(`${tag}.pdf`, Buffer.concat([pdf(tag), Buffer.alloc(256 * 1024 + Math.floor(Math.random() * 4096), 0x20)]));
    const openedAt = await openForm(page, job.unique_slug, { base });
    await fillApplication(page, job, who, resume.path);
    await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 30_000 });
    return { email: who.email, sha256: resume.sha256 };
  } finally {
    await context.close();
  }
}

/** Applies `count` times, `parallel` at a time, alternating between the servers given. */
async function applyMany(browser: Browser, bases: () => string[], job: WireJob, tag: string, count: number, parallel = 4): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (let i = 0; i < count; i += parallel) {
    const round = Array.from({ length: Math.min(parallel, count - i) }, (_, k) => {
      const n = i + k;
      const list = bases();
      return applyOn(browser, list[n % list.length]!, job, `${tag}-${n}`);
    });
    sent.push(...(await Promise.all(round)));
  }
  return sent;
}

test.afterEach(async () => {
  await emulatorControl("/faults", "DELETE");
});

test("40 applications over two replicas, 30% of creates failing, one replica killed mid-delivery: each arrives exactly once, bytes intact", async ({ browser }) => {
  await resetWorld();
  const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job && !j.require_opt_in_for_database);
  const replicas = await twoReplicas();
  const { b, storage } = replicas;
  let a = replicas.a;
  try {
    await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 100_000, probability: 0.3 });
    const sent = await applyMany(browser, () => [a.url, b.url], job, "replica", 20);

    // Catch replica A in the middle of deliveries: hold every upload and create, send A some
    // applications (they queue), and wait until A's worker holds their leases.
    await emulatorControl("/faults", "POST", { target: "upload", kind: "hang", count: 100_000, prepend: true });
    await emulatorControl("/faults", "POST", { target: "create", kind: "hang", count: 100_000, prepend: true });
    sent.push(...(await applyMany(browser, () => [a.url], job, "killed", 4)));
    const heldByA = async () =>
      Number(
        (await siteQuery<{ n: string }>(`SELECT count(*) AS n FROM applications WHERE lease_owner LIKE '%:${a.pid}:%' AND status = 'pending'`, storage("a")))[0]?.n ?? 0,
      );
    await expect.poll(heldByA, { timeout: 20_000 }).toBeGreaterThan(0);
    await a.stop("SIGKILL");
    await emulatorControl("/faults", "DELETE");
    await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 100_000, probability: 0.3 });

    // B takes over what A held once A's leases run out; A comes back and helps with the rest.
    a = await startSiteServer(E2E.appPort + 50, REPLICA_ENV, storage("a"));
    sent.push(...(await applyMany(browser, () => [a.url, b.url], job, "after", 16)));
    expect(sent).toHaveLength(40);
    await emulatorControl("/faults", "DELETE");

    await expect
      .poll(async () => Number((await siteQuery<{ n: string }>("SELECT count(*) AS n FROM applications WHERE status = 'delivered'", storage("b")))[0]?.n), {
        timeout: 60_000,
      })
      .toBe(40);
    // Should one arrive twice, the failure says whether a create's answer never came.
    const rows = await siteQuery<{ payload: string; uncertain_creates: number }>("SELECT payload, uncertain_creates FROM applications", storage("b"));
    const uncertain = new Map(rows.map((r) => [(JSON.parse(r.payload) as { email: string }).email, Number(r.uncertain_creates)]));
    for (const s of sent) {
      const candidates = await candidatesFor(s.email);
      expect(candidates, `${s.email} (creates whose answer never came: ${uncertain.get(s.email)})`).toHaveLength(1);
      expect(candidates[0]!.upload?.sha256, s.email).toBe(s.sha256);
    }
    // Nothing stuck, nothing kept: every resume row is gone.
    const left = await siteQuery<{ n: string }>("SELECT count(*) AS n FROM resume_chunks", storage("b"));
    expect(Number(left[0]?.n)).toBe(0);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test("a webhook on one replica and a branding save on the other show on both within the sync bound, with one upstream listing", async ({ browser }) => {
  await resetWorld();
  // No job-alert passes here: each one reads the job list, and a cold replica's first pass
  // would race A's first visit to Occupop, which is not what this test counts.
  const { a, b } = await twoReplicas({ ALERTS_POLL_MS: "3600000" });
  try {
    // Both warm, from one listing between them.
    await emulatorControl("/requests", "DELETE");
    expect((await fetch(`${a.url}/`)).status).toBe(200);
    expect((await fetch(`${b.url}/`)).status).toBe(200);
    expect(await listingRequests()).toBe(1);

    await emulatorControl("/jobs", "POST", { title: "Replica Ranger" });
    await emulatorControl("/requests", "DELETE");
    const res = await fetch(`${a.url}/api/revalidate`, { method: "POST", headers: { Authorization: `Bearer ${E2E.revalidateSecret}` } });
    expect(res.status).toBe(200);
    const started = Date.now();
    expect(await (await fetch(`${a.url}/`)).text()).toContain("Replica Ranger");
    await expect.poll(async () => (await (await fetch(`${b.url}/`)).text()).includes("Replica Ranger"), { timeout: 5_000, intervals: [100] }).toBe(true);
    const lag = Date.now() - started;
    expect(lag).toBeLessThan(3_000); // SYNC_POLL_MS (500) and a render, with room to spare
    expect(await listingRequests()).toBe(1); // B took A's list from the database

    // HR saves the branding on B; visitors of A see it.
    const page = await browser.newPage();
    await page.goto(`${b.url}/admin/login`);
    await page.getByLabel("Email").fill(E2E.adminEmail);
    await page.getByLabel("Password").fill(E2E.adminPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`${b.url}/admin/branding`);
    await page.getByLabel("Company name").fill("Replicated Outdoor Co");
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.getByTestId("branding-status")).toContainText("Saved as version");
    await expect.poll(async () => (await (await fetch(`${a.url}/`)).text()).includes("Replicated Outdoor Co"), { timeout: 5_000, intervals: [100] }).toBe(true);
    await page.close();
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test("login lockout and the apply rate limit count across replicas", async ({ browser }) => {
  await resetWorld();
  const { a, b } = await twoReplicas({ APPLY_RATE_LIMIT_PER_MINUTE: "2" });
  try {
    const page = await browser.newPage();
    for (let i = 0; i < 4; i++) {
      await page.goto(`${(i % 2 ? b : a).url}/admin/login`);
      await page.getByLabel("Email").fill(E2E.adminEmail);
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.locator("#login-error")).toContainText("do not match");
    }
    // Four failures from one address spread over two servers: from there, the right password now waits on either.
    for (const replica of [a, b]) {
      await page.goto(`${replica.url}/admin/login`);
      await page.getByLabel("Email").fill(E2E.adminEmail);
      await page.getByLabel("Password").fill(E2E.adminPassword);
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.locator("#login-error")).toContainText("Too many failed attempts");
    }
    await page.close();

    const job = await jobWhere((j) => !j.require_cv);
    await applyOn(browser, a.url, job, "limit-a");
    await applyOn(browser, b.url, job, "limit-b");
    const third = await browser.newPage();
    const who = person("limit-c");
    const openedAt = await openForm(third, job.unique_slug, { base: a.url });
    await fillApplication(third, job, who);
    await third.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    await third.getByRole("button", { name: "Submit application" }).click();
    await expect(third.getByTestId("apply-summary")).toContainText("Several applications were sent from your connection");
    await expect(third.getByLabel("Email (required)")).toHaveValue(who.email);
    expect(await candidatesFor(who.email)).toHaveLength(0);
    await third.close();
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test("new jobs reach a job-alert subscriber in one email, though both replicas look for them", async ({ browser }) => {
  await resetWorld();
  const { a, b } = await twoReplicas({ ALERTS_POLL_MS: "100" });
  try {
    const email = `replicas-${Date.now()}@example.com`;
    const page = await browser.newPage();
    // Signed up on A, confirmed on B: the signing secret and the subscription are the site's.
    await page.goto(`${a.url}/`);
    await page.getByLabel("Email for job alerts").fill(email);
    await page.getByRole("button", { name: "Email me new jobs" }).click();
    await expect(page.getByTestId("alert-sent")).toBeVisible();
    const mailTo = async () => ((await (await emulatorControl(`/mail?to=${encodeURIComponent(email)}`)).json()) as { data: Array<{ subject: string; text: string }> }).data;
    await expect.poll(async () => (await mailTo()).length, { timeout: 15_000 }).toBe(1);
    const confirmPath = /https?:\/\/[^/\s]+(\/alerts\/confirm\?token=\S+)/.exec((await mailTo())[0]!.text)![1]!;
    await page.goto(`${b.url}${confirmPath}`);
    await page.getByRole("button", { name: "Yes, send me job alerts" }).click();
    await expect(page.getByTestId("alert-confirmed")).toBeVisible();

    const titles = ["Replica Roofer", "Replica Rigger", "Replica Runner"].map((t) => `${t} ${Date.now() % 10_000}`);
    for (const title of titles) await emulatorControl("/jobs", "POST", { title });
    const res = await fetch(`${a.url}/api/revalidate`, { method: "POST", headers: { Authorization: `Bearer ${E2E.revalidateSecret}` } });
    expect(res.status).toBe(200);
    await expect.poll(async () => (await mailTo()).length, { timeout: 15_000 }).toBe(2);
    await page.waitForTimeout(2_000); // both replicas pass many times over (every 100 ms)
    const mail = await mailTo();
    expect(mail).toHaveLength(2);
    expect(mail[1]!.subject).toMatch(/^3 new jobs at /);
    for (const title of titles) expect(mail[1]!.text).toContain(title);
    const sent = await siteQuery<{ n: number | string }>("select count(*) as n from alert_sent", b.storage);
    expect(Number(sent[0]!.n)).toBe(3);
    await page.close();
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await resetWorld();
  }
});
