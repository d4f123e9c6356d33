// After applying, end to end: the thank-you page and the confirmation email (in the form's
// language, through the emulator's real SMTP server) carry the private status link; the status
// page follows the application into Occupop and, through Occupop's webhooks, shows the
// candidate's latest status in the words HR wrote for it; withdrawing before delivery sends
// nothing, after delivery tells HR; export and erase work without JavaScript; the alert link
// reaches everything under its address; a guessed link shows nothing about anyone; every page
// whose link is a credential is never indexed and never passes its address on to another site as a Referer.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ROUTES } from "../../lib/routes";
import { logIn } from "./admin-support";
import { candidatesFor, expectOneCandidate, fillApplication, jobWhere, openForm, pdf, person, submit, testFile } from "./apply-support";
import { mailWith, pathIn } from "./mail";
import { emulatorControl, freePort, resetWorld, siteQuery, startSiteServer } from "./support";


const statusPath = (text: string) => {
  const match = /https?:\/\/\S+?(\/(?:[a-z]{2}\/)?status\?token=[A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error(`no status link in: ${text}`);
  return match[1]!;
};

const simpleJob = () => jobWhere((j) => !j.questions_form.length && !j.require_opt_in_for_job && !j.require_opt_in_for_database);

/** Applies with JavaScript on `base` (the test site unless given) and returns the thank-you page's status link. */
async function applyAndFollow(page: Page, who: ReturnType<typeof person>, base = ""): Promise<string> {
  const job = await simpleJob();
  const opened = await openForm(page, job.unique_slug, { base });
  await fillApplication(page, job, who, testFile(`status-${who.lastName}.pdf`, pdf(who.lastName)).path);
  await submit(page, opened);
  await expect(page).toHaveURL(/\/applied/, { timeout: 30_000 });
  const link = page.getByTestId("status-link");
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/status\?token=[A-Za-z0-9_-]{43}$/);
  // The link is not in the thank-you page's own address.
  expect(page.url()).not.toContain("token");
  return href!;
}

test.afterAll(async () => {
  await emulatorControl("/faults", "DELETE");
  await emulatorControl("/webhooks", "DELETE");
  await resetWorld(); // the candidates made here
});


test("the thank-you page and a German confirmation email carry the private link; the page is private and shows the way", async ({ page, request }) => {
  const job = await simpleJob();
  const email = `status-de-${randomBytes(4).toString("hex")}@example.com`;
  await page.goto(`/de/jobs/${job.unique_slug}#apply`);
  const send = page.getByRole("button", { name: "Bewerbung absenden" });
  await expect(send).toBeVisible({ timeout: 15_000 });
  const opened = Date.now();
  await page.locator('[name="firstName"]').fill("Greta");
  await page.locator('[name="lastName"]').fill("Schmidt");
  await page.locator("#apply-email").fill(email);
  await page.locator('[name="country"]').selectOption("DE");
  if (job.require_cv) await page.locator('[name="resume"]').setInputFiles(testFile("greta.pdf", pdf("greta")).path);
  await page.waitForTimeout(Math.max(0, opened + 2_200 - Date.now()));
  await send.click();
  await expect(page).toHaveURL(/\/de\/jobs\/.+\/applied/, { timeout: 30_000 });
  const href = await page.getByTestId("status-link").getAttribute("href");
  expect(href).toMatch(/^\/de\/status\?token=/);
  await expect(page.getByTestId("status-link-box")).toContainText("Wir haben Ihnen den Link auch per E-Mail geschickt.");

  // The email: German, the same link, nothing the applicant typed.
  const mail = await mailWith(email, "Ihre Bewerbung:");
  expect(mail.subject.startsWith(`Ihre Bewerbung: ${job.title} bei `)).toBe(true);
  expect(statusPath(mail.text)).toBe(href);
  expect(mail.text).toContain("Der Link gilt 180 Tage.");
  for (const typed of ["Greta", "Schmidt"]) expect(mail.text + mail.html).not.toContain(typed);

  // The page: German, received then sent (the emulator answers at once), never indexed, no Referer to other sites.
  const response = await page.goto(href!);
  expect(response!.headers()["referrer-policy"]).toBe("same-origin");
  expect(response!.headers()["x-robots-tag"]).toContain("noindex");
  expect(response!.headers()["cache-control"]).toContain("no-store");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ihre Bewerbung als ${job.title}`);
  const stage = page.getByTestId("status-stage");
  await expect(stage).toHaveAttribute("data-stage", "sent");
  await expect(stage.locator('[data-step="received"]')).toContainText("Eingegangen");
  await expect(stage.locator('[data-step="sent"]')).toContainText("An das Team gesendet");
  await expect(stage.locator('[data-step="latest"]')).toContainText("Das Team hat Ihre Bewerbung.");
  await expect(page.getByTestId("status-retention")).toContainText("danach noch 30 Tage");

  // A guessed link, a malformed one, none: the same page, about no one.
  for (const guess of [`/status?token=${randomBytes(32).toString("base64url")}`, "/status?token=abc", "/status", `/de/status?token=${href!.split("=")[1]!.slice(0, 42)}x`]) {
    const answer = await request.get(guess);
    expect(answer.status(), guess).toBe(200);
    const html = await answer.text();
    expect(html, guess).toMatch(/Nothing to show|Nichts anzuzeigen/);
    expect(html, guess).not.toContain(job.title);
    expect(answer.headers()["referrer-policy"], guess).toBe("same-origin");
  }
});

test("every page whose link is a credential is never indexed and passes no Referer to other sites", async ({ request }) => {
  const job = await simpleJob();
  const privateRoutes = ROUTES.filter((r) => r.privateLink);
  expect(privateRoutes.length).toBeGreaterThanOrEqual(4);
  for (const route of privateRoutes) {
    const path = route.path.replace(":slug", job.unique_slug);
    for (const url of route.localized ? [path, `/fr${path}`] : [path]) {
      const answer = await request.get(url);
      expect(answer.headers()["referrer-policy"], url).toBe("same-origin");
      expect(answer.headers()["x-robots-tag"], url).toContain("noindex");
    }
  }
});

test("withdrawing before delivery sends nothing; export and erase work without JavaScript", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  const who = person(`cancel${randomBytes(3).toString("hex")}`);
  const job = await simpleJob();
  // Occupop is down: the application waits in the outbox.
  await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 100_000 });
  try {
    const opened = await openForm(page, job.unique_slug, { javaScript: false });
    await fillApplication(page, job, who, testFile("cancel.pdf", pdf("cancel")).path);
    await submit(page, opened);
    await expect(page).toHaveURL(/\/applied/, { timeout: 30_000 });
    const href = (await page.getByTestId("status-link").getAttribute("href"))!;
    await page.goto(href);
    await expect(page.getByTestId("status-stage")).toHaveAttribute("data-stage", "received");
    await expect(page.getByTestId("status-stage").locator('[data-step="sent"]')).toContainText("We are passing it on");

    // The resume the site still holds, and the data, as downloads.
    const [resume] = await Promise.all([page.waitForEvent("download"), page.getByTestId("status-resume").click()]);
    expect(resume.suggestedFilename()).toBe("cancel.pdf");
    const [data] = await Promise.all([page.waitForEvent("download"), page.getByTestId("status-export").click()]);
    const exported = JSON.parse((await new Response((await data.createReadStream()) as unknown as ReadableStream).text())) as {
      applications: Array<{ email: string; details: { city: string; coverLetter: string } }>;
    };
    expect(exported.applications[0]).toMatchObject({ email: who.email.toLowerCase(), details: { city: who.city, coverLetter: who.coverLetter } });

    await page.getByTestId("status-withdraw").click();
    await expect(page.getByTestId("status-stage")).toHaveAttribute("data-stage", "cancelled");
    await expect(page.getByTestId("status-stage")).toContainText("before it reached the hiring team");
    await expect(page.getByTestId("status-withdraw")).toHaveCount(0);
  } finally {
    await emulatorControl("/faults", "DELETE");
  }
  // Occupop is back and the worker keeps polling: nothing arrives.
  await page.waitForTimeout(2_000);
  expect(await candidatesFor(who.email)).toHaveLength(0);
  expect(await siteQuery(`select id from applications where payload like '%${who.lastName}%'`)).toHaveLength(0);

  await page.getByTestId("status-erase").click();
  await expect(page.getByTestId("status-erased")).toBeVisible();
  expect(page.url()).not.toContain("token");
  expect(await siteQuery(`select id from application_receipts where email = '${who.email.toLowerCase()}'`)).toHaveLength(0);
  const log = JSON.stringify(await siteQuery("select * from erasures"));
  expect(log).not.toContain(who.lastName);
  expect(log).not.toContain(who.email.toLowerCase());
  await context.close();
});

test("from the alert link, a subscriber downloads and erases everything under their address", async ({ page }) => {
  const who = person(`alerts${randomBytes(3).toString("hex")}`);
  const href = await applyAndFollow(page, who);
  await expectOneCandidate(who.email);
  // A job alert for the same address, confirmed by email.
  await page.goto("/alerts/new");
  await page.getByLabel("Email for job alerts").fill(who.email);
  await page.getByRole("button", { name: "Email me new jobs" }).click();
  const confirm = await mailWith(who.email, "Confirm");
  await page.goto(pathIn(confirm.text, /https?:\/\/\S+\/alerts\/confirm\?token=\S+/));
  await page.getByRole("button", { name: "Yes, send me job alerts" }).click();
  await expect(page.getByTestId("alert-confirmed")).toBeVisible();

  await expect(page.getByTestId("alert-retention")).toContainText("an unconfirmed one 7 days");
  await expect(page.getByTestId("alert-retention")).toContainText("until 30 days after it reaches the hiring team");
  const [data] = await Promise.all([page.waitForEvent("download"), page.getByTestId("alert-data-export").click()]);
  const exported = JSON.parse((await new Response((await data.createReadStream()) as unknown as ReadableStream).text())) as {
    jobAlerts: unknown[];
    applications: Array<{ sentToHiringTeamAt: string | null }>;
  };
  expect(exported.jobAlerts).toHaveLength(1);
  expect(exported.applications).toHaveLength(1);
  expect(exported.applications[0]!.sentToHiringTeamAt).not.toBeNull();

  await page.getByTestId("alert-data-erase").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data is erased");
  await page.goto(href);
  await expect(page.getByTestId("status-gone")).toBeVisible();
  expect(await siteQuery(`select id from alert_subscriptions where email = '${who.email.toLowerCase()}'`)).toHaveLength(0);
});

test("Occupop's webhooks move the status page on, in HR's words; withdrawing after delivery tells HR", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const secret = "e2e-status-webhook-secret-93b1";
  const admin = { email: "statuses@kestrel.example", password: "e2e-statuses-password-1d" };
  const server = await startSiteServer(await freePort(), { OCCUPOP_WEBHOOK_SECRET: secret, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
  try {
    expect((await emulatorControl("/webhooks", "POST", { url: `${server.url}/api/occupop/webhook`, secret, via: "query" })).status).toBe(200);
    const who = person(`hooked${randomBytes(3).toString("hex")}`);
    const href = await applyAndFollow(page, who, server.url);
    const candidate = await expectOneCandidate(who.email);
    const uuid = String(candidate.candidate.uuid);
    // The created event arrives; Occupop's own status name stays hidden until HR writes words.
    await expect.poll(async () => (await siteQuery<{ step: string }>(`select step from candidate_statuses where candidate_uuid = '${uuid}'`, server.storage))[0]?.step ?? null, { timeout: 15_000 }).toBe("Applied");
    await page.goto(`${server.url}${href}`);
    await expect(page.getByTestId("status-stage").locator('[data-step="latest"]')).toContainText("The hiring team has your application.");
    await expect(page.getByTestId("status-stage")).not.toContainText("Applied");

    // HR writes words for the "Interview" step, in English and Spanish.
    const hr = await browser.newContext({ baseURL: server.url });
    const hrPage = await hr.newPage();
    await logIn(hrPage, admin.email, admin.password);
    expect((await emulatorControl(`/candidates/${uuid}/status`, "POST", { step: "Interview" })).status).toBe(200);
    await expect.poll(async () => (await siteQuery<{ step: string }>(`select step from candidate_statuses where candidate_uuid = '${uuid}'`, server.storage))[0]?.step ?? null, { timeout: 15_000 }).toBe("Interview");
    await hrPage.goto("/admin/statuses");
    await hrPage.getByLabel("Interview, English").fill("You are invited to interview");
    await hrPage.getByRole("button", { name: "Save the words" }).click();
    await expect(hrPage.getByText("Saved. Candidates see these words")).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("status-stage").locator('[data-step="latest"]')).toContainText("You are invited to interview");
    await expect(page.getByTestId("status-stage")).not.toContainText("Interview (");

    // Withdrawn after delivery: the page says so, HR's list shows it, and HR is emailed.
    await page.getByTestId("status-withdraw").click();
    await expect(page.getByTestId("status-stage")).toHaveAttribute("data-stage", "withdrawn");
    await expect(page.getByTestId("status-stage")).toContainText("The hiring team has been told.");
    await hrPage.goto("/admin/applications");
    await expect(hrPage.getByTestId("withdrawn-application")).toContainText(who.email.toLowerCase());
    await expect(hrPage.getByTestId("withdrawn-application")).toContainText(uuid);
    const notice = await mailWith(admin.email, "Withdrawn:");
    expect(notice.subject).toBe(`Withdrawn: ${who.firstName} ${who.lastName} for ${(await simpleJob()).title}`);
    await hr.close();
  } finally {
    await emulatorControl("/webhooks", "DELETE");
    await server.stop();
  }
});
