// "Finish later": the form's second button keeps the application on the server and emails a
// private link (through the emulator's real SMTP server) that opens the form filled in again,
// on another device, with or without JavaScript; sending it ends the link. The email carries
// nothing the requester typed; a guessed link shows nothing about anyone.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { answerQuestions, expectOneCandidate, giveConsents, jobWhere, openForm, pdf, person, submit, testFile } from "./apply-support";
import { mailTo, type Mail } from "./mail";
import { site } from "./support";


async function theLink(to: string): Promise<{ mail: Mail; path: string }> {
  await expect.poll(async () => (await mailTo(to)).length, { timeout: 15_000 }).toBe(1);
  const [mail] = await mailTo(to);
  const url = /https?:\/\/\S+\/apply\?draft=[A-Za-z0-9_-]{43}/.exec(mail!.text)?.[0];
  if (!url) throw new Error(`no draft link in: ${mail!.text}`);
  return { mail: mail!, path: new URL(url).pathname + new URL(url).search };
}

const questionJob = () => jobWhere((j) => j.require_cv && j.require_opt_in_for_job && j.questions_form.length > 0);

test("saved to finish later: the emailed link opens the form filled in on another device, and sending it ends the link", async ({ page, browser }) => {
  const job = await questionJob();
  const who = { ...person("later"), email: `later-${randomBytes(4).toString("hex")}@example.com` };
  await openForm(page, job.unique_slug);
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Cover letter").fill(who.coverLetter);
  await answerQuestions(page, job);

  // The email alone is needed, and said so next to it; nothing typed is lost.
  await page.getByRole("button", { name: "Finish later" }).click();
  await expect(page.locator('[id="apply-email-error"]')).toHaveText(/Enter your email address/);
  await expect(page.getByLabel("First name")).toHaveValue(who.firstName);
  await page.getByLabel("Email (required)").fill(who.email);
  await page.getByRole("button", { name: "Finish later" }).click();
  const summary = page.getByTestId("apply-summary");
  await expect(summary).toContainText("Saved to finish later");
  await expect(summary).toContainText(`We sent a link to ${who.email}`);
  await expect(page.getByLabel("Cover letter")).toHaveValue(who.coverLetter);

  const { mail, path } = await theLink(who.email);
  expect(mail.subject.startsWith(`Finish your application: ${job.title} at `)).toBe(true);
  // Nothing the requester typed (anyone may type any address).
  for (const typed of [who.firstName, "moth"]) {
    expect(mail.text).not.toContain(typed);
    expect(mail.html).not.toContain(typed);
  }

  // Another device: a fresh browser, nothing kept in it.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.goto(`${site()}${path}`);
  await expect(phone.getByText("Here is the application you saved")).toBeVisible();
  await expect(phone.getByLabel("First name")).toHaveValue(who.firstName);
  await expect(phone.getByLabel("Email (required)")).toHaveValue(who.email);
  await expect(phone.getByLabel("Cover letter")).toHaveValue(who.coverLetter);
  await expect(phone.getByLabel(/consider me for this job/)).not.toBeChecked();
  const openedAt = Date.now();
  await phone.getByLabel("Last name").fill(who.lastName);
  await phone.getByLabel("Resume").setInputFiles(testFile("later.pdf", pdf("later")).path);
  await giveConsents(phone, job);
  await submit(phone, openedAt);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 20_000 });
  const candidate = await expectOneCandidate(who.email, 20_000);
  expect(candidate.candidate.first_name).toBe(who.firstName);
  expect(candidate.candidate.last_name).toBe(who.lastName);

  // Sent: the link shows nothing any more.
  await phone.goto(`${site()}${path}`);
  await expect(phone.getByText("This link has expired or was already used")).toBeVisible();
  await expect(phone.getByLabel("First name")).toHaveValue("");
  await other.close();
});

test("without JavaScript too: Finish later saves and emails the link, which opens the form filled in", async ({ browser }) => {
  const job = await questionJob();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = `later-nojs-${randomBytes(4).toString("hex")}@example.com`;
  await openForm(page, job.unique_slug, { javaScript: false });
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Email (required)").fill(email);
  await page.getByRole("button", { name: "Finish later" }).click();
  await expect(page.getByTestId("apply-summary")).toContainText("Saved to finish later");
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  const { path } = await theLink(email);
  await page.goto(`${site()}${path}`);
  await expect(page.getByText("Here is the application you saved")).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  await expect(page.getByLabel("Email (required)")).toHaveValue(email);
  await context.close();
});

test("a guessed or malformed link shows nothing about anyone, and the form works as usual", async ({ page }) => {
  const job = await questionJob();
  for (const token of [randomBytes(32).toString("base64url"), "short", "'><script>alert(1)</script>"]) {
    await page.goto(`${site()}/jobs/${job.unique_slug}/apply?draft=${encodeURIComponent(token)}`);
    await expect(page.getByText("This link has expired or was already used")).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue("");
    await expect(page.getByLabel("Email (required)")).toHaveValue("");
    expect(await page.locator('input[name="draft"]').count()).toBe(0);
  }
});
