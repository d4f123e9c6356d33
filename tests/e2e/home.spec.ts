import { expect, test } from "@playwright/test";
import { emulatorJobs } from "./emulator";

test("the home page lists exactly the emulator's open jobs, from every page, and no closed one", async ({ page }) => {
  const jobs = await emulatorJobs();
  const open = jobs.filter((j) => !j.closed_for_applicants);
  const closed = jobs.filter((j) => j.closed_for_applicants);
  expect(jobs.length).toBeGreaterThan(15); // more than one page upstream
  expect(closed.length).toBeGreaterThan(0);

  await page.goto("/");
  const links = page.locator('a[href^="/jobs/"]');
  await expect(links).toHaveCount(open.length);
  const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href")));
  expect(hrefs.sort()).toEqual(open.map((j) => `/jobs/${j.unique_slug}`).sort());
  for (const job of closed) {
    await expect(page.getByRole("link", { name: job.title, exact: true })).toHaveCount(0);
  }
});
