// What an attacker's afternoon found, each tried again the way it was found: bodies of any size
// at small routes, slow uploads holding the upload room, a rate limit checked too late, a
// filtered listing a CDN could share, prefetches without a script policy, cacheable redirects,
// health details for anyone, images drawn for any slug, an unreadable router state, client
// addresses behind proxies, and internal-only jobs on the public site.
import { expect, test } from "@playwright/test";
import { rawPost } from "../../scripts/raw-post.mjs";
import { E2E } from "../../playwright.config";
import { fillApplication, jobWhere, openForm, person, submit } from "./apply-support";
import { allEmulatorJobs, emulatorJobs, site, startSiteServer } from "./support";

test.describe.configure({ mode: "serial" });

const MiB = 1024 * 1024;
const port = () => Number(new URL(site()).port);

test("a body over its route's cap is refused unread, by its declared length or as it streams past the cap", async () => {
  const job = await jobWhere((j) => !j.require_cv);
  const routes: Array<[string, string]> = [
    ["/api/insights", "text/plain"],
    ["/api/apply/token", "application/json"],
    ["/api/alerts/confirm", "application/x-www-form-urlencoded"],
    ["/api/alerts/unsubscribe", "application/x-www-form-urlencoded"],
    ["/api/revalidate", "application/json"],
    [`/jobs/${job.unique_slug}`, "multipart/form-data; boundary=x"],
    [`/de/jobs/${job.unique_slug}/apply`, "multipart/form-data; boundary=x"],
    ["/alerts/new", "multipart/form-data; boundary=x"],
    ["/admin/login", "multipart/form-data; boundary=x"],
  ];
  for (const [path, type] of routes) {
    const declared = await rawPost(port(), path, { bytes: 400 * MiB, chunked: false, type });
    expect(declared.status, `${path} declared`).toBe(413);
    // Refused before the body: hardly any of the 400 MB was taken.
    expect(declared.sent, path).toBeLessThan(64 * MiB);
    // Chunked, there is no length to go by: the connection is cut once the cap is passed (or the
    // route answers without reading at all, as the beacon does for a request with no browser).
    const chunked = await rawPost(port(), path, { bytes: 400 * MiB, chunked: true, type });
    expect(chunked.sent, `${path} chunked`).toBeLessThan(120 * MiB);
    expect(chunked.status, `${path} chunked`).toBeLessThan(500);
  }
  // A type the route does not take: 415, with what it does take.
  const wrongType = await fetch(`${site()}/api/apply/token`, { method: "POST", headers: { "content-type": "application/xml" }, body: "<job/>" });
  expect(wrongType.status).toBe(415);
  expect(wrongType.headers.get("accept")).toContain("application/json");
  // What a browser sends still works.
  const token = await fetch(`${site()}/api/apply/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ job: job.uuid }) });
  expect(token.status).toBe(200);
});

test("a slow upload gives its room back, and an application from someone else behind it is accepted", async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await startSiteServer(E2E.appPort + 42, { TRUST_PROXY: "true", UPLOADS_IN_FLIGHT_MAX_MB: "1", UPLOAD_MIN_KBPS: "8" });
  try {
    const job = await jobWhere((j) => !j.require_cv);
    const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } })).newPage();
    const who = person("behind-slow");
    const openedAt = await openForm(page, job.unique_slug, { base: server.url });
    await fillApplication(page, job, who);
    await page.waitForTimeout(Math.max(0, openedAt + 2_200 - Date.now()));
    // Someone else declares an upload as large as the room and sends a byte a second.
    const slow = rawPost(Number(new URL(server.url).port), `/jobs/${job.unique_slug}/apply`, {
      bytes: MiB - 1024,
      chunked: false,
      type: "multipart/form-data; boundary=x",
      headers: { "x-forwarded-for": "203.0.113.9" },
      bytesPerSecond: 1,
    });
    await page.waitForTimeout(500);
    const sentAt = Date.now();
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page).toHaveURL(/\/applied/, { timeout: 40_000 });
    const cut = await slow;
    // Cut off after its grace (10 s), and only then was there room for the real one.
    expect(cut.ms).toBeGreaterThan(9_000);
    expect(cut.ms).toBeLessThan(30_000);
    expect(Date.now() - sentAt).toBeGreaterThan(5_000);
    expect(server.output()).toContain('"msg":"upload cut off"');
  } finally {
    await server.stop();
  }
});

test("over the applications' limit, an upload is refused before its body is read", async ({ page }) => {
  const server = await startSiteServer(E2E.appPort + 43, { APPLY_RATE_LIMIT_PER_MINUTE: "1" });
  try {
    const job = await jobWhere((j) => !j.require_cv);
    const openedAt = await openForm(page, job.unique_slug, { base: server.url });
    await fillApplication(page, job, person("limit-before-body"));
    await submit(page, openedAt);
    await expect(page).toHaveURL(/\/applied/);
    // The next one declares 40 MB and sends none of it: the answer comes at once.
    const refused = await rawPost(Number(new URL(server.url).port), `/jobs/${job.unique_slug}/apply`, {
      bytes: 40 * MiB,
      chunked: false,
      type: "multipart/form-data; boundary=x",
      bytesPerSecond: 1,
    });
    expect(refused.status).toBe(429);
    expect(refused.ms).toBeLessThan(3_000);
  } finally {
    await server.stop();
  }
});

test("a filtered listing is never shared by a CDN, and every page carries a script policy, prefetched or not", async () => {
  const plain = await fetch(`${site()}/`);
  expect(plain.headers.get("cache-control")).toContain("s-maxage");
  for (const path of ["/?q=store", "/?workplace=remote", "/de?q=lager", "/?department=Retail&country=IE"]) {
    const res = await fetch(`${site()}${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("cache-control") ?? "", path).not.toMatch(/public|s-maxage/);
    expect(res.headers.get("content-security-policy"), path).toMatch(/'nonce-/);
  }
  const prefetches: Array<Record<string, string>> = [{ purpose: "prefetch" }, { "sec-purpose": "prefetch" }, { "next-router-prefetch": "1" }];
  for (const headers of prefetches) {
    for (const path of ["/?q=store", "/accessibility", "/alerts/new", "/admin/login", "/nowhere-at-all"]) {
      const res = await fetch(`${site()}${path}`, { headers });
      const type = res.headers.get("content-type") ?? "";
      if (type.startsWith("text/html")) expect(res.headers.get("content-security-policy"), `${path} ${JSON.stringify(headers)}`).toMatch(/script-src/);
    }
  }
});

test("no redirect is stored by a shared cache", async () => {
  const job = (await emulatorJobs())[0]!;
  const paths = [`/jobs/${job.unique_slug}/`, "/de/", "/admin", "/admin/users"];
  for (const path of paths) {
    const res = await fetch(`${site()}${path}`, { redirect: "manual" });
    expect(res.status, path).toBeGreaterThanOrEqual(300);
    expect(res.status, path).toBeLessThan(400);
    expect(res.headers.get("cache-control"), path).toMatch(/private|no-store/);
    expect(res.headers.get("cache-control") ?? "", path).not.toMatch(/public|s-maxage/);
  }
});

test("cached pages let only the framework's own inline scripts run", async () => {
  const job = (await emulatorJobs())[0]!;
  for (const path of ["/", `/jobs/${job.unique_slug}`, `/de/jobs/${job.unique_slug}`]) {
    const res = await fetch(`${site()}${path}`);
    const policy = res.headers.get("content-security-policy") ?? "";
    const html = await res.text();
    const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)].filter((m) => !/\ssrc=/.test(m[1] ?? "") && !/application\/ld\+json/.test(m[1] ?? ""));
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    const hashes = scripts.match(/'sha256-[^']+'/g) ?? [];
    expect(hashes.length, path).toBe(inline.length);
    expect(scripts, path).not.toContain("unsafe-inline");
  }
});

