// HR insights end to end: real visits in Chromium counted by source (and crawlers and
// prefetches not), the admin tables and their CSV, job health on the emulator's jobs built to
// trip each rule, and a tracking link carried through to the candidate in Occupop.
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { HEALTH_TRIPS, HEALTHY_JOB } from "../helpers/health-cases";
import { logIn } from "./admin-support";
import { expectOneCandidate, fillApplication, jobWhere, person, submit } from "./apply-support";
import { expectNoAxeViolations, openEmulatorJobs, siteQuery } from "./support";

const GOOGLEBOT = "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

const tag = (name: string) => `${name}${randomBytes(4).toString("hex")}`;

/**
 * A channel HR made a tracking link for (only those, the referrer groups and the site's own are
 * kept as sources; anything else a browser reports counts as "other").
 */
async function knownChannel(name: string, jobUuid: string): Promise<string> {
  const channel = tag(name);
  const code = Array.from(randomBytes(6), (b) => "23456789abcdefghjkmnpqrstuvwxyz"[b % 31]).join("");
  await siteQuery(`INSERT INTO tracking_links (code, job_uuid, channel, created_at, created_by) VALUES ('${code}', '${jobUuid}', '${channel}', ${Date.now()}, 'e2e')`);
  // Made behind the server's back, as on another replica: the server reads the channels again
  // at most every 2 s while asked for one it does not know (lib/insights/sources.ts), and the
  // page's view beacon goes out as soon as the page is parsed.
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  return channel;
}

/** What the database holds for a job ("" for the listing) and source, per metric. */
async function counted(jobUuid: string, source: string): Promise<Record<string, number>> {
  const rows = await siteQuery<{ metric: string; n: number | string }>(
    `select metric, sum(count) as n from insight_counts where job_uuid = '${jobUuid}' and source = '${source}' group by metric`,
  );
  return Object.fromEntries(rows.map((r) => [r.metric, Number(r.n)]));
}

/** Waits for the page's beacon to have been answered. */
const beaconAnswered = (page: Page) => page.waitForResponse((r) => r.url().endsWith("/api/insights") && r.status() === 204);

test("real visits are counted by source; a crawler, a prefetch, and a page fetched ahead until it is shown, are not", async ({ page, browser }) => {
  const [job, other] = await openEmulatorJobs();
  const channel = await knownChannel("e2e", job!.uuid);

  // A visit by a tagged link, then on to the job list in the same tab: both carry the channel.
  const answered = beaconAnswered(page);
  await page.goto(`/jobs/${job!.unique_slug}?utm_source=${channel}`);
  await answered;
  await expect.poll(() => counted(job!.uuid, channel)).toEqual({ view: 1 });
  await page.goto("/");
  await expect.poll(() => counted("", channel)).toEqual({ view: 1 });
  // A utm_source nobody made a link for is kept as "other", never under its own name (another
  // visitor: this tab keeps the channel it landed with).
  const madeUp = tag("made-up");
  const otherBefore = (await counted(job!.uuid, "other")).view ?? 0;
  const someoneElse = await browser.newPage();
  const madeUpAnswered = beaconAnswered(someoneElse);
  await someoneElse.goto(`/jobs/${job!.unique_slug}?utm_source=${madeUp}`);
  await madeUpAnswered;
  await someoneElse.close();
  await expect.poll(async () => (await counted(job!.uuid, "other")).view ?? 0).toBe(otherBefore + 1);
  expect(await siteQuery(`select source from insight_counts where source = '${madeUp}'`)).toEqual([]);
  // Arriving at the form (which focuses its first field) is not a start; typing is, once.
  await page.goto(`/jobs/${job!.unique_slug}#apply`);
  await expect(page.getByLabel("First name")).toBeFocused();
  await expect.poll(() => counted(job!.uuid, channel)).toEqual({ view: 2 });
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await expect.poll(() => counted(job!.uuid, channel)).toEqual({ view: 2, start: 1 });

  // From LinkedIn, with no tag: the referrer's site, grouped.
  const linkedInBefore = (await counted(other!.uuid, "LinkedIn")).view ?? 0;
  const fromLinkedIn = await browser.newPage();
  await fromLinkedIn.goto(`/jobs/${other!.unique_slug}`, { referer: "https://www.linkedin.com/feed/" });
  expect(await fromLinkedIn.evaluate(() => document.referrer)).toMatch(/^https:\/\/www\.linkedin\.com\//);
  await expect.poll(async () => (await counted(other!.uuid, "LinkedIn")).view).toBe(linkedInBefore + 1);
  await fromLinkedIn.close();

  // Googlebot renders the page and runs its script: its beacon is answered, and not counted.
  const crawler = await browser.newContext({ userAgent: GOOGLEBOT });
  const bot = await crawler.newPage();
  const botChannel = await knownChannel("bot", job!.uuid);
  const botAnswered = beaconAnswered(bot);
  await bot.goto(`/jobs/${job!.unique_slug}?utm_source=${botChannel}`);
  await botAnswered;
  await crawler.close();

  // A prefetch (a browser's or a link preview's) that carries a beacon: not counted.
  const prefetchChannel = await knownChannel("prefetch", job!.uuid);
  const res = await page.request.post("/api/insights", {
    headers: { "content-type": "text/plain", "sec-purpose": "prefetch" },
    data: JSON.stringify({ type: "view", path: `/jobs/${job!.unique_slug}`, source: prefetchChannel }),
  });
  expect(res.status()).toBe(204);

  // A page the browser fetches ahead by speculation rules counts only once the visitor is shown it.
  const prerender = await browser.newContext({ bypassCSP: true });
  const start = await prerender.newPage();
  const shownChannel = await knownChannel("shown", job!.uuid);
  await start.goto("/");
  await start.evaluate((url) => {
    const rules = document.createElement("script");
    rules.type = "speculationrules";
    rules.textContent = JSON.stringify({ prerender: [{ source: "list", urls: [url], eagerness: "immediate" }] });
    document.head.append(rules);
  }, `/jobs/${other!.unique_slug}?utm_source=${shownChannel}`);
  await start.waitForTimeout(1500);
  // A later visit's count landing shows every earlier beacon was handled.
  const laterChannel = await knownChannel("later", job!.uuid);
  await page.goto(`/jobs/${other!.unique_slug}?utm_source=${laterChannel}`);
  await expect.poll(() => counted(other!.uuid, laterChannel)).toEqual({ view: 1 });
  expect(await counted(job!.uuid, botChannel)).toEqual({});
  expect(await counted(job!.uuid, prefetchChannel)).toEqual({});
  expect(await counted(other!.uuid, shownChannel)).toEqual({});

  await start.evaluate((url) => (location.href = url), `/jobs/${other!.unique_slug}?utm_source=${shownChannel}`);
  await start.waitForURL(/utm_source=/);
  // Shown from what the speculation fetched (headless Chromium turns a prerender into a
  // prefetch; a headed one activates the prerendered page): the speculation did happen.
  const speculative = await start.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming & { activationStart: number; deliveryType: string };
    return nav.activationStart > 0 || nav.deliveryType === "navigational-prefetch";
  });
  expect(speculative).toBe(true);
  await expect.poll(() => counted(other!.uuid, shownChannel)).toEqual({ view: 1 });
  await prerender.close();
});

