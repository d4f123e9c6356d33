import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { E2E } from "../../playwright.config";
import {
  answersFor,
  candidatesFor,
  expectOneCandidate,
  fillApplication,
  jobWhere,
  openForm,
  pdf,
  person,
  submit,
  testFile,
} from "./apply-support";
import { logIn } from "./admin-support";
import { emulatorControl, expectNoAxeViolations, resetWorld, revalidate, site, siteQuery, startSiteServer } from "./support";

test.afterEach(async () => {
  await emulatorControl("/faults", "DELETE");
});

const withQuestionsAndConsents = (j: { questions_form: unknown[]; require_opt_in_for_job: boolean; require_opt_in_for_database: boolean; require_cv: boolean }) =>
  j.questions_form.length >= 2 && j.require_opt_in_for_job && j.require_opt_in_for_database && j.require_cv;


test("happy path: HR receives every field as typed, the answers, the source and the exact resume", async ({ page }) => {
  const job = await jobWhere(withQuestionsAndConsents);
  const who = person("happy");
  const resume = testFile("grace-hopper-cv.pdf", pdf("happy"));
  const openedAt = await openForm(page, job.unique_slug, { query: "?utm_source=newsletter" });
  await fillApplication(page, job, who, resume.path);
  await submit(page, openedAt);

  await expect(page).toHaveURL(new RegExp(`/jobs/${job.unique_slug}/applied$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application");
  expect(page.url()).not.toContain(encodeURIComponent(who.email));
  expect(page.url()).not.toContain("Grace");

  const stored = await expectOneCandidate(who.email);
  expect(stored.payload).toMatchObject({
    email: who.email,
    first_name: who.firstName,
    last_name: who.lastName,
    landline: who.phone,
    linkedin: who.linkedin,
    profile: who.coverLetter,
    location_city: who.city,
    location_state: who.region,
    location_country: who.country,
    source: "Kestrel Outdoor careers site (utm_source: newsletter)",
    file_name: "grace-hopper-cv.pdf",
    opt_in_for_job: true,
    opt_in_for_database: true,
  });
  const answers = answersFor(job);
  expect(stored.payload.questions_form).toEqual(
    job.questions_form.map((q, i) => ({ type: q.type, text: q.text, options: q.options, answer: answers[i] })),
  );
  expect(stored.candidate.file?.name).toBe("grace-hopper-cv.pdf");
  expect(stored.upload?.sha256).toBe(resume.sha256);
  expect(stored.upload?.contentType).toBe("application/pdf");
  // The upload to storage carried no credential.
  const defects = (await (await emulatorControl("/defects")).json()) as { data: unknown[] };
  expect(defects.data).toEqual([]);
});

test("a job that does not require a CV can be applied to without a file", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const who = person("nocv");
  const openedAt = await openForm(page, job.unique_slug);
  await expect(page.getByText("Resume (optional)")).toBeVisible();
  await fillApplication(page, job, who);
  await submit(page, openedAt);
  await expect(page).toHaveURL(/\/applied$/);
  const stored = await expectOneCandidate(who.email);
  expect(stored.candidate.file).toBeNull();
  expect(stored.payload.file_url).toBe("");
});

test("questions and consents block sending until answered, with a focused summary; then it is accepted", async ({ page }) => {
  const job = await jobWhere(withQuestionsAndConsents);
  const who = person("consents");
  const openedAt = await openForm(page, job.unique_slug);
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Last name").fill(who.lastName);
  await page.getByLabel("Email (required)").fill(who.email);
  await page.getByLabel("Resume").setInputFiles(testFile("consents.pdf", pdf()).path);
  await submit(page, openedAt);

  const summary = page.getByTestId("apply-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Your application was not sent yet");
  for (const q of job.questions_form) await expect(summary).toContainText(`${q.text}: Answer this question`);
  await expect(summary).toContainText("Tick this box so we can consider you for this job");
  await expect(summary).toContainText("Tick this box to let us keep your details for future jobs");
  const consent = page.getByLabel(/consider me for this job/);
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await consent.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/Tick this box so we can consider you/);
  expect(await candidatesFor(who.email)).toHaveLength(0);
  await expectNoAxeViolations(page);

  const { answerQuestions, giveConsents } = await import("./apply-support");
  await answerQuestions(page, job);
  await giveConsents(page, job);
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page).toHaveURL(/\/applied$/);
  await expectOneCandidate(who.email);
});

test.describe("every field's validation message", () => {
  test("in the browser, before anything is sent", async ({ page }) => {
    const job = await jobWhere((j) => j.require_cv && j.questions_form.length > 0);
    const openedAt = await openForm(page, job.unique_slug);
    // Server action calls only: the page's insight beacons (POST /api/insights) are not the form.
    let actionCalls = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actionCalls++;
    });
    await page.getByLabel("Email (required)").fill("not-an-email");
    await page.getByLabel("LinkedIn profile").fill("https://twitter.com/grace");
    await page.getByLabel("Phone").fill("call me maybe");
    await page.getByLabel("Resume").setInputFiles(testFile("notes.txt", Buffer.from("just text")).path);
    await submit(page, openedAt);
    const error = (label: string | RegExp) => page.locator(`[id="${"apply-"}${label}-error"]`);
    await expect(error("firstName")).toHaveText(/Enter your first name/);
    await expect(error("lastName")).toHaveText(/Enter your last name/);
    await expect(error("email")).toHaveText(/Enter an email address like name@example.com/);
    await expect(error("linkedin")).toHaveText(/linkedin.com profile/);
    await expect(error("phone")).toHaveText(/phone number/);
    await expect(error("resume")).toHaveText(/Choose a PDF, DOC or DOCX file/);
    await expect(error("answer_0")).toHaveText(/Answer this question/);

    // 50 MB + 1 byte is refused by size, in the browser.
    await page.getByLabel("Resume").setInputFiles(testFile("huge.pdf", Buffer.alloc(50 * 1024 * 1024 + 1, 0x20)).path);
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(error("resume")).toHaveText(/at most 50 MB/);
    expect(actionCalls).toBe(0);
  });

  test("on the server, when the browser's checks are skipped", async ({ browser }) => {
    const job = await jobWhere(withQuestionsAndConsents);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const openedAt = await openForm(page, job.unique_slug, { javaScript: false });
    // Skip every check a browser would make, as a hand-made request would.
    await page.locator('form[aria-describedby="apply-required-note"]').evaluate((form) => {
      (form as HTMLFormElement).noValidate = true;
      form.querySelectorAll("[accept]").forEach((el) => el.removeAttribute("accept"));
    });
    const who = person("server");
    await page.getByLabel("Email (required)").fill("nope@");
    await page.getByLabel("City").fill(who.city);
    await page.getByLabel("Cover letter").fill(who.coverLetter);
    await page.getByLabel("Resume").setInputFiles(testFile("program.pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00 not a pdf at all")).path);
    await submit(page, openedAt);

    const error = (name: string) => page.locator(`[id="apply-${name}-error"]`);
    await expect(error("firstName")).toHaveText(/Enter your first name/);
    await expect(error("lastName")).toHaveText(/Enter your last name/);
    await expect(error("email")).toHaveText(/Enter an email address/);
    await expect(error("consentJob")).toHaveText(/Tick this box/);
    await expect(error("answer_0")).toHaveText(/Answer this question/);
    // Names can only be checked on the server after the schema passes: fix the rest, keep the renamed file.
    await expect(page.getByLabel("City")).toHaveValue(who.city);
    await expect(page.getByLabel("Cover letter")).toHaveValue(who.coverLetter);
    await expect(page.getByTestId("resume-again")).toBeVisible();

    await page.getByLabel("First name").fill(who.firstName);
    await page.getByLabel("Last name").fill(who.lastName);
    await page.getByLabel("Email (required)").fill(who.email);
    const { answerQuestions, giveConsents } = await import("./apply-support");
    await answerQuestions(page, job);
    await giveConsents(page, job);
    await page.getByLabel("Resume").setInputFiles(testFile("program.pdf", Buffer.from("MZ\x90\x00\x03 this is an executable")).path);
    await page.locator('form[aria-describedby="apply-required-note"]').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(error("resume")).toHaveText(/not a real PDF, DOC or DOCX/);

    await page.getByLabel("Resume").setInputFiles(testFile("notes.txt", Buffer.from("plain text")).path);
    await page.locator('form[aria-describedby="apply-required-note"]').evaluate((form) => {
      (form as HTMLFormElement).noValidate = true;
      form.querySelectorAll("[accept]").forEach((el) => el.removeAttribute("accept"));
    });
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(error("resume")).toHaveText(/Choose a PDF, DOC or DOCX file/);

    await page.getByLabel("Resume").setInputFiles(testFile("big.pdf", Buffer.concat([pdf(), Buffer.alloc(50 * 1024 * 1024 + 1)])).path);
    await page.locator('form[aria-describedby="apply-required-note"]').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(error("resume")).toHaveText(/at most 50 MB/);
    expect(await candidatesFor(who.email)).toHaveLength(0);
    await context.close();
  });
});

test("applying with JavaScript disabled succeeds", async ({ browser }) => {
  const job = await jobWhere(withQuestionsAndConsents);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const who = person("nojs");
  const resume = testFile("nojs.pdf", pdf("nojs"));
  const openedAt = await openForm(page, job.unique_slug, { javaScript: false });
  await fillApplication(page, job, who, resume.path);
  await submit(page, openedAt);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application");
  const stored = await expectOneCandidate(who.email);
  expect(stored.upload?.sha256).toBe(resume.sha256);
  await context.close();
});

test.describe("one application, however often it is sent", () => {
  test("a double click creates one candidate", async ({ page }) => {
    const job = await jobWhere((j) => !j.require_cv);
    const who = person("dblclick");
    const openedAt = await openForm(page, job.unique_slug);
    await fillApplication(page, job, who);
    await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    await page.getByRole("button", { name: "Submit application" }).dblclick();
    await expect(page).toHaveURL(/\/applied$/);
    await expectOneCandidate(who.email);
  });

  test("the same form sent twice at once without JavaScript, and again after the back button, creates one candidate", async ({ browser }) => {
    const job = await jobWhere((j) => !j.require_cv);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const who = person("resubmit");
    const openedAt = await openForm(page, job.unique_slug, { javaScript: false });
    await fillApplication(page, job, who);
    // The browser's POST goes out twice at the same moment, as a double click on a slow page would send it.
    const statuses: number[] = [];
    await page.route(`**/jobs/${job.unique_slug}**`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const [first, second] = await Promise.all([route.fetch({ maxRedirects: 0 }), route.fetch({ maxRedirects: 0 })]);
      statuses.push(first.status(), second.status());
      await route.fulfill({ response: first });
    });
    await submit(page, openedAt);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application");
    expect(statuses).toEqual([303, 303]);
    await page.unroute(`**/jobs/${job.unique_slug}**`);

    // Back to the form (a fresh page, so a fresh form token), and send the same application again.
    await page.goBack();
    await expect(page.getByRole("button", { name: "Submit application" })).toBeVisible();
    await fillApplication(page, job, who);
    await page.waitForTimeout(2_200);
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application");
    await expectOneCandidate(who.email);
    // The second one, with a new form token, is not dropped: it is kept and held for HR.
    const rows = await siteQuery<{ status: string; duplicate_of: string | null }>(`SELECT status, duplicate_of FROM applications WHERE payload LIKE '%${who.email}%' ORDER BY created_at`);
    expect(rows.map((r) => r.status)).toEqual(["delivered", "held"]);
    expect(rows[1]!.duplicate_of).toBeTruthy();
    await context.close();
  });
});

test("an application sent first with someone else's email never swallows their own: it is held for HR, who can send it", async ({ page, browser }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const victim = person("victim");
  // A stranger applies with the victim's address.
  const stranger = await browser.newPage();
  let openedAt = await openForm(stranger, job.unique_slug);
  await fillApplication(stranger, job, { ...person("stranger"), email: victim.email });
  await submit(stranger, openedAt);
  await expect(stranger).toHaveURL(/\/applied/);
  await expectOneCandidate(victim.email);
  // The real person applies: told it is received, and it is kept.
  openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, victim);
  await submit(page, openedAt);
  await expect(page).toHaveURL(/\/applied\?queued=1$/);
  // HR sees both side by side, and sends the held one.
  await logIn(page);
  await page.goto("/admin/applications");
  const held = page.getByTestId("held-application").filter({ hasText: victim.lastName });
  await expect(held).toContainText(victim.email);
  await expect(held.getByTestId("held-earlier")).toContainText("Hopper-stranger");
  await held.getByRole("button", { name: "Send to Occupop" }).click();
  await expect(held).toHaveCount(0);
  await expect.poll(async () => (await candidatesFor(victim.email)).map((c) => String(c.payload.last_name)).sort(), { timeout: 15_000 }).toEqual(["Hopper-stranger", "Hopper-victim"]);
});

test("an Occupop 422 shows its field errors on the form, keeps the input, and a corrected send goes through", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv && j.questions_form.length > 0);
  const who = person("422");
  const openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, who);
  await emulatorControl("/faults", "POST", { target: "create", kind: "422", errors: { email: ["The email has already been taken."] } });
  await submit(page, openedAt);
  await expect(page.locator('[id="apply-email-error"]')).toHaveText(/The email has already been taken/);
  await expect(page.getByTestId("apply-summary")).toBeFocused();
  await expect(page.getByLabel("Cover letter")).toHaveValue(who.coverLetter);
  await expect(page.getByLabel("City")).toHaveValue(who.city);
  expect(await candidatesFor(who.email)).toHaveLength(0);
  await expectNoAxeViolations(page);

  const corrected = `${who.email.replace("@", "+new@")}`;
  await page.getByLabel("Email (required)").fill(corrected);
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page).toHaveURL(/\/applied$/);
  await expectOneCandidate(corrected);
});

test("a job that closed since the page loaded gets a plain message, and the input stays", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const who = person("closed");
  const openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, who);
  await emulatorControl(`/jobs/${job.uuid}`, "PATCH", { closed_for_applicants: true });
  try {
    await submit(page, openedAt);
    await expect(page.getByTestId("apply-summary")).toContainText("This job has just closed for applications");
    await expect(page.getByLabel("First name")).toHaveValue(who.firstName);
    expect(await candidatesFor(who.email)).toHaveLength(0);
  } finally {
    await resetWorld();
  }
});

test("a 500 on create: the applicant is told it is received, and it is delivered once Occupop recovers", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const who = person("500");
  const openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, who);
  await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 3 });
  await submit(page, openedAt);
  await expect(page).toHaveURL(/\/applied\?queued=1$/);
  await expect(page.getByTestId("queued-note")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectOneCandidate(who.email, 20_000);
});

test("over the rate limit, the applicant gets a sentence and keeps everything typed", async ({ page }) => {
  const site = await startSiteServer(E2E.appPort + 30, { APPLY_RATE_LIMIT_PER_MINUTE: "1" });
  try {
    const job = await jobWhere((j) => !j.require_cv);
    const first = person("limit1");
    let openedAt = await openForm(page, job.unique_slug, { base: site.url });
    await fillApplication(page, job, first);
    await submit(page, openedAt);
    await expect(page).toHaveURL(/\/applied/);

    const second = person("limit2");
    openedAt = await openForm(page, job.unique_slug, { base: site.url });
    await fillApplication(page, job, second);
    await submit(page, openedAt);
    await expect(page.getByTestId("apply-summary")).toContainText("Several applications were sent from your connection");
    await expect(page.getByLabel("Email (required)")).toHaveValue(second.email);
    await expect(page.getByLabel("Cover letter")).toHaveValue(second.coverLetter);
    expect(await candidatesFor(second.email)).toHaveLength(0);
  } finally {
    await site.stop();
  }
});

/**
 * Two applications at once on a server whose uploads in flight are capped at 1 MiB: the first
 * (3 MB) holds the room for 4 s. The resumes go with the forms, as they do when the upload while
 * typing is not to be had (refused here: the form then falls back to sending the file), so the
 * forms' own posts are what the gate holds.
 */
async function twoAtTheCap(browser: Browser, env: Record<string, string>, port: number) {
  const site = await startSiteServer(port, { UPLOADS_IN_FLIGHT_MAX_MB: "1", ...env });
  const job = await jobWhere((j) => j.require_cv && !j.require_opt_in_for_job && j.questions_form.length === 0);
  const context = await browser.newContext();
  await context.route("**/api/uploads**", (route) => route.fulfill({ status: 403, body: "not here" }));
  const firstPage = await context.newPage();
  await openForm(firstPage, job.unique_slug, { base: site.url });
  const first = person("inflight1");
  await fillApplication(firstPage, job, first, testFile("big-cv.pdf", Buffer.concat([pdf(), Buffer.alloc(3 * 1024 * 1024, 0x20)])).path);
  const secondPage = await context.newPage();
  await openForm(secondPage, job.unique_slug, { base: site.url });
  const second = person("inflight2");
  await fillApplication(secondPage, job, second, testFile("small-cv.pdf", pdf()).path);
  for (const page of [firstPage, secondPage]) await expect(page.getByTestId("resume-upload")).toHaveText("The upload stopped. Your resume will be sent with the form instead.");
  await firstPage.waitForTimeout(2_200);
  // A slow Occupop keeps the first upload's request in flight. Set only now, with the job list
  // already loaded, so the slow answer is the one that submit waits for and no other request
  // (the site's background passes read the job list too) takes it first.
  await emulatorControl("/faults", "POST", { target: "list", kind: "latency", latencyMs: 4000, count: 1 });
  await firstPage.getByRole("button", { name: "Submit application" }).click();
  await expect(firstPage.getByRole("button", { name: "Sending your application…" })).toBeVisible();
  await secondPage.getByRole("button", { name: "Submit application" }).click();
  return { site, firstPage, secondPage, first, second };
}

test("an upload that finds no room waits for it, and goes through without the applicant doing anything", async ({ browser }) => {
  const { site, firstPage, secondPage, first, second } = await twoAtTheCap(browser, {}, E2E.appPort + 33);
  try {
    await expect(secondPage.getByRole("button", { name: "Sending your application…" })).toBeVisible();
    await expect(firstPage).toHaveURL(/\/applied/, { timeout: 20_000 });
    await expect(secondPage).toHaveURL(/\/applied/, { timeout: 20_000 });
    await expectOneCandidate(first.email);
    await expectOneCandidate(second.email);
  } finally {
    await site.stop();
  }
});

test("when uploads in flight are at the cap past the wait, the applicant is asked to retry and nothing typed is lost", async ({ browser }) => {
  const { site, firstPage, secondPage, first, second } = await twoAtTheCap(browser, { UPLOAD_QUEUE_SECONDS: "0" }, E2E.appPort + 31);
  try {
    await expect(secondPage.getByTestId("apply-summary")).toContainText("the server is busy");
    await expect(secondPage.getByLabel("Email (required)")).toHaveValue(second.email);
    await expect(secondPage.getByLabel("Cover letter")).toHaveValue(second.coverLetter);

    await expect(firstPage).toHaveURL(/\/applied/, { timeout: 20_000 });
    // Once the first is through, the second goes through too, with the file still chosen.
    await secondPage.getByRole("button", { name: "Submit application" }).click();
    await expect(secondPage).toHaveURL(/\/applied/);
    await expectOneCandidate(second.email);
    await expectOneCandidate(first.email);
  } finally {
    await site.stop();
  }
});

test("a body over the framework's limit without JavaScript gets a friendly page, not a 500", async ({ browser }) => {
  const job = await jobWhere((j) => j.require_cv);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const openedAt = await openForm(page, job.unique_slug, { javaScript: false });
  await fillApplication(page, job, person("toolarge"), testFile("enormous.pdf", Buffer.concat([pdf(), Buffer.alloc(60 * 1024 * 1024)])).path);
  await page.locator('form[aria-describedby="apply-required-note"]').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
  await submit(page, openedAt);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("That upload is too large");
  await expect(page.getByText("the resume may be at most 50 MB")).toBeVisible();
  await context.close();
});

test("a submit faster than a person could fill the form is asked to try again, and then goes through", async ({ page }) => {
  const site = await startSiteServer(E2E.appPort + 32, { APPLY_MIN_FILL_SECONDS: "8" });
  try {
    const job = await jobWhere((j) => !j.require_cv);
    const who = person("fast");
    const openedAt = await openForm(page, job.unique_slug, { base: site.url });
    await fillApplication(page, job, who);
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByTestId("apply-summary")).toContainText("quicker than we expected");
    await expect(page.getByLabel("Email (required)")).toHaveValue(who.email);
    expect(await candidatesFor(who.email)).toHaveLength(0);
    await page.waitForTimeout(Math.max(0, openedAt + 8_300 - Date.now()));
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page).toHaveURL(/\/applied/);
    await expectOneCandidate(who.email);
  } finally {
    await site.stop();
  }
});

test("the Occupop token appears in no client asset, page, action response or storage request", async ({ page }) => {
  // Built client assets.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(".next/static");
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(file).includes(E2E.token), file).toBe(false);

  // Every response the browser sees while applying, including the server action's.
  const bodies: Array<{ url: string; text: string }> = [];
  let actionResponses = 0;
  page.on("response", async (response) => {
    if (response.request().method() === "POST" && response.request().headers()["next-action"]) actionResponses++;
    try {
      bodies.push({ url: response.url(), text: (await response.body()).toString("latin1") });
    } catch {
      // redirects have no body
    }
  });
  const job = await jobWhere(withQuestionsAndConsents);
  const who = person("token");
  const openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, who, testFile("token.pdf", pdf()).path);
  await submit(page, openedAt);
  await expect(page).toHaveURL(/\/applied/);
  await page.goto("/");
  for (const path of ["/api/health", "/jobs.json", "/jobs.rss", "/sitemap.xml"]) bodies.push({ url: path, text: await (await fetch(`${site()}${path}`)).text() });
  expect(actionResponses).toBeGreaterThan(0);
  for (const body of bodies) expect(body.text.includes(E2E.token), body.url).toBe(false);

  // No request to storage carried it (the emulator records any credential it sees there).
  const defects = (await (await emulatorControl("/defects")).json()) as { data: unknown[] };
  expect(defects.data).toEqual([]);
  const log = (await (await emulatorControl("/requests")).json()) as { data: Array<{ target: string; authorization: boolean }> };
  const uploads = log.data.filter((r) => r.target === "upload");
  expect(uploads.length).toBeGreaterThan(0);
  expect(uploads.every((r) => !r.authorization)).toBe(true);
});

test("the form is accessible untouched, and the thank-you page too", async ({ page }) => {
  const job = await jobWhere(withQuestionsAndConsents);
  await openForm(page, job.unique_slug);
  await expectNoAxeViolations(page);
  await revalidate();
  await page.goto(`/jobs/${job.unique_slug}/applied`);
  await expectNoAxeViolations(page);
});
