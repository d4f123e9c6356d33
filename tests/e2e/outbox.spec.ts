import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { logIn } from "./admin-support";
import { candidatesFor, expectOneCandidate, fillApplication, jobWhere, openForm, pdf, person, testFile } from "./apply-support";
import { emulatorControl, expectNoAxeViolations, healthDetails, site, siteQuery, startSiteServer, target, type SiteStorage, type WireJob } from "./support";

/** Resume rows kept for these applicants' applications, in a site's database. */
async function storedChunks(emails: string[], where: SiteStorage = target()): Promise<number> {
  const matches = emails.map((e) => `a.payload LIKE '%"email":"${e.replace(/'/g, "''")}"%'`).join(" OR ");
  const rows = await siteQuery<{ n: string | number }>(`SELECT count(*) AS n FROM resume_chunks c JOIN applications a ON a.id = c.application_id WHERE ${matches}`, where);
  return Number(rows[0]?.n ?? 0);
}

test.afterEach(async () => {
  await emulatorControl("/faults", "DELETE");
  await emulatorControl("/config", "POST", { signedUrlTtlSeconds: 900 });
});

type Sent = { email: string; sha256: string };

/** Applies through the browser; returns what HR must end up with. The applicant must see "received". */
async function apply(browser: Browser, job: WireJob, tag: string, base = site()): Promise<Sent> {
  const page = await browser.newPage();
  try {
    const who = person(tag);
    const resume = testFile(`${tag}.pdf`, pdf(tag));
    const openedAt = await openForm(page, job.unique_slug, { base });
    await fillApplication(page, job, who, resume.path);
    await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    await page.getByRole("button", { name: "Submit application" }).click();
    try {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 20_000 });
    } catch (error) {
      const said = await page.getByTestId("apply-summary").textContent({ timeout: 500 }).catch(() => "");
      throw new Error(`no thank-you page; the form said: ${said}`, { cause: error });
    }
    return { email: who.email, sha256: resume.sha256 };
  } finally {
    await page.close();
  }
}

async function expectDeliveredOnce(sent: Sent[]): Promise<void> {
  for (const s of sent) {
    const candidate = await expectOneCandidate(s.email, 30_000);
    expect(candidate.upload?.sha256, s.email).toBe(s.sha256);
  }
}

const FAULTS = [
  { kind: "500" },
  { kind: "429", retryAfter: 1 },
  { kind: "hang" },
  { kind: "reset" },
  { kind: "403" },
] as const;

test.describe("the fault matrix: every application is delivered exactly once", () => {
  for (const target of ["upload", "create"] as const) {
    for (const fault of FAULTS) {
      test(`${fault.kind} on ${target}`, async ({ browser }) => {
        const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job);
        await emulatorControl("/faults", "POST", { target, count: 1000, ...fault });
        const tag = `${target}-${fault.kind}`;
        const sent = await Promise.all([apply(browser, job, `${tag}-a`), apply(browser, job, `${tag}-b`)]);
        // Still failing: nothing reached HR, and the queue says so.
        for (const s of sent) expect(await candidatesFor(s.email)).toHaveLength(0);
        const health = (await healthDetails<{ applications: { pending: number; failed: number; oldestPendingAgeSeconds: number | null } }>()).report;
        expect(health.applications.pending + health.applications.failed).toBeGreaterThanOrEqual(2);
        if (health.applications.pending) expect(health.applications.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(0);

        await emulatorControl("/faults", "DELETE");
        await expectDeliveredOnce(sent);
      });
    }
  }
});

test("a signed URL that expired between attempts: delivered with a fresh one", async ({ browser }) => {
  const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job);
  await emulatorControl("/requests", "DELETE");
  // The first upload is held until its 1-second URL has expired.
  await emulatorControl("/config", "POST", { signedUrlTtlSeconds: 1 });
  await emulatorControl("/faults", "POST", { target: "upload", kind: "latency", latencyMs: 1500, count: 1 });
  const sent = await apply(browser, job, "expired-url");
  await expectDeliveredOnce([sent]);
  const log = (await (await emulatorControl("/requests")).json()) as { data: Array<{ target: string; status: number }> };
  const uploads = log.data.filter((r) => r.target === "upload").map((r) => r.status);
  expect(uploads).toEqual([403, 200]);
});

