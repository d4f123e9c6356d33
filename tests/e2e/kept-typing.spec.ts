// Nothing typed is lost: the application form keeps what is typed in this browser, per job,
// across a reload (and so a crash or a dropped connection), until it is sent or the applicant
// clears it. The resume is chosen again (browsers cannot keep a file); consents are given again.
import { expect, test, type Page } from "@playwright/test";
import { answerQuestions, answersFor, expectOneCandidate, giveConsents, jobWhere, openForm, pdf, person, submit, testFile } from "./apply-support";
import type { WireJob } from "./support";

const KEY = (job: WireJob) => `careers.typed.${job.uuid}`;
const stored = (page: Page, job: WireJob) => page.evaluate((key) => window.localStorage.getItem(key), KEY(job));

/** A job whose form has questions of each kind and a consent to give. */
const richJob = () =>
  jobWhere(
    (j) =>
      j.require_cv &&
      (j.require_opt_in_for_job || j.require_opt_in_for_database) &&
      j.questions_form.some((q) => q.options.length > 0) &&
      j.questions_form.some((q) => !q.options.length),
  );

async function typeSome(page: Page, job: WireJob, who: ReturnType<typeof person>) {
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Email (required)").fill(who.email);
  await page.getByLabel("Country").selectOption("PT");
  await page.getByLabel("Cover letter").fill(who.coverLetter);
  await answerQuestions(page, job);
  await giveConsents(page, job);
}

test("what was typed survives a reload; the resume and consents are given again; once sent, nothing is kept", async ({ page }) => {
  const job = await richJob();
  const who = person("kept");
  await openForm(page, job.unique_slug);
  await expect(page.locator("#apply-kept")).toHaveText(/kept on this device until you send it/);
  await typeSome(page, job, who);
  await expect.poll(() => stored(page, job)).toContain(who.email);
  const kept = JSON.parse((await stored(page, job))!) as { values: Record<string, string> };
  // Never the consents, never the file.
  expect(Object.keys(kept.values).sort()).toEqual(["country", "coverLetter", "email", "firstName", ...job.questions_form.map((_, i) => `answer_${i}`)].sort());

  await page.reload();
  const openedAt = await openForm(page, job.unique_slug);
  await expect(page.locator("#apply-kept")).toHaveText(/We filled in what you typed here earlier on this device/);
  await expect(page.getByLabel("First name")).toHaveValue(who.firstName);
  await expect(page.getByLabel("Email (required)")).toHaveValue(who.email);
  await expect(page.getByLabel("Country")).toHaveValue("PT");
  await expect(page.getByLabel("Cover letter")).toHaveValue(who.coverLetter);
  const answers = answersFor(job);
  for (const [i, q] of job.questions_form.entries()) {
    if (q.options.length > 0 && q.options.length <= 6) await expect(page.getByRole("group", { name: q.text }).getByRole("radio", { name: answers[i]!, exact: true })).toBeChecked();
    else await expect(page.getByLabel(q.text)).toHaveValue(answers[i]!);
  }
  // The consents are given again, each time.
  for (const consent of await page.getByRole("checkbox").all()) await expect(consent).not.toBeChecked();

  // Finish and send: what arrives is what was typed before the reload.
  await page.getByLabel("Last name").fill(who.lastName);
  await page.getByLabel("Resume").setInputFiles(testFile("kept.pdf", pdf("kept")).path);
  await giveConsents(page, job);
  await submit(page, openedAt);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 20_000 });
  const candidate = await expectOneCandidate(who.email, 20_000);
  expect(candidate.candidate.first_name).toBe(who.firstName);
  expect(await stored(page, job)).toBeNull();

  // The form is empty again for the next visit.
  await openForm(page, job.unique_slug);
  await expect(page.locator("#apply-kept")).toHaveText(/kept on this device until you send it/);
  await expect(page.getByLabel("First name")).toHaveValue("");
});

test("Clear the form empties it and keeps nothing; a reload finds it empty", async ({ page }) => {
  const job = await richJob();
  const who = person("clear");
  await openForm(page, job.unique_slug);
  await typeSome(page, job, who);
  await expect.poll(() => stored(page, job)).toContain(who.email);
  await page.reload();
  await openForm(page, job.unique_slug);
  await expect(page.getByLabel("First name")).toHaveValue(who.firstName);
  await page.getByRole("button", { name: "Clear the form" }).click();
  await expect(page.locator("#apply-kept")).toHaveText(/The form is empty again/);
  await expect(page.getByLabel("First name")).toHaveValue("");
  await expect(page.getByLabel("First name")).toBeFocused();
  await expect(page.getByLabel("Cover letter")).toHaveValue("");
  await expect(page.getByLabel("Country")).not.toHaveValue("PT");
  expect(await stored(page, job)).toBeNull();
  await page.reload();
  await openForm(page, job.unique_slug);
  await expect(page.getByLabel("First name")).toHaveValue("");
  await expect(page.locator("#apply-kept")).toHaveText(/kept on this device until you send it/);
});

test("kept typing is per job, forgotten after 30 days, and a malformed entry is dropped", async ({ page }) => {
  const job = await richJob();
  const other = await jobWhere((j) => j.uuid !== job.uuid && !j.closed_for_applicants);
  await openForm(page, job.unique_slug);
  const day = 86_400_000;
  await page.evaluate(
    ([a, b, day]) => {
      window.localStorage.setItem(a, JSON.stringify({ savedAt: Date.now() - 31 * day, values: { firstName: "Stale" } }));
      window.localStorage.setItem(b, "{not json");
    },
    [KEY(job), KEY(other), day] as const,
  );
  await page.reload();
  await openForm(page, job.unique_slug);
  await expect(page.getByLabel("First name")).toHaveValue("");
  expect(await stored(page, job)).toBeNull();
  await openForm(page, other.unique_slug);
  await expect(page.getByLabel("First name")).toHaveValue("");
  expect(await stored(page, other)).toBeNull();

  // Typed for one job, it does not appear on another.
  await page.getByLabel("First name").fill("Only-for-this-one");
  await expect.poll(() => stored(page, other)).toContain("Only-for-this-one");
  await openForm(page, job.unique_slug);
  await expect(page.getByLabel("First name")).toHaveValue("");
});
