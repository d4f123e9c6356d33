// A cached public page is plain HTML until the visitor engages: React and Next.js's runtime ride
// along inert (lib/on-demand/defer.mjs) and public/boot.js brings them in at the first touch, key
// or scroll, when the application form comes near, or on #apply. What must work at once works
// at once: the view is counted, the language links lead to this very page, a changed filter
// applies, and "Start your application" opens the form here.
import { expect, test, type Page } from "@playwright/test";
import { openEmulatorJobs, site } from "./support";

/** Loads a page twice (the second is the cached copy) and counts the runtime's scripts it fetches. */
async function cachedVisit(page: Page, path: string): Promise<{ runtime: () => number; views: () => number }> {
  await fetch(`${site()}${path}`);
  let runtime = 0;
  let views = 0;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js")) runtime++;
    // A view is the only beacon these pages send before the form is started (sendBeacon's body
    // is not shown to the test).
    if (url.pathname === "/api/insights") views++;
  });
  await page.goto(path);
  return { runtime: () => runtime, views: () => views };
}

/** Script tags of Next's own chunks outside the inert template. */
const liveRuntimeTags = (html: string) => html.replace(/<template data-runtime>[\s\S]*?<\/template>/, "").match(/<script src="\/_next\/static\/[^"]+"[^>]*async/g) ?? [];

test("a cached listing and job page, in any language, hold the runtime inert and load no script of it until the visitor engages", async ({ page }) => {
  const job = (await openEmulatorJobs())[0]!;
  for (const path of ["/", `/jobs/${job.unique_slug}`, "/de", `/fr/jobs/${job.unique_slug}`]) {
    await fetch(`${site()}${path}`);
    const html = await (await fetch(`${site()}${path}`)).text();
    expect(liveRuntimeTags(html), path).toEqual([]);
    expect(html, path).toMatch(/<template data-runtime>(<script src="\/_next\/static\/[^"]+\.js" async=""><\/script>)+<\/template>/);
    expect(html, path).not.toMatch(/<link rel="preload" as="script"[^>]*\/_next\/static\//);
  }

  const visit = await cachedVisit(page, "/");
  await page.waitForLoadState("load");
  await page.waitForTimeout(1_000);
  expect(visit.runtime(), "scripts of the runtime fetched before the visitor did anything").toBe(0);
  // The first key press brings it in; React then hydrates (the template is gone, React owns the body).
  await page.keyboard.press("Tab");
  await expect.poll(visit.runtime, { timeout: 15_000 }).toBeGreaterThan(3);
  await expect(page.locator("template[data-runtime]")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__react"))), { timeout: 15_000 }).toBe(true);
});

test("before any engagement: the view is counted once, language links lead to this page, and choosing one is remembered", async ({ page, context }) => {
  const job = (await openEmulatorJobs())[0]!;
  const english = await cachedVisit(page, `/jobs/${job.unique_slug}`);
  await expect.poll(english.views).toBe(1);
  expect(english.runtime()).toBe(0);
  const wide = page.locator("nav[data-default-locale] ul.hidden");
  await expect(wide.locator('a[hreflang="de"]')).toHaveAttribute("href", `/de/jobs/${job.unique_slug}`);
  await expect(wide.locator('a[hreflang="en"]')).toHaveAttribute("href", `/jobs/${job.unique_slug}`);
  await wide.locator('a[hreflang="fr"]').click();
  await expect(page).toHaveURL(new RegExp(`/fr/jobs/${job.unique_slug}$`));
  expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("fr");
  // A view in another language counts too, once: the runtime, when it comes, does not count the
  // landing again.
  await expect.poll(english.views).toBe(2);
  await page.keyboard.press("Tab");
  await expect.poll(english.runtime, { timeout: 15_000 }).toBeGreaterThan(3);
  await page.waitForTimeout(2_000);
  expect(english.views()).toBe(2);
});

test("a changed filter on the cached listing applies at once, before the runtime has come and after a navigation inside the app", async ({ page }) => {
  const visit = await cachedVisit(page, "/");
  // The filters open without a touch (a touch would bring the runtime).
  await page.locator("#job-filters details").evaluate((details) => details.setAttribute("open", ""));
  const workplace = page.getByLabel("Workplace");
  const choice = await workplace.locator("option").nth(1).getAttribute("value");
  expect(visit.runtime()).toBe(0);
  await workplace.selectOption(choice!);
  await expect(page).toHaveURL(new RegExp(`[?&]workplace=${choice}(&|$)`));
  // The results page has the runtime: back to the listing inside the app, and a filter there
  // still applies at once (the listing came by the router, not as a page load).
  await page.evaluate(() => ((window as Window & { sameDocument?: boolean }).sameDocument = true));
  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument), "a navigation inside the app").toBe(true);
  await page.locator("#job-filters details").evaluate((details) => details.setAttribute("open", ""));
  await page.getByLabel("Workplace").selectOption(choice!);
  await expect(page).toHaveURL(new RegExp(`[?&]workplace=${choice}(&|$)`));
});

test("'Start your application' on a cached job page opens the form right there, whether or not the runtime has come", async ({ page }) => {
  const job = (await openEmulatorJobs())[0]!;
  const visit = await cachedVisit(page, `/jobs/${job.unique_slug}`);
  expect(visit.runtime()).toBe(0);
  // A click dispatched on the link alone: no touch, key or scroll came before it.
  await page.getByRole("link", { name: "Start your application" }).dispatchEvent("click", { button: 0 });
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.unique_slug}#apply$`));
  await expect(page.getByLabel("First name")).toBeFocused({ timeout: 15_000 });
  expect(visit.runtime()).toBeGreaterThan(3);
});
