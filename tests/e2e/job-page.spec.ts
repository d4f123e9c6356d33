import { expect, test } from "@playwright/test";
import { emulatorJobs, expectNoAxeViolations, openEmulatorJobs } from "./support";

test("a job page shows the job's facts and salary in its country's currency", async ({ page }) => {
  const job = (await openEmulatorJobs()).find((j) => j.unique_slug.startsWith("store-manager-"))!;
  await page.goto(`/jobs/${job.unique_slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Store Manager");
  const facts = page.getByTestId("job-facts");
  await expect(facts).toContainText("Dublin, Ireland");
  await expect(facts).toContainText("On-site");
  await expect(facts).toContainText("Full-time");
  await expect(facts).toContainText("Permanent");
  await expect(facts).toContainText("€48,000 – €56,000 a year (Plus quarterly bonus)");
  await expect(facts).toContainText("KO-RET-014");
  await expect(facts.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(page.getByRole("link", { name: "Apply now" })).toHaveAttribute("href", "#apply");
  await expect(page.locator("#apply")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the hostile description runs nothing, while its harmless formatting survives", async ({ page }) => {
  const job = (await emulatorJobs()).find((j) => j.description.includes("<script>"))!;
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/jobs/${job.unique_slug}`);
  const description = page.getByTestId("job-description");
  await expect(description.locator("strong")).toHaveText("online shop");
  await expect(description.locator("em")).toHaveText("Apply below.");
  await expect(description.locator('a[href="https://example.com/values"]')).toHaveAttribute("rel", "noopener noreferrer");
  expect(await description.locator("script, iframe, img, style, [style]").count()).toBe(0);
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
  );
  expect(handlers).toEqual([]);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  // Clicking what used to be links must not run the payload either.
  await description.getByText("Read our values").click();
  await description.getByText("Apply below.").click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a closed job still renders, says so, offers no application form (job alerts instead), links to open jobs and is noindex", async ({ page }) => {
  const closed = (await emulatorJobs()).find((j) => j.closed_for_applicants)!;
  const response = await page.goto(`/jobs/${closed.unique_slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(closed.title);
  await expect(page.getByTestId("closed-notice")).toContainText("Applications for this job are closed");
  await expect(page.locator("#apply")).toHaveCount(0);
  await expect(page.locator('form[action]:not([role=search]):not([data-testid="alert-form"])')).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Submit application" })).toHaveCount(0);
  await expect(page.getByTestId("alert-form")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "See our open jobs" })).toHaveAttribute("href", "/");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("an unknown job is a helpful 404", async ({ page }) => {
  const response = await page.goto("/jobs/no-such-job-12345");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
  await expect(page.getByRole("link", { name: "See all open jobs" })).toBeVisible();
  await page.getByLabel("Search jobs").fill("barista");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/\?q=barista/);
  await expect(page.getByTestId("job-list").locator("h3")).toHaveText(["Barista, Basecamp Café"]);
  await page.goto("/jobs/no-such-job-12345");
  await expectNoAxeViolations(page);
});