test("a server killed with SIGKILL while deliveries are pending delivers them all, none twice, after a restart", async ({ browser }) => {
  const port = E2E.appPort + 40;
  const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job);
  let site = await startSiteServer(port);
  const storage = site.storage;
  try {
    await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 1000 });
    const sent = await Promise.all([1, 2, 3].map((i) => apply(browser, job, `sigkill-${i}`, site.url)));
    // Now catch the worker in the middle of a create, and kill the process there.
    await emulatorControl("/requests", "DELETE");
    await emulatorControl("/faults", "POST", { target: "create", kind: "hang", count: 1, prepend: true });
    const hanging = async () =>
      ((await (await emulatorControl("/requests")).json()) as { data: Array<{ target: string; status: number }> }).data.some(
        (r) => r.target === "create" && r.status === 0,
      );
    await expect.poll(hanging, { timeout: 15_000 }).toBe(true);
    await site.stop("SIGKILL");
    await emulatorControl("/faults", "DELETE");
    for (const s of sent) expect(await candidatesFor(s.email)).toHaveLength(0);

    expect(await storedChunks(sent.map((s) => s.email), storage)).toBeGreaterThan(0);

    site = await startSiteServer(port, {}, storage);
    await expectDeliveredOnce(sent);
    // After delivery, the resumes are gone from the database.
    await expect.poll(() => storedChunks(sent.map((s) => s.email), storage), { timeout: 5_000 }).toBe(0);
  } finally {
    await site.stop();
  }
});

test("a non-retryable 422 is kept as failed with Occupop's reason, shown to HR, who can retry it or discard it", async ({ browser, page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const reason = "The email domain is not accepted by this employer.";
  await emulatorControl("/faults", "POST", { target: "create", kind: "422", count: 2, errors: { email: [reason] } });
  const who = [person("422-retry"), person("422-discard")];
  for (const applicant of who) {
    const form = await browser.newPage();
    const openedAt = await openForm(form, job.unique_slug);
    await fillApplication(form, job, applicant);
    await form.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    await form.getByRole("button", { name: "Submit application" }).click();
    await expect(form.locator('[id="apply-email-error"]')).toHaveText(new RegExp(reason));
    await form.close();
  }

  await logIn(page);
  await page.goto("/admin/applications");
  const failed = page.getByTestId("failed-application");
  const mine = (email: string) => failed.filter({ hasText: email });
  for (const applicant of who) await expect(mine(applicant.email).getByTestId("failure-reason")).toContainText(reason);
  await expectNoAxeViolations(page);

  // Retry now: Occupop accepts it this time.
  await mine(who[0]!.email).getByRole("button", { name: "Retry now" }).click();
  // It leaves the failed list (queued, then delivered by the worker).
  await expect(mine(who[0]!.email)).toHaveCount(0);
  await expectOneCandidate(who[0]!.email);

  // Discard asks for a confirmation first, then deletes it.
  const discard = mine(who[1]!.email);
  await discard.getByRole("button", { name: "Discard" }).click();
  await expect(discard.getByText("Tick the box to confirm the application should be deleted.")).toBeVisible();
  await discard.getByLabel(/delete this application and its resume/).check();
  await discard.getByRole("button", { name: "Discard" }).click();
  await expect(mine(who[1]!.email)).toHaveCount(0);
  await page.reload();
  await expect(mine(who[1]!.email)).toHaveCount(0);
  await expect(page.getByText(who[0]!.email)).toHaveCount(0);
  expect(await candidatesFor(who[1]!.email)).toHaveLength(0);
});

test("a waiting resume is kept in the database, not on the server's disk, and is gone once delivered", async ({ browser }) => {
  const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job);
  await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 1000 });
  const sent = await apply(browser, job, "bytes-gone");
  expect(await storedChunks([sent.email])).toBeGreaterThan(0);
  expect(existsSync(join(target().dataDir, "outbox"))).toBe(false);
  await emulatorControl("/faults", "DELETE");
  await expectDeliveredOnce([sent]);
  await expect.poll(() => storedChunks([sent.email]), { timeout: 5_000 }).toBe(0);
});
