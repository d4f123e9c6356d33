// @ts-check
// `npm run bench` section 8: the site under an attacker's afternoon (scripts/bench.mjs runs it).
//   a. Ten parallel 400 MB bodies to every public POST route, declared and chunked: the server's
//      peak memory rise and how soon all were answered.
//   b. Eight uploads trickling in a byte a second from eight addresses while twenty ordinary
//      applications come from twenty others: how many of the twenty were accepted, how fast.
//   c. 500 parallel wrong passwords for the administrator (from one address, then from 500):
//      how many reached a password hash, time per answer, and whether the administrator signs in
//      from elsewhere meanwhile.
import { MiB, pdfOf, peakRssDuring, percentile, submitApplication } from "./bench-lib.mjs";
import { rawPost } from "./raw-post.mjs";

const fixed = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);

/**
 * @param {{ child: import("node:child_process").ChildProcess; url: string }} server a site with TRUST_PROXY=true and ADMIN_EMAIL/ADMIN_PASSWORD
 * @param {string} slug a job without questions to apply to
 * @param {{ email: string; password: string }} admin
 */
export async function underAttack(server, slug, admin) {
  console.log("8. Under attack (one SQLite server that trusts one proxy hop, so each request may name its address)");
  const port = Number(new URL(server.url).port);
  const routes = [
    ["/api/insights", "text/plain"],
    ["/api/apply/token", "application/json"],
    ["/api/alerts/confirm", "application/x-www-form-urlencoded"],
    ["/api/alerts/unsubscribe", "application/x-www-form-urlencoded"],
    ["/api/revalidate", "application/json"],
    [`/jobs/${slug}`, "multipart/form-data; boundary=x"],
    [`/jobs/${slug}/apply`, "multipart/form-data; boundary=x"],
    ["/alerts/new", "multipart/form-data; boundary=x"],
    ["/", "multipart/form-data; boundary=x"],
    ["/admin/login", "multipart/form-data; boundary=x"],
  ];
  for (const chunked of [false, true]) {
    /** @type {Array<{ status: number; ms: number; sent: number }>} */
    let results = [];
    const { baseline, rise } = await peakRssDuring(server.child.pid, async () => {
      results = await Promise.all(
        routes.flatMap(([path, type]) => Array.from({ length: 10 }, (_, i) => rawPost(port, /** @type {string} */ (path), { bytes: 400 * MiB, chunked, type: /** @type {string} */ (type), headers: { "X-Forwarded-For": `198.18.${i}.1` } }))),
      );
    });
    const statuses = new Map();
    for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    const sent = results.reduce((sum, r) => sum + r.sent, 0) / MiB;
    console.log(
      `   a. ${results.length} × 400 MB ${chunked ? "chunked" : "declared"} to ${routes.length} routes: peak RSS +${fixed(rise)} MiB over ${fixed(baseline)} MiB; all answered within ${fixed(Math.max(...results.map((r) => r.ms)))} ms; ${fixed(sent)} MiB sent in all; answers ${[...statuses].map(([s, n]) => `${s || "closed"}×${n}`).join(", ")}`,
    );
  }

  // b. Slow uploads hold room only while they move.
  const slow = Array.from({ length: 8 }, (_, i) =>
    rawPost(port, `/jobs/${slug}/apply`, { bytes: 40 * MiB, chunked: false, type: "multipart/form-data; boundary=x", headers: { "X-Forwarded-For": `203.0.113.${i + 1}` }, bytesPerSecond: 1 }),
  );
  await new Promise((r) => setTimeout(r, 500));
  const started = performance.now();
  const normal = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      submitApplication(server.url, slug, { email: `attack.normal.${i}.${Date.now()}@example.com`, resume: pdfOf(300 * 1024, `normal-${i}`), headers: { "X-Forwarded-For": `198.51.100.${i + 1}` } }),
    ),
  );
  const wall = performance.now() - started;
  const slowResults = await Promise.all(slow);
  const accepted = normal.filter((r) => r.status === 303).length;
  console.log(
    `   b. 8 uploads at 1 byte/s from 8 addresses, 20 applications from 20 others: ${accepted}/20 accepted (p50 ${fixed(percentile(normal.map((r) => r.ms), 50))} ms, p95 ${fixed(percentile(normal.map((r) => r.ms), 95))} ms, all within ${fixed(wall)} ms); the slow ones cut off after ${fixed(Math.min(...slowResults.map((r) => r.ms)) / 1000, 1)}–${fixed(Math.max(...slowResults.map((r) => r.ms)) / 1000, 1)} s (answers ${[...new Set(slowResults.map((r) => r.status || "closed"))].join(", ")})`,
  );
  const refused = normal.filter((r) => r.status !== 303);
  if (refused.length) console.log(`      refused: ${refused.map((r) => `${r.status} ${r.problem}`.trim()).slice(0, 3).join(" | ")}`);

  // c. A burst of wrong passwords; meanwhile the administrator signs in from elsewhere, in their
  // own browser (it signed in there before: a device cookie) and on a browser new to them.
  const form = await loginForm(server.url);
  const own = await login(server.url, form, admin.email, admin.password, "198.51.100.250");
  const device = own.cookie;
  for (const spread of [false, true]) {
    const t0 = performance.now();
    const burst = Array.from({ length: 500 }, (_, i) => login(server.url, form, admin.email, `wrong-password-${i}`, spread ? `10.${(i >> 8) & 255}.${i & 255}.9` : "192.0.2.99"));
    await new Promise((r) => setTimeout(r, 200));
    const [ownBrowser, newBrowser] = await Promise.all([
      login(server.url, form, admin.email, admin.password, "198.51.100.250", device),
      login(server.url, form, admin.email, admin.password, spread ? "198.51.100.251" : "198.51.100.252"),
    ]);
    const answers = await Promise.all(burst);
    const total = performance.now() - t0;
    const count = (/** @type {string} */ kind) => answers.filter((a) => a.kind === kind).length;
    const said = (/** @type {{ kind: string; ms: number }} */ a) => `${a.kind === "signed-in" ? "signed in" : `NOT signed in (${a.kind})`} in ${fixed(a.ms)} ms`;
    console.log(
      `   c. 500 wrong passwords at once from ${spread ? "500 addresses" : "one address"}: ${count("wrong")} reached a password hash, ${count("throttled")} were told to wait, ${count("busy")} to try again in a moment, ${count("too-many")} refused as too many at once${count("other") ? `, ${count("other")} other` : ""}; p50 ${fixed(percentile(answers.map((a) => a.ms), 50))} ms, p95 ${fixed(percentile(answers.map((a) => a.ms), 95))} ms, all within ${fixed(total)} ms`,
    );
    console.log(`      meanwhile the administrator in their own browser: ${said(ownBrowser)}; on a new browser elsewhere: ${said(newBrowser)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The login page's hidden fields (React's action reference), as a browser without JavaScript posts them. @param {string} base */
async function loginForm(base) {
  const html = await (await fetch(`${base}/admin/login`)).text();
  /** @type {Array<[string, string]>} */
  const fields = [];
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) fields.push([unescape(m[1] ?? ""), (m[2] ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&")]);
  return fields;
}

/**
 * One sign-in, as a form without JavaScript sends it. What it came to: signed in, a wrong
 * password (a hash ran), told to wait (throttled), told the server is busy, or refused before
 * the app (too many at once from one address). Returns the device cookie a sign-in sets.
 * @param {string} base @param {Array<[string, string]>} hidden @param {string} email @param {string} password @param {string} address @param {string} [cookie]
 */
async function login(base, hidden, email, password, address, cookie = "") {
  const form = new FormData();
  for (const [name, value] of hidden) form.set(name, value);
  form.set("email", email);
  form.set("password", password);
  const started = performance.now();
  const res = await fetch(`${base}/admin/login`, { method: "POST", body: form, redirect: "manual", headers: { Origin: base, "X-Forwarded-For": address, ...(cookie ? { Cookie: cookie } : {}) } });
  const text = await res.text();
  const ms = performance.now() - started;
  const kind =
    res.status === 303 && /\/admin$/.test(res.headers.get("location") ?? "")
      ? "signed-in"
      : res.status === 429
        ? "too-many"
        : text.includes("do not match an administrator")
          ? "wrong"
          : text.includes("Too many failed attempts")
            ? "throttled"
            : text.includes("Many sign-ins are being checked")
              ? "busy"
              : "other";
  const device = res.headers.getSetCookie().find((c) => c.startsWith("careers_admin_device="))?.split(";")[0] ?? "";
  return { kind, ms, cookie: device };
}
