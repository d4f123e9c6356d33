import { expect, test, type Page } from "@playwright/test";
import { openEmulatorJobs, site } from "./support";

async function jsonLd(page: Page): Promise<Record<string, unknown>> {
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  return JSON.parse(text ?? "") as Record<string, unknown>;
}

test("JSON-LD JobPosting is complete for a remote job with a salary range", async ({ page }) => {
  const job = (await openEmulatorJobs()).find((j) => j.workplace === "remote" && j.salary.type === "Range" && j.location)!;
  await page.goto(`/jobs/${job.unique_slug}`);
  const ld = await jsonLd(page);
  expect(ld).toMatchObject({
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    url: `${site()}/jobs/${job.unique_slug}`,
    identifier: { "@type": "PropertyValue", name: "Kestrel Outdoor" },
    hiringOrganization: { "@type": "Organization", name: "Kestrel Outdoor" },
    jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: job.location!.city, addressCountry: job.location!.countryShort } },
    jobLocationType: "TELECOMMUTE",
    applicantLocationRequirements: { "@type": "Country", name: job.location!.country },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "EUR",
      value: { "@type": "QuantitativeValue", minValue: Number(job.salary.start), maxValue: Number(job.salary.end), unitText: job.salary.period === "Hourly" ? "HOUR" : "YEAR" },
    },
    directApply: true,
  });
  for (const key of ["description", "datePosted", "validThrough", "employmentType"]) expect(ld, key).toHaveProperty(key);
  expect(Date.parse(String(ld.validThrough))).toBeGreaterThan(Date.now());
});

test("JSON-LD for an on-site job without a salary range has its place and no salary", async ({ page }) => {
  const job = (await openEmulatorJobs()).find((j) => j.workplace === "onSite" && j.salary.type === "Competitive")!;
  await page.goto(`/jobs/${job.unique_slug}`);
  const ld = await jsonLd(page);
  expect(ld).toMatchObject({ "@type": "JobPosting", title: job.title, jobLocation: { address: { addressLocality: job.location!.city } } });
  expect(ld).not.toHaveProperty("baseSalary");
  expect(ld).not.toHaveProperty("jobLocationType");
});

test("a job page has its canonical URL, description, Open Graph and Twitter cards, and a PNG image", async ({ page, request }) => {
  const job = (await openEmulatorJobs())[0]!;
  await page.goto(`/jobs/${job.unique_slug}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${site()}/jobs/${job.unique_slug}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /^.{40,}$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${job.title} at Kestrel Outdoor`);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  const res = await request.get(image!.replace(site(), ""));
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect((await res.body()).subarray(1, 4).toString()).toBe("PNG");
});

test("sitemap, RSS and JSON feeds list exactly the open jobs", async ({ request }) => {
  const open = await openEmulatorJobs();
  const urls = open.map((j) => `${site()}/jobs/${j.unique_slug}`).sort();

  const sitemap = await (await request.get("/sitemap.xml")).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs).toContain(`${site()}/`);
  // The default language's pages (unprefixed); every other language's are checked in i18n.spec.ts.
  expect(locs.filter((l) => l?.startsWith(`${site()}/jobs/`)).sort()).toEqual(urls);
  expect(sitemap).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);

  const rssResponse = await request.get("/jobs.rss");
  expect(rssResponse.headers()["content-type"]).toContain("application/rss+xml");
  const rss = await rssResponse.text();
  expect(rss).toContain('<rss version="2.0"');
  const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
  expect(links.sort()).toEqual(urls);
  expect(rss).not.toMatch(/<script|onerror=/i);

  const feed = (await (await request.get("/jobs.json")).json()) as { jobs: Array<Record<string, unknown>> };
  expect(feed.jobs.map((j) => j.url).sort()).toEqual(urls);
  const fields = new Set(feed.jobs.flatMap((j) => Object.keys(j)));
  for (const secretish of ["cv_upload_signed_url", "uploadUrl", "rawDescriptionHtml", "apply_url"]) expect(fields.has(secretish)).toBe(false);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${site()}/sitemap.xml`);
});

test("no page or feed carries a signed upload URL", async ({ request }) => {
  const open = await openEmulatorJobs();
  for (const path of ["/", `/jobs/${open[0]!.unique_slug}`, "/jobs.rss", "/jobs.json", "/sitemap.xml"]) {
    const body = await (await request.get(path)).text();
    expect(body, path).not.toMatch(/signature=|\/storage\/resumes\//);
  }
});
