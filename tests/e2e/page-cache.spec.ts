// Public pages come from a cache a CDN may share: cache headers, no cookies, nothing
// per-visitor in the shared bytes, and a fresh render whenever the jobs or the branding change.
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { logIn } from "./admin-support";
import { candidatesFor, expectOneCandidate, fillApplication, jobWhere, openForm, person } from "./apply-support";
import { E2E } from "../../playwright.config";
import { emulatorControl, openEmulatorJobs, resetWorld, revalidate, site, startSiteServer } from "./support";

/** A GET whose body comes as sent (fetch would undo the gzip). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

const CDN_CACHEABLE = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

test.afterEach(async () => {
  await emulatorControl("/faults", "DELETE");
});

test("public pages and feeds carry CDN cache headers and no cookie; filtered listings, admin pages, the form token and the apply action do not", async ({ page }) => {
  const job = (await openEmulatorJobs())[0]!;
  for (const path of ["/", `/jobs/${job.unique_slug}`, "/jobs.json", "/jobs.rss", "/sitemap.xml", "/robots.txt", "/de", `/de/jobs/${job.unique_slug}`, "/fr/jobs.rss"]) {
    const res = await fetch(`${site()}${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("cache-control"), path).toMatch(CDN_CACHEABLE);
    expect(res.headers.get("set-cookie"), path).toBeNull();
  }
  // Served from the cache the second time, in every language.
  for (const path of [`/jobs/${job.unique_slug}`, `/de/jobs/${job.unique_slug}`, "/es"]) {
    await fetch(`${site()}${path}`);
    expect((await fetch(`${site()}${path}`)).headers.get("x-nextjs-cache"), path).toBe("HIT");
  }

  // A filtered listing is rendered per request for one visitor (with its own nonce): never shared.
  for (const path of ["/admin/login", `/jobs/${job.unique_slug}/apply`, `/jobs/${job.unique_slug}/applied`, `/de/jobs/${job.unique_slug}/apply`, "/?q=store", "/es?q=store"]) {
    const res = await fetch(`${site()}${path}`);
    expect(res.headers.get("cache-control"), path).toMatch(/private|no-store/);
  }
  const token = await fetch(`${site()}/api/apply/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ job: job.uuid }) });
  expect(token.status).toBe(200);
  expect(token.headers.get("cache-control")).toBe("no-store");

  // The server action that sends an application is never cacheable.
  const target = await jobWhere((j) => !j.require_cv);
  const actions: Array<string | null> = [];
  page.on("response", (response) => {
    if (response.request().method() === "POST" && response.request().headers()["next-action"]) actions.push(response.headers()["cache-control"] ?? null);
  });
  const openedAt = await openForm(page, target.unique_slug);
  await fillApplication(page, target, person("cache-headers"));
  await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page).toHaveURL(/\/applied/);
  expect(actions.length).toBeGreaterThan(0);
  for (const value of actions) expect(value).toMatch(/no-store/);
});

test("two visitors of one cached job page get different form tokens, and the shared page carries none", async ({ browser }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const html = await (await fetch(`${site()}/jobs/${job.unique_slug}`)).text();
  expect(html).not.toContain('name="formToken"');
  const tokens: string[] = [];
  for (const visitor of ["first", "second"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openForm(page, job.unique_slug);
    tokens.push((await page.locator('input[name="formToken"]').inputValue()) || `empty-${visitor}`);
    await context.close();
  }
  expect(tokens[0]).toMatch(/^[\w-]+\.[\w-]+$/);
  expect(tokens[1]).toMatch(/^[\w-]+\.[\w-]+$/);
  expect(tokens[0]).not.toBe(tokens[1]);
});

test("a job added upstream is listed and gets its page after the refresh, without a restart", async ({ page }) => {
  await resetWorld();
  await page.goto("/");
  const created = (await (await emulatorControl("/jobs", "POST", { title: "Canopy Walkway Guide" })).json()) as { data: { unique_slug: string } };
  const slug = created.data.unique_slug;
  // Until the list is refreshed the cached pages stand: not listed, no page.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Canopy Walkway Guide" })).toHaveCount(0);
  expect((await fetch(`${site()}/jobs/${slug}`)).status).toBe(404);

  await revalidate();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Canopy Walkway Guide" })).toHaveCount(1);
  await page.getByRole("link", { name: "Canopy Walkway Guide" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canopy Walkway Guide");
  expect((await fetch(`${site()}/jobs/${slug}`)).status).toBe(200);
  expect(await (await fetch(`${site()}/jobs.json`)).text()).toContain("Canopy Walkway Guide");
  expect(await (await fetch(`${site()}/sitemap.xml`)).text()).toContain(`/jobs/${slug}`);
  await resetWorld();
});

test("a branding save shows at once on every cached page and feed", async ({ page }) => {
  const job = (await openEmulatorJobs())[0]!;
  // Every page is in the cache first.
  for (const path of ["/", `/jobs/${job.unique_slug}`, "/jobs.rss", "/jobs.json"]) await fetch(`${site()}${path}`);
  await logIn(page);
  await page.goto("/admin/branding");
  await page.getByLabel("Company name").fill("Cached Canyon Outfitters");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("branding-status")).toContainText("Saved as version");
  for (const path of ["/", `/jobs/${job.unique_slug}`, "/jobs.rss", "/jobs.json"]) {
    expect(await (await fetch(`${site()}${path}`)).text(), path).toContain("Cached Canyon Outfitters");
  }
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(page.getByTestId("restore-status")).toContainText("The default look is back");
  expect(await (await fetch(`${site()}/`)).text()).not.toContain("Cached Canyon Outfitters");
});

test("a page or feed served again from the cache is what Next rendered: the same bytes and headers, a 304 for its ETag, gzip when asked", async () => {
  const job = (await openEmulatorJobs())[0]!;
  await revalidate();
  const SAME = ["content-type", "content-security-policy", "cache-control", "vary", "x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "access-control-allow-origin"];
  for (const path of ["/", `/jobs/${job.unique_slug}`, `/de/jobs/${job.unique_slug}`, "/fr", "/jobs.json", "/de/jobs.rss", "/sitemap.xml"]) {
    // Rendered by Next after the revalidation, then served from the cache.
    const first = await fetch(`${site()}${path}`);
    const firstBody = await first.text();
    const second = await fetch(`${site()}${path}`);
    expect(second.status, path).toBe(200);
    expect(second.headers.get("x-nextjs-cache"), path).toBe("HIT");
    expect(await second.text(), path).toBe(firstBody);
    for (const name of SAME) expect(second.headers.get(name), `${path} ${name}`).toBe(first.headers.get(name));

    const etag = second.headers.get("etag");
    expect(etag, path).toBeTruthy();
    const unchanged = await fetch(`${site()}${path}`, { headers: { "If-None-Match": etag! } });
    expect(unchanged.status, path).toBe(304);
    expect(await unchanged.text(), path).toBe("");

    const raw = await rawGet(`${site()}${path}`, { "Accept-Encoding": "gzip" });
    expect(raw.headers["content-encoding"], path).toBe("gzip");
    expect(gunzipSync(raw.body).toString("utf8"), path).toBe(firstBody);
  }
  // A router request for the same page is Next's: its payload, not the HTML.
  const rsc = await fetch(`${site()}/jobs/${job.unique_slug}`, { headers: { RSC: "1" } });
  expect(rsc.headers.get("content-type")).toContain("text/x-component");
});

test("a triple click on Submit still makes one candidate from a cached page", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const who = person("tripleclick");
  const openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, who);
  await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
  await page.getByRole("button", { name: "Submit application" }).click({ clickCount: 3 });
  await expect(page).toHaveURL(/\/applied$/);
  await expectOneCandidate(who.email);
});

test("the form on a cached page keeps the time trap: a submit right after it appears is asked to wait", async ({ page }) => {
  // A trap of 8 s (not the suite's 2), so a busy machine's slow typing still springs it.
  const server = await startSiteServer(E2E.appPort + 34, { APPLY_MIN_FILL_SECONDS: "8" });
  try {
    const job = await jobWhere((j) => !j.require_cv);
    const who = person("timetrap");
    await openForm(page, job.unique_slug, { base: server.url });
    // Filled by a script at once, sent at once.
    await fillApplication(page, job, who);
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByTestId("apply-summary")).toContainText("quicker than we expected");
    await expect(page.getByLabel("Email (required)")).toHaveValue(who.email);
    expect(await candidatesFor(who.email)).toHaveLength(0);
  } finally {
    await server.stop();
  }
});

test("another method sent to a cached feed on a cold cache answers for itself and never takes the feed's place", async () => {
  // Next answers OPTIONS on a route handler itself (204) and other unhandled methods with a
  // 405; neither may be kept as the feed that the next GET is served from.
  const feeds: Array<[string, RegExp]> = [
    ["/jobs.json", /application\/json/],
    ["/jobs.rss", /xml/],
    ["/de/jobs.json", /application\/json/],
    ["/fr/jobs.rss", /xml/],
    ["/sitemap.xml", /xml/],
    ["/robots.txt", /text\/plain/],
    ["/icon.svg", /image\/svg\+xml/],
  ];
  try {
    for (const [round, method] of ["OPTIONS", "POST", "PUT", "DELETE", "PATCH", "HEAD"].entries()) {
      // A change to the job list makes every cached page and feed cold.
      const title = `Cold Cache Keeper ${round}`;
      await emulatorControl("/jobs", "POST", { title });
      await revalidate();
      for (const [path] of feeds) {
        const res = await fetch(`${site()}${path}`, { method, redirect: "manual" });
        await res.arrayBuffer();
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }
      for (const [path, type] of feeds) {
        const res = await fetch(`${site()}${path}`);
        expect(res.status, `GET ${path} after ${method}`).toBe(200);
        expect(res.headers.get("content-type"), `GET ${path} after ${method}`).toMatch(type);
        const body = await res.text();
        if (path.includes("jobs.")) expect(body, `GET ${path} after ${method}`).toContain(title);
      }
    }
  } finally {
    await resetWorld();
  }
});
