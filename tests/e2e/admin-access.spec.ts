// Nobody without a session reads admin data, however they ask. Every page and route under
// app/admin is found on disk (a new one is covered without touching this file) and asked the
// way Next.js's router asks, without a session: a plain GET, React Server Component requests
// whose router state claims the client already holds the segments above it (so Next renders
// from below the admin layout's check) at every depth, prefetches, HEAD, and every server action
// of the build, posted as the page's script and as a form without JavaScript. No answer may
// carry what an administrator sees there, nor data planted for the test, nor a 5xx; and no
// action may change anything.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { createAdminWithCli, logIn } from "./admin-support";
import { appRoutes, dynamicName, isGroup, type AppRoute } from "./app-routes";
import { openEmulatorJobs, site, siteQuery } from "./support";

test.describe.configure({ mode: "serial" });

/** Every page and route handler under app/admin. */
const adminRoutes = () => appRoutes("admin");

/** The URL of a route, its dynamic segments filled with `value`. */
function urlOf(route: AppRoute, value: string): string {
  return `/${route.segments.filter((s) => !isGroup(s)).map((s) => (dynamicName(s) ? value : s)).join("/")}`;
}

type Tree = [unknown, Record<string, unknown>, null, null, number];

/**
 * A router-state tree (Next's Next-Router-State-Tree header) claiming the client holds the
 * first `held` segments of the route, then something else: Next renders from there down.
 */
function stateTree(route: AppRoute, held: number, value: string): string {
  const segments = [...route.segments, "__PAGE__"].map((s) => {
    const name = dynamicName(s);
    return name ? [name, value, "d", null] : s;
  });
  let node: Tree = ["__PAGE__", {}, null, null, 0];
  if (held < segments.length) node = ["not-what-you-ask-for", { children: node }, null, null, 0];
  for (let i = Math.min(held, segments.length) - 1; i >= 0; i--) {
    if (segments[i] === "__PAGE__") continue;
    node = [segments[i], { children: node }, null, null, 0];
  }
  const root = ["", { children: node }, null, null, 1040];
  return encodeURIComponent(JSON.stringify(root));
}

/** `sent`: what the request itself carried (a form keeps what was typed, so it may come back). */
type Answer = { what: string; status: number; type: string; body: string; location: string; sent: string[] };

async function ask(what: string, url: string, init: RequestInit = {}): Promise<Answer> {
  const sent = init.body instanceof FormData ? [...init.body.values()].filter((v): v is string => typeof v === "string") : [];
  let res = await fetch(url, { ...init, redirect: "manual" });
  // Next sends an RSC request without the right cache-busting parameter on to one with it (307).
  const location = res.headers.get("location") ?? "";
  const headers = new Headers(init.headers);
  if (res.status === 307 && headers.get("rsc") && /[?&]_rsc=/.test(location)) res = await fetch(new URL(location, url), { ...init, redirect: "manual" });
  return { what, status: res.status, type: res.headers.get("content-type") ?? "", body: init.method === "HEAD" ? "" : await res.text(), location: res.headers.get("location") ?? "", sent };
}

/** The server actions this build has (Next's manifest of them). */
function actionIds(): string[] {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, unknown> };
  return Object.keys(manifest.node);
}

type Targets = { jobUuid: string; applicationId: string; linkCode: string; adminEmail: string };

/** Fields every admin form has one of, aimed at the planted data: any action that ran would change it. */
function formFields({ jobUuid, applicationId, linkCode, adminEmail }: Targets): Record<string, string> {
  return {
    email: adminEmail,
    password: "an-intruders-password",
    yourPassword: "an-intruders-password",
    current: "an-intruders-password",
    next: "a-new-password-for-me",
    confirm: "yes",
    id: applicationId,
    version: "1",
    baseVersion: "0",
    on: "false",
    job: jobUuid,
    channel: "intruder",
    code: linkCode,
    companyName: "Taken Over Ltd",
    languages: "en",
  };
}

