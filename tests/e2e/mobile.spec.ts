// On a phone the first screen shows what the visitor came for: the first jobs on the listing,
// the title, the key facts and the Apply button on a job page. Measured on two common phone
// viewports in every language (German titles and labels run long).
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, openEmulatorJobs } from "./support";

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];
const LANGUAGES = [
  { prefix: "", applyNow: "Apply now", language: "Language" },
  { prefix: "/de", applyNow: "Jetzt bewerben", language: "Sprache" },
  { prefix: "/fr", applyNow: "Postuler", language: "Langue" },
  { prefix: "/es", applyNow: "Postularme", language: "Idioma" },
];

/** The open job with the longest title (the hardest case for the first screen), or description. */
async function longestJob(by: "title" | "description" = "title") {
  const open = await openEmulatorJobs();
  return open.reduce((a, b) => (b[by].length > a[by].length ? b : a));
}

/** Where an element ends, in CSS pixels from the top of the page (the page is not scrolled). */
async function bottomOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  return Math.round(box!.y + box!.height);
}

/**
 * Tabs from the top through the first `count` stops and checks they go down the page (and left
 * to right within a row): the keyboard's order is the order the eye reads.
 */
async function expectTabOrderFollowsLayout(page: Page, count: number): Promise<void> {
  const stops: Array<{ what: string; x: number; y: number }> = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return { what: `${el.tagName.toLowerCase()} ${(el.textContent ?? "").trim().slice(0, 30)}`, x: r.left + window.scrollX, y: r.top + window.scrollY, h: r.height };
    });
    if (!stop) break;
    stops.push(stop);
  }
  // The skip link appears over the page when focused; the order is read from the stops after it.
  const [, ...rest] = stops;
  for (let i = 1; i < rest.length; i++) {
    const [before, after] = [rest[i - 1]!, rest[i]!];
    const sameRow = Math.abs(after.y - before.y) < 24;
    expect(sameRow ? after.x > before.x : after.y > before.y, `${before.what} → ${after.what}`).toBe(true);
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`a ${viewport.width} × ${viewport.height} phone`, () => {
    test.use({ viewport, isMobile: true, hasTouch: true });

    test("the listing's first screen holds the search box and the first job's title, in every language", async ({ page }) => {
      for (const { prefix } of LANGUAGES) {
        await page.goto(`${prefix}/`);
        const firstTitle = await bottomOf(page, "[data-testid=job-list] article h3");
        test.info().annotations.push({ type: "offset", description: `${prefix || "/en"} listing: first job title ends at ${firstTitle}px` });
        expect(await bottomOf(page, "#filter-q"), prefix).toBeLessThanOrEqual(viewport.height);
        expect(firstTitle, prefix).toBeLessThanOrEqual(viewport.height);
      }
      await expectTabOrderFollowsLayout(page, 8);
      await expectNoAxeViolations(page);
    });

    test("a job page's first screen holds its title, the facts and the Apply button, in every language", async ({ page }) => {
      const job = await longestJob();
      for (const { prefix, applyNow } of LANGUAGES) {
        await page.goto(`${prefix}/jobs/${job.unique_slug}`);
        await expect(page.getByRole("link", { name: applyNow, exact: true })).toBeVisible();
        const apply = await bottomOf(page, "#apply-now");
        test.info().annotations.push({ type: "offset", description: `${prefix || "/en"} job page: Apply ends at ${apply}px` });
        expect(apply, prefix).toBeLessThanOrEqual(viewport.height);
        expect(await bottomOf(page, "h1"), prefix).toBeLessThan(apply);
        expect(await bottomOf(page, "[data-testid=job-facts]"), prefix).toBeLessThan(apply);
      }
      await expectTabOrderFollowsLayout(page, 12);
      await expectNoAxeViolations(page);
    });

    test("past the Apply button a small bar leads to the form, and hides while the form is in view", async ({ page }) => {
      // A long description, so there is a stretch where neither the button nor the form shows.
      const job = await longestJob("description");
      await page.goto(`/jobs/${job.unique_slug}`);
      const bar = page.getByTestId("sticky-apply");
      await expect(bar).toBeHidden();
      // Just past the page's own button: the bar shows.
      await page.locator("#apply-now").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 20));
      await expect(page.locator("#apply")).not.toBeInViewport();
      await expect(bar).toBeVisible();
      await expectNoAxeViolations(page);
      await bar.getByRole("link", { name: "Apply now" }).click();
      await expect(page).toHaveURL(/#apply$/);
      await expect(page.getByLabel("First name")).toBeInViewport();
      await expect(bar).toBeHidden();
      // Back up past the button: gone again.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(bar).toBeHidden();
    });

    test("one control in the header opens the languages, and one link leads back to the jobs", async ({ page }) => {
      const job = await longestJob();
      await page.goto(`/jobs/${job.unique_slug}`);
      const header = page.getByRole("banner");
      // The header is one row: the company's name and the language control side by side.
      const box = await header.boundingBox();
      expect(box!.height).toBeLessThanOrEqual(72);
      // One way back to the jobs on the page, not two.
      await expect(page.getByRole("link", { name: /All jobs/ })).toHaveCount(1);
      const languages = page.getByRole("navigation", { name: "Language" });
      await expect(languages.getByRole("link")).toHaveCount(0);
      await languages.locator("summary").click();
      await expect(languages.getByRole("link")).toHaveText(["English", "Deutsch", "Français", "Español"]);
      await expect(languages.getByRole("link", { name: "Deutsch" })).toHaveAttribute("hreflang", "de");
      await languages.getByRole("link", { name: "Français" }).click();
      await expect(page).toHaveURL(new RegExp(`/fr/jobs/${job.unique_slug}$`));
      await expect(page.getByRole("link", { name: "Postuler", exact: true })).toBeInViewport();
    });
  });
}

test.describe("a phone without JavaScript", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, javaScriptEnabled: false });

  test("the Apply button and the language list still work, and no bar is in the way", async ({ page }) => {
    const job = await longestJob();
    await page.goto(`/de/jobs/${job.unique_slug}`);
    const apply = page.getByRole("link", { name: "Jetzt bewerben", exact: true });
    await expect(apply).toBeInViewport();
    await expect(page.getByTestId("sticky-apply")).toBeHidden();
    // The form's own page is the way in without JavaScript, linked from #apply.
    await apply.click();
    await expect(page).toHaveURL(/#apply$/);
    await expect(page.getByTestId("apply-placeholder").getByRole("link")).toHaveAttribute("href", `/de/jobs/${job.unique_slug}/apply`);
    // The language list opens without script (its links lead to each language's listing).
    const languages = page.getByRole("navigation", { name: "Sprache" });
    await languages.locator("summary").click();
    await languages.getByRole("link", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
