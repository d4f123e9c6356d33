// What an operator sees, against the built server as the tests run it (metrics and traces on, as
// playwright.config.ts sets them): /metrics only for METRICS_TOKEN, its counters and the
// oldest-pending gauge moving with a real application under a real Occupop fault, its text
// passing Prometheus' promtool, and the traces of that application, with nobody's data in them.
import { execFileSync } from "node:child_process";
import { expect, test, type Browser } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectOneCandidate, fillApplication, jobWhere, openForm, pdf, person, submit, testFile, type Person } from "./apply-support";
import { emulatorControl, site, target } from "./support";

const RECEIVER = `http://127.0.0.1:${E2E.otlpPort}`;

async function scrape(headers: Record<string, string> = { authorization: `Bearer ${E2E.metricsToken}` }): Promise<Response> {
  return fetch(`${site()}/metrics`, { headers });
}

/** One sample's value from an exposition (0 when the series is absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").split(",").filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

async function metricsText(): Promise<string> {
  const res = await scrape();
  expect(res.status).toBe(200);
  return res.text();
}

type Span = { traceId: string; spanId: string; parentSpanId: string | null; name: string; attributes: Record<string, unknown>; service: string; events: unknown[] };

async function spans(): Promise<Span[]> {
  const service = `careers-site-${target().kind}`;
  return ((await (await fetch(`${RECEIVER}/spans`)).json()) as Span[]).filter((s) => s.service === service);
}

async function applyThroughTheBrowser(browser: Browser, tag: string): Promise<{ who: Person; slug: string }> {
  const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job && !j.require_opt_in_for_database);
  const page = await browser.newPage();
  try {
    const who = person(tag);
    const openedAt = await openForm(page, job.unique_slug);
    await fillApplication(page, job, who, testFile(`${tag}.pdf`, pdf(tag)).path);
    await submit(page, openedAt);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 20_000 });
    return { who, slug: job.unique_slug };
  } finally {
    await page.close();
  }
}

test.afterEach(async () => {
  await emulatorControl("/faults", "DELETE");
});

test("/metrics answers only METRICS_TOKEN's holder; to anyone else it does not exist", async () => {
  for (const headers of [{} as Record<string, string>, { authorization: "Bearer wrong-token-0123456789" }, { authorization: `Basic ${Buffer.from(`x:${E2E.metricsToken}`).toString("base64")}` }, { authorization: `Bearer ${E2E.metricsToken}x` }]) {
    const res = await scrape(headers);
    expect(res.status, JSON.stringify(headers)).toBe(404);
    expect(await res.text()).not.toContain("careers_");
  }
  const res = await fetch(`${site()}/metrics?token=${E2E.metricsToken}`);
  expect(res.status).toBe(404);
  const ok = await scrape();
  expect(ok.status).toBe(200);
  expect(ok.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  expect(ok.headers.get("cache-control")).toContain("no-store");
  const text = await ok.text();
  expect(text).toContain("# TYPE careers_applications gauge");
  expect(text).toContain("process_resident_memory_bytes");
});

test("an application under an Occupop fault moves the counters and the oldest-pending gauge, and its trace reaches the collector clean", async ({ browser }) => {
  test.setTimeout(90_000);
  await fetch(`${RECEIVER}/spans`, { method: "DELETE" });
  const before = await metricsText();
  const created = (outcome: string) => ({ operation: "createCandidate", outcome });
  await emulatorControl("/faults", "POST", { target: "create", kind: "500", count: 1000 });
  const { who, slug } = await applyThroughTheBrowser(browser, "metrics");

  // Waiting: counted as pending, the oldest pending age growing, Occupop's 500s counted as such.
  let during = "";
  await expect
    .poll(async () => {
      during = await metricsText();
      return sample(during, "careers_occupop_requests_total", created("server_error")) - sample(before, "careers_occupop_requests_total", created("server_error"));
    }, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(2);
  expect(sample(during, "careers_applications", { state: "pending" })).toBeGreaterThanOrEqual(sample(before, "careers_applications", { state: "pending" }) + 1);
  expect(sample(during, "careers_application_delivery_attempts_total", { outcome: "retry" })).toBeGreaterThan(sample(before, "careers_application_delivery_attempts_total", { outcome: "retry" }));
  const age = sample(during, "careers_application_oldest_pending_age_seconds");
  expect(age).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  expect(sample(await metricsText(), "careers_application_oldest_pending_age_seconds")).toBeGreaterThan(age + 1);

  // Occupop recovers: delivered once, timed, and the queue is empty again.
  await emulatorControl("/faults", "DELETE");
  await expectOneCandidate(who.email, 30_000);
  let after = "";
  await expect
    .poll(async () => {
      after = await metricsText();
      return sample(after, "careers_application_delivery_duration_seconds_count") - sample(before, "careers_application_delivery_duration_seconds_count");
    }, { timeout: 15_000 })
    .toBe(1);
  expect(sample(after, "careers_occupop_requests_total", created("ok"))).toBe(sample(before, "careers_occupop_requests_total", created("ok")) + 1);
  expect(sample(after, "careers_application_delivery_attempts_total", { outcome: "delivered" })).toBe(sample(before, "careers_application_delivery_attempts_total", { outcome: "delivered" }) + 1);
  expect(sample(after, "careers_applications", { state: "pending" })).toBe(sample(before, "careers_applications", { state: "pending" }));
  expect(sample(after, "careers_application_oldest_pending_age_seconds")).toBe(0);
  // It took more than one attempt (the attempts histogram's sum grew by more than its count).
  const attempts = sample(after, "careers_application_delivery_attempts_sum") - sample(before, "careers_application_delivery_attempts_sum");
  expect(attempts).toBeGreaterThanOrEqual(3);

  // Nothing about the applicant or the job in any label; Prometheus' own lint passes.
  for (const secret of [who.email, who.lastName, slug, "127.0.0.1"]) expect(after).not.toContain(secret);
  expect(execFileSync(process.env.PROMTOOL ?? "promtool", ["check", "metrics"], { input: after, encoding: "utf8" }).trim()).toBe("");

  // The trace: the form's render and its server action (Next.js's spans), the deliveries with
  // their Occupop calls nested in them, the database queries; no personal data anywhere.
  let all: Span[] = [];
  await expect
    .poll(async () => {
      all = await spans();
      return all.filter((s) => s.name === "outbox deliver" && s.attributes["careers.delivery.outcome"] === "delivered").length;
    }, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1);
  const names = [...new Set(all.map((s) => s.name))];
  // The job page with its form, rendered, and the thank-you page.
  expect(names, names.join(" | ")).toEqual(expect.arrayContaining(["prerender route (app) /[locale]/jobs/[slug]", "render route (app) /[locale]/jobs/[slug]/applied"]));
  const byId = new Map(all.map((s) => [s.spanId, s]));
  const ancestors = (s: Span): Span[] => {
    const chain: Span[] = [];
    for (let p = s.parentSpanId ? byId.get(s.parentSpanId) : undefined; p; p = p.parentSpanId ? byId.get(p.parentSpanId) : undefined) chain.push(p);
    return chain;
  };
  // The server action (a POST to the job page) stored the application and made the first attempt.
  const action = all.filter((s) => s.name === "POST /[locale]/jobs/[slug]");
  expect(action.length).toBeGreaterThanOrEqual(1);
  const firstDelivery = all.filter((s) => s.name === "outbox deliver" && ancestors(s).some((a) => a.name === "POST /[locale]/jobs/[slug]"));
  expect(firstDelivery.map((s) => s.attributes["careers.delivery.outcome"])).toContain("queued");
  expect(all.filter((s) => s.name === "INSERT applications" && ancestors(s).some((a) => a.name === "POST /[locale]/jobs/[slug]")).length).toBe(1);
  const creates = all.filter((s) => s.name === "occupop createCandidate");
  expect(creates.map((s) => s.attributes["occupop.outcome"])).toEqual(expect.arrayContaining(["server_error", "ok"]));
  for (const create of creates) expect(ancestors(create).map((s) => s.name)).toContain("outbox deliver");
  const queries = all.filter((s) => s.attributes["db.system.name"] === (target().kind === "postgres" ? "postgresql" : "sqlite"));
  expect(queries.filter((q) => ancestors(q).some((a) => a.name === "outbox deliver")).length).toBeGreaterThan(0);
  const everything = JSON.stringify(all);
  for (const secret of [who.email, who.lastName, who.phone, "Galway", E2E.token, "X-Amz", "signature="]) expect(everything, secret).not.toContain(secret);
});
