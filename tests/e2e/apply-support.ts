// Filling in and sending the application form, the way a person would.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { emulatorControl, openEmulatorJobs, type WireJob } from "./support";

const FILES = join(tmpdir(), "careers-e2e-files");
mkdirSync(FILES, { recursive: true });

export function testFile(name: string, bytes: Buffer): { path: string; sha256: string } {
  const path = join(FILES, name);
  writeFileSync(path, bytes);
  return { path, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export const pdf = (label = "resume") =>
  Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n`);

export type Person = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  linkedin: string;
  city: string;
  region: string;
  country: string;
  coverLetter: string;
};

export function person(tag: string): Person {
  return {
    firstName: "Grace",
    lastName: `Hopper-${tag}`,
    email: `grace.${tag}.${Date.now()}@example.com`,
    phone: "+353 1 555 0199",
    linkedin: "https://www.linkedin.com/in/grace-hopper",
    city: "Galway",
    region: "Connacht",
    country: "IE",
    coverLetter: "I have debugged a moth out of a relay.\nI would like to debug your warehouse too.",
  };
}

export async function jobWhere(predicate: (job: WireJob) => boolean): Promise<WireJob> {
  const job = (await openEmulatorJobs()).find(predicate);
  if (!job) throw new Error("no such job in the emulator");
  return job;
}

/**
 * Opens a job's application form the way a person would and returns when it was shown. With
 * JavaScript, the form in place on the job page (#apply loads it); without, the job page's
 * link to the form rendered on the server.
 */
export async function openForm(page: Page, slug: string, { query = "", javaScript = true, base = "" } = {}): Promise<number> {
  const submit = page.getByRole("button", { name: "Submit application" });
  if (javaScript) {
    await page.goto(`${base}/jobs/${slug}${query}#apply`);
  } else {
    await page.goto(`${base}/jobs/${slug}${query}`);
    await page.getByRole("link", { name: "Start your application" }).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${slug}/apply$`));
  }
  // The form's code and token load when it is opened: give a loaded machine time.
  await expect(submit).toBeVisible({ timeout: 15_000 });
  return Date.now();
}

/** Types every field a person would. */
export async function fillApplication(page: Page, job: WireJob, who: Person, resume?: string): Promise<void> {
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Last name").fill(who.lastName);
  await page.getByLabel("Email (required)").fill(who.email);
  await page.getByLabel("Phone").fill(who.phone);
  await page.getByLabel("LinkedIn profile").fill(who.linkedin);
  await page.getByLabel("City").fill(who.city);
  await page.getByLabel("State or region").fill(who.region);
  await page.getByLabel("Country").selectOption(who.country);
  await page.getByLabel("Cover letter").fill(who.coverLetter);
  if (resume) await page.getByLabel("Resume").setInputFiles(resume);
  await answerQuestions(page, job);
  await giveConsents(page, job);
}

export function answersFor(job: WireJob): string[] {
  return job.questions_form.map((q) => (q.options.length ? q.options[q.options.length - 1]! : "https://example.com/my-project"));
}

export async function answerQuestions(page: Page, job: WireJob): Promise<void> {
  const answers = answersFor(job);
  for (const [i, q] of job.questions_form.entries()) {
    const answer = answers[i]!;
    if (!q.options.length) await page.getByLabel(q.text).fill(answer);
    else if (q.options.length > 6) await page.getByLabel(q.text).selectOption(answer);
    else await page.getByRole("group", { name: q.text }).getByRole("radio", { name: answer, exact: true }).check();
  }
}

export async function giveConsents(page: Page, job: WireJob): Promise<void> {
  if (job.require_opt_in_for_job) await page.getByLabel(/consider me for this job/).check();
  if (job.require_opt_in_for_database) await page.getByLabel(/future jobs/).check();
}

/** Presses Submit once the form has been open long enough to pass the minimum fill time. */
export async function submit(page: Page, openedAt: number): Promise<void> {
  const wait = openedAt + 2_200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole("button", { name: "Submit application" }).click();
}

export type StoredCandidate = {
  candidate: Record<string, unknown> & { file: { name: string; url: string } | null; questions_form: unknown[] };
  payload: Record<string, unknown>;
  upload: { sha256: string; contentType: string | null } | null;
};

export async function candidatesFor(email: string): Promise<StoredCandidate[]> {
  const res = await emulatorControl(`/candidates?email=${encodeURIComponent(email)}`);
  return ((await res.json()) as { data: StoredCandidate[] }).data;
}

export async function expectOneCandidate(email: string, timeoutMs = 15_000): Promise<StoredCandidate> {
  await expect.poll(async () => (await candidatesFor(email)).length, { timeout: timeoutMs }).toBe(1);
  // And it stays one: nothing delivers it a second time.
  await new Promise((r) => setTimeout(r, 600));
  const list = await candidatesFor(email);
  expect(list).toHaveLength(1);
  return list[0]!;
}
