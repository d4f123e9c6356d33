// A job taken down in Occupop: its page answers 410 Gone (search engines drop it at once) with
// what it was, that it is no longer open, and open jobs like it; no JobPosting data, never
// indexed, in every language. A slug never listed stays a 404; the sitemap's lastmod follows
// the job list.
import { expect, test } from "@playwright/test";
import { emulatorControl, expectNoAxeViolations, openEmulatorJobs, revalidate, site } from "./support";

test("a job taken down answers 410 Gone with what it was and similar open jobs; unknown slugs stay 404", async ({ page, request }) => {
  const title = `Store Manager Relief ${Date.now()}`;
  const created = (await (await emulatorControl("/jobs", "POST", { title })).json()) as { data: { uuid: string; unique_slug: string } };
  const { uuid, unique_slug: slug } = created.data;
  await revalidate();
  expect((await request.get(`${site()}/jobs/${slug}`)).status()).toBe(200);
  const listed = await (await request.get(`${site()}/sitemap.xml`)).text();
  const block = listed.split("<url>").find((b) => b.includes(`/jobs/${slug}</loc>`));
  const lastmod = /<lastmod>([^<]+)<\/lastmod>/.exec(block ?? "")?.[1];
  expect(lastmod, "the sitemap lists the job with a lastmod").toBeDefined();
  // When the site saw it appear, not a date from the seed.
  expect(Date.now() - Date.parse(lastmod!)).toBeLessThan(10 * 60_000);

  await emulatorControl(`/jobs/${uuid}`, "DELETE");
  await revalidate();

  const gone = await request.get(`${site()}/jobs/${slug}`);
  expect(gone.status()).toBe(410);
  const html = await gone.text();
  expect(html).not.toContain("application/ld+json");
  expect(html).toMatch(/<meta name="robots" content="noindex, follow"/);
  expect((await request.head(`${site()}/jobs/${slug}`)).status()).toBe(410);

  const response = await page.goto(`${site()}/jobs/${slug}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(/This job is no longer open: it was taken down on/)).toBeVisible();
  // A similar open job (the seed's Store Manager shares the words) and the way to all jobs.
  const similar = page.getByRole("region", { name: "Open jobs like this one" });
  const storeManager = (await openEmulatorJobs()).find((j) => j.title === "Store Manager");
  await expect(similar.getByRole("link", { name: storeManager!.title, exact: true })).toHaveAttribute("href", `/jobs/${storeManager!.unique_slug}`);
  await expect(page.getByRole("link", { name: "See all open jobs" })).toBeVisible();
  await expectNoAxeViolations(page);

  // In another language too.
  const german = await page.goto(`${site()}/de/jobs/${slug}`);
  expect(german?.status()).toBe(410);
  await expect(page.getByText(/Diese Stelle ist nicht mehr offen/)).toBeVisible();

  // Never listed: 404. A listed job's /gone address: 404 (a gone one's: 410). Gone from the sitemap.
  expect((await request.get(`${site()}/jobs/never-listed-${Date.now()}`)).status()).toBe(404);
  expect((await request.get(`${site()}/gone/${storeManager!.unique_slug}`)).status()).toBe(404);
  expect((await request.get(`${site()}/gone/${slug}`)).status()).toBe(410);
  expect((await request.get(`${site()}/jobs/${storeManager!.unique_slug}`)).status()).toBe(200);
  expect(await (await request.get(`${site()}/sitemap.xml`)).text()).not.toContain(`/jobs/${slug}<`);
});
