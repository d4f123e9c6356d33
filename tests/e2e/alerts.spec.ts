// Job alerts end to end, through the emulator's real SMTP server: sign up with and without
// JavaScript, confirm, new jobs in the emulator reaching matching subscribers only and never
// twice, one-click unsubscribe by POST, an SMTP outage and a refused address, bad input, what
// a subscriber can see and delete, and HR's page and switch.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./admin-support";
import { hiddenFields, postForm } from "./http-forms";
import { E2E } from "../../playwright.config";
import { mailTo, type Mail } from "./mail";
import { EMULATOR, emulatorControl, expectNoAxeViolations, openEmulatorJobs, resetWorld, revalidate, site, siteQuery, startSiteServer } from "./support";

const LOGISTICS = "Logistics & Warehousing";

const address = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.com`;

async function expectMail(to: string, count: number, timeout = 15_000): Promise<Mail[]> {
  await expect.poll(async () => (await mailTo(to)).length, { timeout }).toBe(count);
  return mailTo(to);
}

/** The link in an email that starts with `prefix` (a site path). */
function linkIn(mail: Mail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[?/]/g, "\\$&")}[^\\s]*`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

async function signUp(page: Page, path: string, email: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Email for job alerts").fill(email);
  await page.getByRole("button", { name: "Email me new jobs" }).click();
}

async function confirm(page: Page, email: string): Promise<void> {
  const [mail] = await expectMail(email, 1);
  await page.goto(linkIn(mail!, "/alerts/confirm?token="));
  await page.getByRole("button", { name: "Yes, send me job alerts" }).click();
  await expect(page.getByTestId("alert-confirmed")).toBeVisible();
}

async function newJob(title: string, department: string): Promise<void> {
  const res = await emulatorControl("/jobs", "POST", { title, sectors: [{ name: department }] });
  expect(res.status).toBe(201);
}

/** Waits for a few of the site's alert passes (ALERTS_POLL_MS is 300 ms in the tests). */
const afterAlertPasses = (page: Page) => page.waitForTimeout(1500);

test.afterAll(async () => {
  await emulatorControl("/mail/faults", "POST", { down: false, tempfail: false, reject: [] });
  await resetWorld(); // the jobs these tests added
});

