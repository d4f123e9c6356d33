import { expect, test } from "@playwright/test";
import { emulatorControl, healthDetails, listingRequests, openEmulatorJobs, resetWorld, revalidate, site, startSiteServer } from "./support";
import { E2E } from "../../playwright.config";

test.afterEach(async () => {
  await emulatorControl("/faults", "DELETE");
  await resetWorld();
});

test("a burst of cold visits and many warm ones make one upstream listing", async () => {
  // Counted from before the server starts: its own start-up (the alerts worker) may ask first.
  await emulatorControl("/requests", "DELETE");
  // Slow Occupop down a little so the first visits really overlap.
  await emulatorControl("/faults", "POST", { target: "list", kind: "latency", latencyMs: 300, count: 1 });
  const site = await startSiteServer(E2E.appPort + 20);
  try {
    const cold = await Promise.all(Array.from({ length: 100 }, () => fetch(`${site.url}/`)));
    expect(cold.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(await listingRequests()).toBe(1);
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${site.url}/${i % 2 ? "" : "?workplace=remote"}`)));
    }
    expect(await listingRequests()).toBe(1);
  } finally {
    await site.stop();
  }
});

test("revalidation refuses a wrong secret with 401, and a right one brings fresh data at once", async ({ page }) => {
  const job = (await openEmulatorJobs())[0]!;
  await emulatorControl(`/jobs/${job.uuid}`, "PATCH", { title: "Chief Trail Officer" });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Chief Trail Officer" })).toHaveCount(0);

  const wrong = await fetch(`${site()}/api/revalidate`, { method: "POST", headers: { Authorization: "Bearer not-the-secret-at-all" } });
  expect(wrong.status).toBe(401);
  const missing = await fetch(`${site()}/api/revalidate`, { method: "POST" });
  expect(missing.status).toBe(401);

  await revalidate();
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Chief Trail Officer" })).toHaveCount(1);
});

test("when Occupop fails, pages keep serving the last good data", async ({ page }) => {
  const open = await openEmulatorJobs();
  await emulatorControl("/faults", "POST", { target: "list", kind: "500", count: 50 });
  const res = await fetch(`${site()}/api/revalidate`, { method: "POST", headers: { Authorization: `Bearer ${E2E.revalidateSecret}` } });
  expect(res.status).toBe(502);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("job-list").locator("article")).toHaveCount(open.length);
  const health = (await healthDetails()).report;
  expect(health).toMatchObject({ ok: true, status: "degraded", jobs: { stale: true } });
});

test("with no data ever loaded, pages say jobs are temporarily unavailable, with HTTP 503", async ({ page }) => {
  await emulatorControl("/faults", "POST", { target: "list", kind: "500", count: 1000 });
  const site = await startSiteServer(E2E.appPort + 21);
  try {
    const response = await page.goto(`${site.url}/`);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs are temporarily unavailable");
    expect((await fetch(`${site.url}/jobs/anything`)).status).toBe(503);
    expect((await fetch(`${site.url}/jobs.rss`)).status).toBe(503);
    // In each language's own words, and marked as such.
    const german = await page.goto(`${site.url}/de/jobs/anything`);
    expect(german?.status()).toBe(503);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Die Stellen sind vorübergehend nicht verfügbar");
    expect(await (await fetch(`${site.url}/fr/jobs.rss`)).text()).toContain("Les offres sont temporairement indisponibles");
    const health = await healthDetails(site.url);
    expect(health.status).toBe(503);
    expect(health.report).toMatchObject({ ok: false, status: "unavailable", reason: expect.stringContaining("Occupop is unreachable") });
    // Without the token: the verdict only, nothing about the server.
    const plain = await fetch(`${site.url}/api/health`);
    expect(plain.status).toBe(503);
    expect(await plain.json()).toEqual({ ok: false, status: "unavailable" });
    // The log says why, and never carries the token.
    expect(site.output()).toContain("job listing refresh failed");
    expect(site.output()).not.toContain(E2E.token);
  } finally {
    await site.stop();
  }
});
