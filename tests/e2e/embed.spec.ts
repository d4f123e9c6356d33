// The company's main site showing its jobs: a page served from another origin loads the widget
// with one script tag (under a host policy that allows just that script and its data), and
// another frames /embed under a strict policy that allows no foreign script at all. Each lists
// the open jobs, filtered as asked, in the brand, reachable by keyboard, with no cookies and
// nothing from anyone else; a click lands on the job tagged utm_source=embed, which insights count.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { openEmulatorJobs, site, siteQuery, type WireJob } from "./support";

/** A site of the company's own on another origin, serving the pages given, with their policies. */
async function hostSite(pages: Record<string, { html: string; csp: string }>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const p = pages[req.url ?? "/"];
    if (!p) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": p.csp }).end(p.html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const departmentOf = (j: WireJob) => j.sectors[0]?.name ?? null;
const origins = (page: Page) => {
  const seen = new Set<string>();
  page.on("request", (r) => void seen.add(new URL(r.url()).origin));
  return seen;
};

test("the widget lists the open jobs on another site, filtered, in the brand, by keyboard, without cookies", async ({ page, context }) => {
  const jobs = await openEmulatorJobs();
  const counts = new Map<string, number>();
  for (const j of jobs) if (departmentOf(j)) counts.set(departmentOf(j)!, (counts.get(departmentOf(j)!) ?? 0) + 1);
  const [department, inDepartment] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  expect(inDepartment).toBeGreaterThan(2);
  const remote = jobs.filter((j) => j.workplace === "remote");
  expect(remote.length).toBeGreaterThan(0);
  const careers = new URL(site()).origin;
  // A host that allows the widget's script and its data, and nothing else from anyone.
  const csp = `default-src 'self'; script-src 'self' ${careers}; connect-src ${careers}; style-src 'self'; img-src 'self'`;
  const host = await hostSite({
    // The script where the list goes.
    "/": {
      csp,
      html: `<!doctype html><html lang="en"><head><title>Kestrel Outdoor</title></head><body>
<h1>Kestrel Outdoor</h1><p><a id="before" href="/about">About us</a></p>
<script src="${careers}/embed.js" async data-department="${department}" data-limit="2"></script>
<p id="after">Thanks for visiting.</p>
</body></html>`,
    },
    // The script in the head, the list in the slot the page made, with options of its own.
    "/remote": {
      csp,
      html: `<!doctype html><html lang="en"><head><title>Remote jobs</title><script src="${careers}/embed.js" async data-limit="50"></script></head><body>
<h1>Remote, in German</h1><div data-careers-jobs data-workplace="remote" data-lang="de"></div>
</body></html>`,
    },
  });
  const seen = origins(page);
  try {
    await page.goto(host.url);
    const first = page.locator("careers-jobs");
    // Where the script stands.
    await expect(first.getByRole("heading", { name: /^Open jobs at / })).toBeVisible();
    expect(await page.evaluate(() => document.querySelector("script[data-department]")?.nextElementSibling?.tagName)).toBe("CAREERS-JOBS");
    const links = first.getByRole("list").getByRole("link");
    await expect(links).toHaveCount(2);
    const titles = jobs.filter((j) => departmentOf(j) === department).map((j) => j.title);
    for (const link of await links.all()) {
      expect(titles).toContain(await link.textContent());
      const href = new URL((await link.getAttribute("href"))!);
      expect(href.origin).toBe(careers);
      expect(href.pathname).toMatch(/^\/jobs\/[^/]+$/);
      expect(Object.fromEntries(href.searchParams)).toEqual({ utm_source: "embed", utm_medium: "widget" });
    }
    await expect(first.getByRole("link", { name: `See all open jobs (${jobs.length})` })).toBeVisible();

    // In the brand: the links in the site's primary colour, as /jobs.json gives it.
    const brand = ((await (await fetch(`${site()}/jobs.json`)).json()) as { widget: { primaryColor: string } }).widget.primaryColor;
    const rgb = `rgb(${[1, 3, 5].map((i) => Number.parseInt(brand.slice(i, i + 2), 16)).join(", ")})`;
    expect(await links.first().evaluate((a) => getComputedStyle(a).color)).toBe(rgb);

    // By keyboard: from the host's last link before it, Tab reaches the first job, then the next.
    await page.locator("#before").focus();
    await page.keyboard.press("Tab");
    await expect(links.first()).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(links.nth(1)).toBeFocused();

    // No cookies, and nothing fetched from anyone but the host and the careers site.
    expect(await context.cookies()).toEqual([]);
    expect([...seen].sort()).toEqual([careers, host.url].sort());

    // In the slot, with the slot's options (the script's limit still applies).
    const other = await context.newPage();
    await other.goto(`${host.url}/remote`);
    const german = other.locator("div[data-careers-jobs] careers-jobs");
    await expect(german.getByRole("heading", { name: /^Offene Stellen bei / })).toBeVisible();
    await expect(german.getByRole("list").getByRole("link")).toHaveCount(Math.min(50, remote.length));
    for (const link of await german.getByRole("list").getByRole("link").all()) {
      expect(remote.map((j) => j.title)).toContain(await link.textContent());
      expect(new URL((await link.getAttribute("href"))!).pathname).toMatch(/^\/de\/jobs\//);
    }
    await expect(german.getByRole("link", { name: "Alle offenen Stellen ansehen" })).toBeVisible();
    await other.close();

    // A click opens the job, and insights count the visit under "embed".
    const href = new URL((await links.first().getAttribute("href"))!);
    const job = jobs.find((j) => href.pathname === `/jobs/${j.unique_slug}`)!;
    const before = await viewsFromEmbed(job.uuid);
    await links.first().click();
    await expect(page).toHaveURL(`${careers}/jobs/${job.unique_slug}?utm_source=embed&utm_medium=widget`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(job.title);
    await expect.poll(() => viewsFromEmbed(job.uuid), { timeout: 15_000 }).toBe(before + 1);
  } finally {
    await host.close();
  }
});

async function viewsFromEmbed(jobUuid: string): Promise<number> {
  const rows = await siteQuery<{ n: number | string | null }>(`select sum(count) as n from insight_counts where job_uuid = '${jobUuid}' and source = 'embed' and metric = 'view'`);
  return Number(rows[0]?.n ?? 0);
}

test("the /embed iframe lists the jobs under a host's strict policy and grows to fit", async ({ page }) => {
  const remote = (await openEmulatorJobs()).filter((j) => j.workplace === "remote");
  const careers = new URL(site()).origin;
  // The host's own snippet, allowed by its hash: it sets the frame's height from the frame's message.
  const snippet = `addEventListener("message",function(e){if(e.origin==="${careers}"&&e.data&&e.data.careersEmbedHeight)document.getElementById("jobs").style.height=e.data.careersEmbedHeight+"px"})`;
  const host = await hostSite({
    "/": {
      csp: `default-src 'none'; frame-src ${careers}; script-src 'sha256-${createHash("sha256").update(snippet).digest("base64")}'; style-src 'unsafe-inline'`,
      html: `<!doctype html><html lang="en"><head><title>Kestrel Outdoor</title></head><body><h1>Kestrel Outdoor</h1>
<iframe id="jobs" title="Open jobs" src="${careers}/embed?workplace=remote&limit=3" style="width:100%;border:0;height:100px"></iframe>
<script>${snippet}</script></body></html>`,
    },
  });
  try {
    await page.goto(host.url);
    const frame = page.frameLocator("#jobs");
    const links = frame.getByRole("list").getByRole("link");
    await expect(links).toHaveCount(Math.min(3, remote.length));
    for (const link of await links.all()) {
      expect(remote.map((j) => j.title)).toContain(await link.textContent());
      await expect(link).toHaveAttribute("target", "_top");
      expect(new URL((await link.getAttribute("href"))!).searchParams.get("utm_medium")).toBe("iframe");
    }
    // It told the host its height, and the host's snippet applied it.
    await expect.poll(() => page.locator("#jobs").evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(150);

    // A click leaves the host for the job, in the whole window.
    await links.first().click();
    await expect(page).toHaveURL(new RegExp(`^${careers}/jobs/[^?]+\\?utm_source=embed&utm_medium=iframe$`));
  } finally {
    await host.close();
  }
});

test("the widget, its data and the iframe are served for any site and for a CDN to keep", async ({ request }) => {
  const script = await request.get(`${site()}/embed.js`);
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toMatch(/javascript/);
  expect(script.headers()["access-control-allow-origin"]).toBe("*");
  expect(script.headers()["cache-control"]).toMatch(/^public, max-age=3600, s-maxage=86400/);
  const gzipped = gzipSync(await script.body(), { level: 9 }).length;
  test.info().annotations.push({ type: "embed.js gzipped", description: `${gzipped} bytes` });
  expect(gzipped, "about 10 KB gzipped at most").toBeLessThan(10 * 1024);

  const data = await request.get(`${site()}/jobs.json`, { headers: { origin: "http://127.0.0.1:9" } });
  expect(data.headers()["access-control-allow-origin"]).toBe("*");
  expect(data.headers()["cache-control"]).toMatch(/^public, .*s-maxage=60/);
  expect(data.headers()["set-cookie"]).toBeUndefined();

  const framed = await request.get(`${site()}/embed?department=nothing-like-this`);
  expect(framed.status()).toBe(200);
  expect(framed.headers()["content-security-policy"]).toMatch(/frame-ancestors \*/);
  expect(framed.headers()["content-security-policy"]).toMatch(/default-src 'none'/);
  expect(framed.headers()["cache-control"]).toMatch(/^public, .*s-maxage=60/);
  expect(framed.headers()["set-cookie"]).toBeUndefined();
  expect(await framed.text()).toContain("No open jobs match right now.");
});