/** What the database holds that an anonymous action must not change. */
async function snapshot({ applicationId }: Targets): Promise<string> {
  const parts = await Promise.all([
    siteQuery("SELECT email, password_hash, totp_secret, totp_pending_secret FROM admin_users ORDER BY email"),
    siteQuery("SELECT COUNT(*) AS n FROM branding_versions"),
    siteQuery("SELECT code, channel FROM tracking_links ORDER BY code"),
    siteQuery(`SELECT id, status FROM applications WHERE id = '${applicationId}'`),
    siteQuery("SELECT key, value FROM settings WHERE key <> 'app_secret' ORDER BY key"),
  ]);
  return JSON.stringify(parts);
}

test("no request without a session reads admin data or changes anything, whatever it claims to hold", async ({ page }) => {
  test.setTimeout(240_000);
  const routes = adminRoutes();
  expect(routes.map((r) => r.file)).toEqual(expect.arrayContaining([join("app", "admin", "(protected)", "users", "page.tsx"), join("app", "admin", "(protected)", "insights", "export", "route.ts")]));
  const job = (await openEmulatorJobs())[0]!;

  // Data only an administrator may see, planted where the admin pages show it.
  const tag = Date.now().toString(36);
  const marks = {
    admin: `access-marker-${tag}@kestrel.example`,
    applicant: `applicant-marker-${tag}@example.com`,
    subscriber: `subscriber-marker-${tag}@example.com`,
    channel: `channel-marker-${tag}`,
  };
  createAdminWithCli(marks.admin, "a-marker-admin-password");
  const now = Date.now();
  const targets: Targets = { jobUuid: job.uuid, applicationId: crypto.randomUUID(), linkCode: `m${tag.slice(-5).padStart(5, "2")}`.replace(/[01ilo]/g, "x"), adminEmail: marks.admin };
  const payload = JSON.stringify({ firstName: "Marker", lastName: "Applicant", email: marks.applicant, phone: "", linkedin: "", city: "", region: "", countryCode: "", coverLetter: "", source: "", answers: [], consentJob: null, consentDatabase: null });
  await siteQuery(
    `INSERT INTO applications (id, idempotency_key, job_uuid, job_slug, job_title, dedupe_key, payload, resume_stored, status, step, attempts, next_attempt_at, uncertain_creates, created_at, updated_at, failure_reason, failure_kind)
     VALUES ('${targets.applicationId}', 'marker-${tag}', '${job.uuid}', '${job.unique_slug}', 'Marker job', 'marker-${tag}', '${payload}', 0, 'failed', 'stored', 1, ${now}, 0, ${now}, ${now}, 'planted for the access test', 'rejected')`,
  );
  const subscription = crypto.randomUUID();
  await siteQuery(`INSERT INTO alert_subscriptions (id, email, filters, status, created_at) VALUES ('${subscription}', '${marks.subscriber}', '{}', 'confirmed', ${now})`);
  await siteQuery(
    `INSERT INTO mail_outbox (id, kind, subscription_id, to_address, subject, text_body, html_body, headers, status, next_attempt_at, created_at, last_error)
     VALUES ('${crypto.randomUUID()}', 'digest', '${subscription}', '${marks.subscriber}', 'x', 'x', 'x', '{}', 'failed', ${now}, ${now}, 'planted')`,
  );
  await siteQuery(`INSERT INTO tracking_links (code, job_uuid, channel, created_at, created_by) VALUES ('${targets.linkCode}', '${job.uuid}', '${marks.channel}', ${now}, '${E2E.adminEmail}')`);

  // What an administrator sees on each page: its headings must reach nobody else.
  await logIn(page);
  const seen = new Map<string, string[]>();
  for (const route of routes.filter((r) => r.kind === "page")) {
    const url = urlOf(route, job.uuid);
    await page.goto(url);
    // The page's own title is its metadata (the tab's name), sent before any check: not data.
    const title = (await page.title()).split(" | ")[0]!.trim();
    const headings = (await page.locator("main h1, main h2").allTextContents()).map((t) => t.trim()).filter((t) => t.length > 6 && t !== title);
    seen.set(url, headings);
  }
  const adminHtml = (await page.goto("/admin/applications"))!;
  expect(await adminHtml.text()).toContain(marks.applicant);
  const loginPage = await (await fetch(`${site()}/admin/login`)).text();
  const secrets = [...Object.values(marks), E2E.adminEmail, ...[...seen.values()].flat().filter((h) => !loginPage.includes(h))];
  expect(secrets.length).toBeGreaterThan(Object.keys(marks).length + routes.length);

  const before = await snapshot(targets);
  const answers: Answer[] = [];
  const base = site();
  const ids = actionIds();
  expect(ids.length).toBeGreaterThan(10);
  for (const route of routes) {
    const url = `${base}${urlOf(route, job.uuid)}`;
    answers.push(await ask(`GET ${url}`, url));
    answers.push(await ask(`HEAD ${url}`, url, { method: "HEAD" }));
    answers.push(await ask(`GET ${url} (Purpose: prefetch)`, url, { headers: { purpose: "prefetch", "sec-purpose": "prefetch" } }));
    const depths = route.segments.length + 1;
    for (let held = 0; held <= depths; held++) {
      const tree = stateTree(route, held, job.uuid);
      answers.push(await ask(`RSC ${url} holding ${held}`, url, { headers: { rsc: "1", "next-router-state-tree": tree } }));
      answers.push(await ask(`RSC prefetch ${url} holding ${held}`, url, { headers: { rsc: "1", "next-router-prefetch": "1", "next-router-state-tree": tree } }));
    }
    // Every action of the build, at this address: as the page's script calls it, and as a form posts it.
    for (const id of ids) {
      // React's encoding of (previous state, form): the form's fields under "_1_", then the arguments.
      const script = new FormData();
      for (const [name, value] of Object.entries(formFields(targets))) script.set(`_1_${name}`, value);
      script.set("0", JSON.stringify([null, "$K1"]));
      answers.push(await ask(`action ${id} at ${url}`, url, { method: "POST", headers: { "next-action": id, accept: "text/x-component" }, body: script }));
      const plain = new FormData();
      plain.set(`$ACTION_ID_${id}`, "");
      for (const [name, value] of Object.entries(formFields(targets))) plain.set(name, value);
      answers.push(await ask(`form post ${id} at ${url}`, url, { method: "POST", body: plain }));
    }
  }

  const problems: string[] = [];
  for (const answer of answers) {
    if (answer.status >= 500) problems.push(`${answer.what}: ${answer.status}`);
    if (/text\/csv/.test(answer.type)) problems.push(`${answer.what}: answered with a CSV`);
    for (const secret of secrets) if (answer.body.includes(secret) && !answer.sent.includes(secret)) problems.push(`${answer.what}: shows "${secret}"`);
  }
  expect(problems).toEqual([]);
  // The anonymous login action did run as a login (the body was what React sends), and refused.
  expect(answers.some((a) => a.body.includes("do not match an administrator"))).toBe(true);
  expect(await snapshot(targets)).toEqual(before);
});

/** The admin pages, signed in: each still works for its administrator (the checks cost nothing there). */
test("an administrator still reaches every admin page and the export", async ({ page }: { page: Page }) => {
  const job = (await openEmulatorJobs())[0]!;
  await logIn(page);
  for (const route of adminRoutes().filter((r) => r.segments.includes("(protected)"))) {
    const url = urlOf(route, job.uuid);
    if (route.kind === "route") {
      const res = await page.request.get(`${url}?table=jobs&period=7`);
      expect(res.status(), url).toBe(200);
      continue;
    }
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page).toHaveURL(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  }
});