test("sign up with JavaScript, confirm, and hear about new matching jobs only, never the same one twice", async ({ page, browser }) => {
  const wanted = address("logistics");
  const unrelated = address("finance");

  await signUp(page, `/?department=${encodeURIComponent(LOGISTICS)}`, wanted);
  await expect(page.getByTestId("alert-sent")).toContainText(`Check your inbox at ${wanted}`);
  await expect(page).toHaveURL(/\/\?department=/); // answered in place
  const other = await browser.newPage();
  await signUp(other, "/?department=Finance", unrelated);
  await expect(other.getByTestId("alert-sent")).toBeVisible();

  const [confirmation] = await expectMail(wanted, 1);
  expect(confirmation!.subject).toMatch(/^Confirm your job alert from /);
  expect(confirmation!.html).toContain("Yes, send me job alerts");
  // The address is not confirmed yet: the email carries nothing the requester typed (the filters).
  expect(confirmation!.text).not.toContain(LOGISTICS);
  expect(confirmation!.html).not.toContain(LOGISTICS);

  // Before it is confirmed, a new matching job sends nothing.
  await newJob(`Yard Marshal ${randomBytes(3).toString("hex")}`, LOGISTICS);
  await revalidate();
  await afterAlertPasses(page);
  expect(await mailTo(wanted)).toHaveLength(1);

  await confirm(page, wanted);
  await expect(page.getByTestId("alert-kept")).toContainText(wanted);
  await expect(page.getByTestId("alert-kept")).toContainText(`new jobs in ${LOGISTICS}`);
  await expectNoAxeViolations(page);
  await confirm(other, unrelated);

  const matching = `Forklift Driver ${randomBytes(3).toString("hex")}`;
  const elsewhere = `Brand Designer ${randomBytes(3).toString("hex")}`;
  await newJob(matching, LOGISTICS);
  await newJob(elsewhere, "Marketing");
  await revalidate();
  const [, digest] = await expectMail(wanted, 2);
  expect(digest!.subject).toBe(`New job at Kestrel Outdoor: ${matching}`);
  expect(digest!.text).toContain(matching);
  expect(digest!.text).not.toContain(elsewhere);
  expect(digest!.text).toMatch(/\/jobs\/[a-z0-9-]+\?utm_source=job-alert/);
  expect(digest!.html).toContain(matching);
  expect(digest!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  // The emulator's mailbox page shows it, as a demo would.
  const mailbox = await browser.newPage();
  await mailbox.goto(`${EMULATOR}/_emulator/mailbox`);
  await expect(mailbox.getByRole("heading", { name: digest!.subject })).toHaveCount(1);
  await mailbox.close();

  // The job list refreshes again: nothing new, so nothing more; the unrelated subscriber got nothing.
  await revalidate();
  await afterAlertPasses(page);
  expect(await mailTo(wanted)).toHaveLength(2);
  expect(await mailTo(unrelated)).toHaveLength(1);

  // A second new job is a second email, with that job alone.
  const second = `Picker Packer ${randomBytes(3).toString("hex")}`;
  await newJob(second, LOGISTICS);
  await revalidate();
  const [, , next] = await expectMail(wanted, 3);
  expect(next!.text).toContain(second);
  expect(next!.text).not.toContain(matching);

  // The subscriber changes the alert, then deletes it from the link in the email.
  await page.goto(linkIn(next!, "/alerts/manage?token="));
  await page.getByLabel("Keywords").fill("forklift");
  await page.getByRole("button", { name: "Save my alert" }).click();
  await expect(page.getByText("Saved. Your alert now looks for these jobs.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("alert-kept")).toContainText("matching “forklift”");
  await page.getByRole("button", { name: "Unsubscribe and delete my data" }).click();
  await expect(page.getByTestId("alert-deleted")).toBeVisible();
  expect(await siteQuery(`select id from alert_subscriptions where email = '${wanted}'`)).toEqual([]);
  expect(await siteQuery(`select id from mail_outbox where to_address = '${wanted}'`)).toEqual([]);
  await other.close();
});

test("sign up and unsubscribe without JavaScript, from a job page; a refused address keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = address("nojs");
  const [job] = await openEmulatorJobs();
  const jobPath = `/jobs/${job!.unique_slug}`;

  await signUp(page, jobPath, "ada@localhost");
  await expect(page).toHaveURL(/\/alerts\/new$/);
  await expect(page.getByTestId("alert-form").getByRole("alert")).toHaveText("Enter an email address like name@example.com.");
  await expect(page.getByLabel("Email for job alerts")).toHaveValue("ada@localhost");
  await page.getByLabel("Email for job alerts").fill(email);
  await page.getByRole("button", { name: "Email me new jobs" }).click();
  await expect(page.getByTestId("alert-sent")).toContainText(`Check your inbox at ${email}`);

  await confirm(page, email);
  await expect(page.getByTestId("alert-kept")).toContainText(email);
  await page.getByRole("button", { name: "Unsubscribe and delete my data" }).click();
  await expect(page.getByTestId("alert-deleted")).toBeVisible();
  expect(await siteQuery(`select id from alert_subscriptions where email = '${email}'`)).toEqual([]);
  await context.close();
});

test("one-click unsubscribe is a POST to the List-Unsubscribe address, and ends the mail", async ({ page, request }) => {
  const email = address("oneclick");
  await signUp(page, "/", email);
  await confirm(page, email);
  // Signing up again for the same alert sends a note with the unsubscribe headers.
  await signUp(page, "/", email);
  const [, note] = await expectMail(email, 2);
  expect(note!.subject).toMatch(/^You already have this job alert/);
  const target = /^<(.+)>$/.exec(note!.headers["list-unsubscribe"] ?? "")?.[1];
  expect(target).toMatch(/\/api\/alerts\/unsubscribe\?token=/);

  // Opening the address (a link scanner) changes nothing; the POST does.
  expect((await request.get(new URL(target!).pathname + new URL(target!).search)).status()).toBe(405);
  expect(await siteQuery(`select id from alert_subscriptions where email = '${email}'`)).toHaveLength(1);
  const res = await request.post(new URL(target!).pathname + new URL(target!).search, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(res.status()).toBe(200);
  expect(await siteQuery(`select id from alert_subscriptions where email = '${email}'`)).toEqual([]);
  await newJob(`Night Porter ${randomBytes(3).toString("hex")}`, "Hospitality");
  await revalidate();
  await afterAlertPasses(page);
  expect(await mailTo(email)).toHaveLength(2);
});

test("with the SMTP server down the confirmation waits, and goes out once it is back; a refused address is recorded and not mailed again", async ({ page }) => {
  const email = address("outage");
  await emulatorControl("/mail/faults", "POST", { down: true });
  await signUp(page, "/", email);
  await expect(page.getByTestId("alert-sent")).toBeVisible();
  await page.waitForTimeout(1200);
  expect(await mailTo(email)).toHaveLength(0);
  expect(await siteQuery(`select status from mail_outbox where to_address = '${email}'`)).toEqual([{ status: "pending" }]);
  await emulatorControl("/mail/faults", "POST", { down: false });
  await expectMail(email, 1);

  const refused = address("refused");
  await emulatorControl("/mail/faults", "POST", { reject: [refused] });
  await signUp(page, "/", refused);
  await expect.poll(async () => siteQuery(`select email from mail_suppressions where email = '${refused}'`)).toHaveLength(1);
  await logIn(page);
  await page.goto("/admin/alerts");
  await expect(page.getByTestId("mail-failures")).toContainText(refused);
  await expect(page.getByTestId("mail-failures")).toContainText("550");
  await expectNoAxeViolations(page);

  await signUp(page, "/", refused);
  await expect(page.getByTestId("alert-form").getByRole("alert")).toContainText("refused our email before");
  await expect(page.getByLabel("Email for job alerts")).toHaveValue(refused);
  expect(await mailTo(refused)).toHaveLength(0);
});

test("bad input gets a clear message, and nothing is stored or sent", async () => {
  const before = await siteQuery<{ n: number | string }>("select count(*) as n from alert_subscriptions");
  const url = `${site()}/alerts/new`;
  const hidden = await hiddenFields(url, "", "email");
  const attempts: Array<[Record<string, string>, string]> = [
    [{ email: "not an address" }, "An email address has no spaces or line breaks."],
    [{ email: "victim@example.com\r\nBcc: everyone@example.com" }, "An email address has no spaces or line breaks."],
    [{ email: "ok@example.com", department: "Logistics\r\nBcc: everyone@example.com" }, "The department must be one line of plain text."],
    [{ email: "ok@example.com", q: "x".repeat(100_000) }, "The keywords can be 100 characters at most."],
    [{ email: `${"a".repeat(300)}@example.com` }, "That email address is too long (254 characters at most)."],
    [{ email: "ok@example.com", workplace: "moon" }, "Choose on-site, hybrid or remote."],
  ];
  for (const [fields, message] of attempts) {
    const reply = await postForm(url, fields, "", hidden);
    expect(reply.status).toBe(200);
    expect(reply.html).toContain(message.replace(/&/g, "&amp;"));
  }
  expect(await siteQuery("select count(*) as n from alert_subscriptions")).toEqual(before);
  expect(await mailTo("everyone@example.com")).toEqual([]);
  expect(await mailTo("ok@example.com")).toEqual([]);
});

test("HR sees subscribers and mail, and can switch alerts off and on", async ({ page }) => {
  await logIn(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Job alerts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Job alerts");
  await expect(page.getByTestId("alerts-sent")).not.toHaveText("");
  await page.getByRole("button", { name: "Turn job alerts off" }).click();
  await expect(page.getByTestId("alerts-state")).toContainText("The sign-up form is hidden");
  await page.goto("/");
  await expect(page.getByTestId("alert-form")).toHaveCount(0);
  await page.goto("/alerts/new");
  await expect(page.getByTestId("alerts-off")).toBeVisible();

  await page.goto("/admin/alerts");
  await page.getByRole("button", { name: "Turn job alerts on" }).click();
  await expect(page.getByTestId("alerts-state")).toContainText("The sign-up form shows");
  await page.goto("/");
  await expect(page.getByTestId("alert-form")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("without SMTP_URL, job alerts are visibly off, not broken", async ({ page }) => {
  const server = await startSiteServer(E2E.appPort + 95, { SMTP_URL: "", MAIL_FROM: "", ADMIN_EMAIL: E2E.adminEmail, ADMIN_PASSWORD: E2E.adminPassword });
  try {
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId("job-list")).toBeVisible();
    await expect(page.getByTestId("alert-form")).toHaveCount(0);
    await page.goto(`${server.url}/alerts/new`);
    await expect(page.getByTestId("alerts-off")).toBeVisible();
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel("Email").fill(E2E.adminEmail);
    await page.getByLabel("Password").fill(E2E.adminPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`${server.url}/admin/alerts`);
    await expect(page.getByTestId("alerts-unconfigured")).toContainText("SMTP_URL");
  } finally {
    await server.stop();
  }
});
