import { expect, test } from "@playwright/test";
import { emulatorJobs, expectNoAxeViolations, openEmulatorJobs } from "./support";

test("the home page lists exactly the emulator's open jobs, from every page, and no closed one", async ({ page }) => {
  const jobs = await emulatorJobs();
  const open = jobs.filter((j) => !j.closed_for_applicants);
  const closed = jobs.filter((j) => j.closed_for_applicants);
  expect(jobs.length).toBeGreaterThan(15); // more than one page upstream
  expect(closed.length).toBeGreaterThan(0);

  await page.goto("/");
  const links = page.getByTestId("job-list").locator('a[href^="/jobs/"]');
  await expect(links).toHaveCount(open.length);
  const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href")));
  expect(hrefs.sort()).toEqual(open.map((j) => `/jobs/${j.unique_slug}`).sort());
  for (const job of closed) {
    await expect(page.getByRole("link", { name: job.title, exact: true })).toHaveCount(0);
  }
  await expect(page.getByText(`${open.length} open positions`)).toBeVisible();
});

test("pages are served with protective headers", async ({ request }) => {
  const res = await request.get("/");
  expect(res.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(res.headers()["x-powered-by"]).toBeUndefined();
});

test.describe("search and filters", () => {
  test("each filter narrows the list, and its option counts match what it shows", async ({ page }) => {
    const open = await openEmulatorJobs();
    await page.goto("/");
    await page.getByText("Filter by department, place").click();
    const workplace = page.getByLabel("Workplace");
    const expected = open.filter((j) => j.workplace === "remote").length;
    await expect(workplace.locator("option", { hasText: `Remote (${expected})` })).toHaveCount(1);
    await workplace.selectOption("remote");
    await expect(page).toHaveURL(/workplace=remote/);
    await expect(page.getByTestId("job-list").locator("article")).toHaveCount(expected);
    await expect(page.getByTestId("result-count")).toHaveText(`${expected} of ${open.length} jobs match`);

    // Narrow further: remote and part-time.
    const both = open.filter((j) => j.workplace === "remote" && j.period === "Parttime").length;
    await expect(page.getByLabel("Hours").locator("option", { hasText: `Part-time (${both})` })).toHaveCount(1);
    await page.getByLabel("Hours").selectOption("part-time");
    await expect(page).toHaveURL(/schedule=part-time/);
    await expect(page.getByTestId("job-list").locator("article")).toHaveCount(both);

    await page.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("job-list").locator("article")).toHaveCount(open.length);
  });

  test("department, country, city and contract filters match the emulator's data", async ({ page }) => {
    const open = await openEmulatorJobs();
    const cases: Array<[string, (j: (typeof open)[number]) => boolean]> = [
      ["department=Retail", (j) => j.sectors.some((s) => s.name === "Retail")],
      ["country=GB", (j) => j.location?.countryShort === "GB"],
      ["country=IE&city=Cork", (j) => j.location?.city === "Cork"],
      ["contract=temporary", (j) => j.contract === "Temporary"],
      ["schedule=full-time&workplace=hybrid", (j) => j.period === "Fulltime" && j.workplace === "hybrid"],
    ];
    for (const [query, predicate] of cases) {
      await page.goto(`/?${query}`);
      const titles = await page.getByTestId("job-list").locator("h3").allTextContents();
      expect(titles.sort(), query).toEqual(open.filter(predicate).map((j) => j.title).sort());
    }
  });

  test("keyword search looks in titles, places and descriptions", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Search jobs").fill("online shop");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=online\+shop/);
    await expect(page.getByTestId("job-list").locator("h3")).toHaveText(["E-commerce Coordinator"]);
  });

  test("an empty result suggests clearing the filters", async ({ page }) => {
    await page.goto("/?q=underwater+basket+weaving");
    await expect(page.getByText("No jobs match these filters.")).toBeVisible();
    await page.getByTestId("empty-state").getByRole("link", { name: "clear all filters" }).click();
    await expect(page.getByTestId("job-list")).toBeVisible();
  });

  test("filters work with JavaScript disabled", async ({ browser }) => {
    const open = await openEmulatorJobs();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByText("Filter by department, place").click();
    await page.getByLabel("Country").selectOption("DE");
    await page.getByLabel("Search jobs").fill("sales");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/country=DE/);
    const expected = open.filter((j) => j.location?.countryShort === "DE" && /sales/i.test(`${j.title} ${j.description}`));
    await expect(page.getByTestId("job-list").locator("h3")).toHaveText(expected.map((j) => j.title));
    await context.close();
  });

  test("the listing has no accessibility violations, plain and filtered", async ({ page }) => {
    await page.goto("/");
    await expectNoAxeViolations(page);
    await page.goto("/?workplace=remote&q=engineer");
    await expectNoAxeViolations(page);
    await page.goto("/?q=nothing-matches");
    await expectNoAxeViolations(page);
  });
});