/** A table's rows as text, heading row first, as a person reads them. */
async function tableText(page: Page, testId: string): Promise<string[][]> {
  const table = page.getByTestId(testId);
  const headers = await table.locator("thead th").allTextContents();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? "")));
  return [headers, ...rows];
}

test("/admin/insights shows the period's numbers, and each CSV holds exactly its table", async ({ page }) => {
  const [job] = await openEmulatorJobs();
  const channel = await knownChannel("csv", job!.uuid);
  await page.goto(`/jobs/${job!.unique_slug}?utm_source=${channel}`);
  await expect.poll(() => counted(job!.uuid, channel)).toEqual({ view: 1 });

  await logIn(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Insights");
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/period=7$/);
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("img", { name: "Job page views per day" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Applications per day" })).toBeVisible();
  expect(Number(await page.getByTestId("total-views").textContent())).toBeGreaterThanOrEqual(1);
  const sourceRow = page.getByTestId("table-sources").getByRole("row", { name: new RegExp(`^${channel}`) });
  await expect(sourceRow.getByRole("cell")).toHaveText(["0", "1", "0", "0", "0", "0.0%"]);

  for (const [name, testId] of [
    ["by job", "table-jobs"],
    ["by source", "table-sources"],
    ["by day", "table-daily"],
  ] as const) {
    const link = page.getByRole("link", { name: `Download ${name} (CSV)` });
    const download = await page.request.get((await link.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="insights-[a-z]+-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv"$/);
    const rows = parse(await download.body(), { bom: true }) as string[][];
    expect(rows).toEqual(await tableText(page, testId));
  }
  // The CSV is HR's: without a session it is not given.
  const anonymous = await page.request.fetch("/admin/insights/export?period=7&table=jobs", { headers: { cookie: "" }, maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["location"]).toMatch(/\/admin\/login$/);

  await expectNoAxeViolations(page);
});

test("job health flags each job built to trip a rule, with its fix, and not a healthy one", async ({ page }) => {
  await logIn(page);
  const overview = page.getByTestId("health-overview");
  for (const [title, rule] of HEALTH_TRIPS) {
    const item = overview.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await expect(item.locator(`[data-rule="${rule}"]`)).toContainText("In Occupop,");
  }
  await expect(overview.getByRole("link", { name: HEALTHY_JOB, exact: true })).toHaveCount(0);

  const healthy = (await openEmulatorJobs()).find((j) => j.title === HEALTHY_JOB)!;
  await page.goto(`/admin/jobs/${healthy.uuid}`);
  await expect(page.getByTestId("health-ok")).toBeVisible();
  const tripped = (await openEmulatorJobs()).find((j) => j.title === "Bike Mechanic")!;
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("link", { name: "Bike Mechanic", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/jobs/${tripped.uuid}$`));
  await expect(page.locator('[data-rule="salary-history"]')).toContainText("In Occupop, ");
  await expectNoAxeViolations(page);
});

test("a tracking link lands on its job with its channel, all the way to the candidate's source in Occupop", async ({ page, browser }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const channel = tag("fair");
  await logIn(page);
  await page.goto(`/admin/jobs/${job.uuid}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(job.title);

  // A channel with nothing usable in it: refused with a reason, and what was typed stays.
  await page.getByLabel("Channel").fill("!!!");
  await page.getByRole("button", { name: "Make a link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Name the channel" })).toBeVisible();
  await expect(page.getByLabel("Channel")).toHaveValue("!!!");

  await page.getByLabel("Channel").fill(channel);
  await page.getByRole("button", { name: "Make a link" }).click();
  const item = page.getByTestId("tracking-links").locator(`[data-channel="${channel}"]`);
  const url = (await item.getByTestId("tracking-link-url").textContent())!;
  expect(url).toMatch(/\/r\/[2-9a-hjkmnp-z]{6}$/);
  await expect(page.getByLabel("Channel")).toHaveValue("");
  await expectNoAxeViolations(page);

  // A candidate follows it from somewhere else entirely.
  const candidate = await browser.newPage();
  const path = new URL(url).pathname;
  await candidate.goto(path);
  await expect(candidate).toHaveURL(new RegExp(`/jobs/${job.unique_slug}\\?utm_source=${channel}$`));
  await candidate.getByRole("link", { name: "Apply now" }).click();
  await expect(candidate.getByRole("button", { name: "Submit application" })).toBeVisible();
  const openedAt = Date.now();
  const who = person(`link-${channel}`);
  await fillApplication(candidate, job, who);
  await submit(candidate, openedAt);
  await expect(candidate).toHaveURL(new RegExp(`/jobs/${job.unique_slug}/applied$`));
  const stored = await expectOneCandidate(who.email);
  expect(stored.payload.source).toMatch(new RegExp(`\\(utm_source: ${channel}\\)$`));
  await expect.poll(() => counted(job.uuid, channel)).toEqual({ view: 1, start: 1, submit: 1, deliver: 1 });
  await candidate.close();

  // HR sees the channel on the job's page, and a deleted link no longer leads anywhere.
  await page.reload();
  const row = page.getByTestId("table-job-sources").getByRole("row", { name: new RegExp(`^${channel}`) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1", "1", "1", "100.0%"]);
  await item.getByRole("button", { name: `Delete the ${channel} link` }).click();
  await expect(page.getByTestId("tracking-links").locator(`[data-channel="${channel}"]`)).toHaveCount(0);
  const gone = await page.request.get(path, { maxRedirects: 0 });
  expect(gone.status()).toBe(404);
});

test("a referral link names its referrer as the candidate's source in Occupop, and insights count the referrer apart", async ({ page, browser }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const referrer = `Dana Ó ${randomBytes(3).toString("hex")}`;
  const channel = `referral-${referrer.toLowerCase().replace(/\s+/g, "-")}`;
  await logIn(page);
  await page.goto(`/admin/jobs/${job.uuid}`);
  // No channel: it is made from the referrer's name.
  await page.getByLabel("Referrer’s name (optional)").fill(referrer);
  await page.getByRole("button", { name: "Make a link" }).click();
  const item = page.getByTestId("tracking-links").locator(`[data-channel="${channel}"]`);
  await expect(item.getByTestId("tracking-link-referrer")).toHaveText(`Referral by ${referrer}`);
  const url = (await item.getByTestId("tracking-link-url").textContent())!;
  await expectNoAxeViolations(page);

  const candidate = await browser.newPage();
  await candidate.goto(new URL(url).pathname);
  await expect(candidate).toHaveURL(new RegExp(`/jobs/${job.unique_slug}\\?utm_source=`));
  await candidate.getByRole("link", { name: "Apply now" }).click();
  await expect(candidate.getByRole("button", { name: "Submit application" })).toBeVisible();
  const openedAt = Date.now();
  const who = person(`referral-${randomBytes(3).toString("hex")}`);
  await fillApplication(candidate, job, who);
  await submit(candidate, openedAt);
  await expect(candidate).toHaveURL(new RegExp(`/jobs/${job.unique_slug}/applied$`));
  const stored = await expectOneCandidate(who.email);
  expect(stored.payload.source).toMatch(new RegExp(`\\(referred by ${referrer}\\)$`));
  await expect.poll(() => counted(job.uuid, channel)).toEqual({ view: 1, start: 1, submit: 1, deliver: 1 });
  await candidate.close();

  // On the job's insights, the referrer's channel is a row of its own.
  await page.reload();
  const row = page.getByTestId("table-job-sources").getByRole("row", { name: new RegExp(`^${channel}`) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1", "1", "1", "100.0%"]);
});