test("health tells anyone only the verdict; Open Graph images and router states are for real pages", async () => {
  const health = await fetch(`${site()}/api/health`);
  expect(await health.json()).toEqual({ ok: true, status: expect.stringMatching(/^(ok|degraded)$/) });
  const job = (await emulatorJobs())[0]!;
  // The image's address as the job page gives it (Next adds a hash to its name).
  const html = await (await fetch(`${site()}/jobs/${job.unique_slug}`)).text();
  const image = new URL(/<meta property="og:image" content="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
  expect((await fetch(`${site()}${image.pathname}${image.search}`)).status).toBe(200);
  const unknown = image.pathname.replace(job.unique_slug, "no-such-job-at-all");
  expect((await fetch(`${site()}${unknown}${image.search}`)).status).toBe(404);
  expect((await fetch(`${site()}/de${unknown}${image.search}`)).status).toBe(404);
  for (const state of ["%%%", encodeURIComponent('["",{"children":["x",{},null,null,"nope"]}]'), encodeURIComponent("[1]")]) {
    const res = await fetch(`${site()}/?q=store`, { headers: { rsc: "1", "next-router-state-tree": state } });
    expect(res.status, state).toBe(400);
  }
});

test("behind proxies, the client is the address the trusted hops name, and IPv6 clients count by their /64", async ({ browser }) => {
  const server = await startSiteServer(E2E.appPort + 44, { TRUST_PROXY_HOPS: "2", ADMIN_EMAIL: E2E.adminEmail, ADMIN_PASSWORD: E2E.adminPassword });
  try {
    const attempt = async (forwarded: string) => {
      const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": forwarded } })).newPage();
      await page.goto(`${server.url}/admin/login`);
      await page.getByLabel("Email").fill(E2E.adminEmail);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.locator("#login-error")).toBeVisible();
      await page.context().close();
    };
    // A visitor's claim, a CDN, then the load balancer: the client is what the CDN saw.
    await attempt("6.6.6.6, 203.0.113.77, 10.0.0.2");
    await expect.poll(() => server.output()).toContain('"clientIp":"203.0.113.77"');
    await attempt("2001:db8:5:6:aaaa:bbbb:cccc:dddd, 10.0.0.2");
    await expect.poll(() => server.output()).toContain('"clientIp":"2001:db8:5:6::/64"');
    expect(server.output()).not.toContain("6.6.6.6");
  } finally {
    await server.stop();
  }
});

test("an internal-only job is on no public surface and takes no application", async () => {
  const internal = (await allEmulatorJobs()).find((j) => j.external === false)!;
  expect(internal).toBeTruthy();
  for (const path of ["/", "/?q=Regional", "/jobs.json", "/jobs.rss", "/sitemap.xml", "/de"]) {
    const text = await (await fetch(`${site()}${path}`)).text();
    expect(text, path).not.toContain(internal.title);
    expect(text, path).not.toContain(internal.unique_slug);
  }
  expect((await fetch(`${site()}/jobs/${internal.unique_slug}`)).status).toBe(404);
  expect((await fetch(`${site()}/jobs/${internal.unique_slug}/apply`)).status).toBe(404);
  const token = await fetch(`${site()}/api/apply/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ job: internal.uuid }) });
  expect(token.status).toBe(404);
});
