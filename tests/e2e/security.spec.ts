// Security hardening, tried the way a person (or an attacker) would: a script policy that
// lets every page work and nothing else run, admin sign-in with optional two-factor, hostile
// files refused with a sentence beside their field, and malformed requests answered 400.
import { scryptSync, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { E2E } from "../../playwright.config";
import { docWithMacros, docxBomb, docxWithMacros } from "../helpers/documents";
import { pixelFlood } from "../helpers/png";
import { createAdminWithCli, logIn } from "./admin-support";
import { fillApplication, jobWhere, openForm, person, submit, testFile } from "./apply-support";
import { emulatorControl, openEmulatorJobs, site, siteQuery, startSiteServer } from "./support";

test.describe.configure({ mode: "serial" });

/** Opens a page, records CSP violations and console errors, and checks React hydrated it (engaged first, when the page holds its runtime until then). */
async function visitWatching(page: Page, url: string, after?: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    const text = message.text();
    const violation = /Content Security Policy|Refused to (execute|load|apply)/i.test(text);
    // A 404 page's own status shows as a failed load; anything else in red counts (hydration errors, say).
    if (violation || (message.type() === "error" && !/Failed to load resource/.test(text))) problems.push(`${url}: ${text}`);
  };
  page.on("console", onConsole);
  try {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    const policies = (await response!.headersArray()).filter((h) => h.name.toLowerCase() === "content-security-policy");
    expect(policies, `${url}: one Content-Security-Policy`).toHaveLength(1);
    const policy = policies[0]!.value;
    expect(policy, url).toMatch(/script-src [^;]*('nonce-|'sha256-|'self')/);
    expect(policy, url).not.toContain("unsafe-inline' ;");
    expect(policy.match(/script-src ([^;]*)/)?.[1], url).not.toContain("unsafe-inline");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'self'"]) expect(policy, url).toContain(directive);
    // A cached page brings its runtime when the visitor engages (lib/on-demand): a key press.
    if (await page.locator("template[data-runtime]").count()) await page.keyboard.press("Shift");
    await expect
      .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__react"))), { message: `${url} hydrates` })
      .toBe(true);
    if (after) await after();
  } finally {
    page.off("console", onConsole);
  }
  return problems;
}

test("every page type runs under its script policy, hydrates, and reports no violation", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  const problems: string[] = [];
  problems.push(...(await visitWatching(page, "/")));
  problems.push(...(await visitWatching(page, "/?workplace=remote")));
  problems.push(...(await visitWatching(page, "/nowhere-at-all")));
  // The job page: its form's code and token load on request, under the cached page's policy.
  problems.push(
    ...(await visitWatching(page, `/jobs/${job.unique_slug}`, async () => {
      await page.getByRole("link", { name: "Apply now" }).click();
      await expect(page.getByRole("button", { name: "Submit application" })).toBeVisible();
      await page.getByRole("button", { name: "Submit application" }).click();
      await expect(page.getByTestId("apply-summary")).toContainText("Some answers need another look");
    })),
  );
  // The form rendered per request, its errors from the server, then the thank-you page.
  problems.push(
    ...(await visitWatching(page, `/jobs/${job.unique_slug}/apply`, async () => {
      const openedAt = Date.now();
      await fillApplication(page, job, person("csp"));
      await submit(page, openedAt);
      await expect(page).toHaveURL(/\/applied/);
    })),
  );
  problems.push(...(await visitWatching(page, `/jobs/${job.unique_slug}/applied`)));
  problems.push(...(await visitWatching(page, "/admin/login")));
  await logIn(page);
  for (const path of ["/admin", "/admin/branding", "/admin/applications", "/admin/users", "/admin/security"]) problems.push(...(await visitWatching(page, path)));
  // The branding editor's live preview is React at work under the nonce policy.
  await page.goto("/admin/branding");
  await page.getByLabel("Company name").fill("Policy Preview Co");
  await expect(page.getByTestId("branding-preview")).toContainText("Policy Preview Co");
  expect(problems).toEqual([]);
});

test("a refused login keeps the email typed, never the password; the message does not tell who is an administrator", async ({ page, browser }) => {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(E2E.adminEmail);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("#login-error")).toHaveText("That email and password do not match an administrator.");
  await expect(page.getByLabel("Email")).toHaveValue(E2E.adminEmail);
  await expect(page.getByLabel("Password")).toHaveValue("");
  // The same sentence for an address that is no administrator at all.
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByLabel("Email").fill("nobody-here@kestrel.example");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("#login-error")).toHaveText("That email and password do not match an administrator.");
  await expect(page.getByLabel("Email")).toHaveValue("nobody-here@kestrel.example");
  // Without JavaScript too.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto("/admin/login");
  await plain.getByLabel("Email").fill(E2E.adminEmail);
  await plain.getByLabel("Password").fill("still not it");
  await plain.getByRole("button", { name: "Log in" }).click();
  await expect(plain.locator("#login-error")).toHaveText("That email and password do not match an administrator.");
  await expect(plain.getByLabel("Email")).toHaveValue(E2E.adminEmail);
  await expect(plain.getByLabel("Password")).toHaveValue("");
  await context.close();
});

test("on HTTPS the session cookie is __Host- prefixed, and every login makes a new session", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-proto": "https" } });
  // A session id planted before login (fixation) is never the one used after it.
  await context.addCookies([{ name: "careers_admin_session", value: "planted-by-an-attacker", url: site() }]);
  const page = await context.newPage();
  await logIn(page);
  const first = (await context.cookies()).find((c) => c.name === "__Host-careers_admin_session");
  expect(first).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  expect(first!.value).not.toBe("planted-by-an-attacker");
  // The planted plain cookie is cleared, not reused.
  expect((await context.cookies()).find((c) => c.name === "careers_admin_session")).toBeUndefined();
  expect(first!.domain).not.toMatch(/^\./);
  await context.close();
  // Another login, another session.
  const again = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-proto": "https" } });
  await logIn(await again.newPage());
  const second = (await again.cookies()).find((c) => c.name === "__Host-careers_admin_session");
  expect(second!.value).not.toBe(first!.value);
  await again.close();
});

test("a session unused for longer than the idle timeout ends", async ({ page }) => {
  await logIn(page);
  await page.goto("/admin/branding");
  await siteQuery(`UPDATE admin_sessions SET last_seen_at = ${Date.now() - 31 * 60_000}`);
  await page.goto("/admin/branding");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("a password hashed with the old scrypt parameters still works, and is rehashed at ASVS strength at that login", async ({ page }) => {
  const email = `rehash-${Date.now()}@kestrel.example`;
  const password = "an-old-but-good-password";
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const old = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
  await siteQuery(`INSERT INTO admin_users (email, password_hash, created_at, created_by) VALUES ('${email}', '${old}', ${Date.now()}, 'test')`);
  await logIn(page, email, password);
  const [row] = await siteQuery<{ password_hash: string }>(`SELECT password_hash FROM admin_users WHERE email = '${email}'`);
  expect(row!.password_hash.startsWith("scrypt$131072$8$1$")).toBe(true);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/signedOut=1$/);
  await logIn(page, email, password);
});

test("two-factor sign-in: set up with an app, a code each time (once), recovery codes that work once, and off again", async ({ page }) => {
  // Two waits for the next 30-second step, as a person with an app would.
  test.setTimeout(150_000);
  const email = `totp-${Date.now()}@kestrel.example`;
  const password = "a-password-with-a-second-factor";
  createAdminWithCli(email, password);
  await logIn(page, email, password);
  await page.goto("/admin/security");
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");
  // Beginning asks for the password (a session left open is not enough).
  await page.locator("#begin-password").fill("not the password");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "That password is not right" })).toBeVisible();
  await page.locator("#begin-password").fill(password);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = (await page.getByTestId("totp-key").textContent())!.trim();
  const app = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key), digits: 6, period: 30, algorithm: "SHA1" });
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "That code is not right" })).toBeVisible();
  await page.getByLabel("Code from the app").fill(app.generate());
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);

  // Logging in now takes a code; the password alone reaches only the code page.
  const signIn = async () => {
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/admin\/login\/verify$/);
  };
  const enter = async (code: string) => {
    await page.getByLabel("Code", { exact: true }).fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
  };
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/signedOut=1$/);
  await signIn();
  await page.goto("/admin/branding");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await signIn();
  // The step of the code used at set-up is spent: wait for the next one, as a person would.
  await page.waitForTimeout((31 - (Math.floor(Date.now() / 1000) % 30)) * 1000);
  const code = app.generate();
  await enter(code);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/signedOut=1$/);

  // The same code again (a replay) is refused; a recovery code works, once.
  await signIn();
  await enter(code);
  await expect(page.locator("#code-error")).toContainText("That code is not right, or was used already");
  await enter(codes[0]!);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/signedOut=1$/);
  await signIn();
  await enter(codes[0]!);
  await expect(page.locator("#code-error")).toContainText("That code is not right, or was used already");
  await enter(codes[1]!.toUpperCase().replace(/-/g, " "));
  await expect(page).toHaveURL(/\/admin$/);

  // Moving to another authenticator app keeps the first one in force until the new one is confirmed.
  await page.goto("/admin/security");
  await page.locator("#begin-password").fill(password);
  await page.getByRole("button", { name: "Set up a new authenticator app" }).click();
  const newKey = (await page.getByTestId("totp-key").textContent())!.trim();
  expect(newKey).not.toBe(key);
  await expect(page.getByTestId("two-factor-status")).toContainText("On.");
  await page.getByRole("button", { name: "Log out" }).click();
  await signIn();
  await page.waitForTimeout((31 - (Math.floor(Date.now() / 1000) % 30)) * 1000);
  await enter(app.generate());
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/security");
  await page.getByRole("button", { name: "Cancel set-up" }).click();
  await expect(page.getByTestId("totp-key")).toHaveCount(0);

  // Off again, with the password.
  await page.goto("/admin/security");
  await expect(page.getByTestId("two-factor-status")).toContainText("Recovery codes left: 8");
  await page.locator("#off-password").fill(password);
  await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");
});

test("a password change and a removal end the sessions they should, and both need the acting administrator's password", async ({ browser }) => {
  const email = `creds-${Date.now()}@kestrel.example`;
  const password = "a-first-password-for-creds";
  createAdminWithCli(email, password);
  // The same administrator signed in in two browsers.
  const here = await (await browser.newContext()).newPage();
  const there = await (await browser.newContext()).newPage();
  await logIn(here, email, password);
  await logIn(there, email, password);
  await here.goto("/admin/security");
  await here.locator("#current-password").fill("not my password");
  await here.locator("#new-password").fill("a-second-password-for-creds");
  await here.locator("#confirm-password").fill("a-second-password-for-creds");
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByRole("status").filter({ hasText: "current password is not right" })).toBeVisible();
  await here.locator("#current-password").fill(password);
  await here.locator("#new-password").fill("a-second-password-for-creds");
  await here.locator("#confirm-password").fill("a-second-password-for-creds");
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByRole("status").filter({ hasText: "Your password is changed. 1 other session was signed out." })).toBeVisible();
  // This browser stays in; the other one is out.
  await here.goto("/admin/branding");
  await expect(here).toHaveURL(/\/admin\/branding$/);
  await there.goto("/admin/branding");
  await expect(there).toHaveURL(/\/admin\/login$/);
  await logIn(there, email, "a-second-password-for-creds");

  // Another administrator removes this one: with their own password, and the sessions end.
  const hr = await (await browser.newContext()).newPage();
  await logIn(hr);
  await hr.goto("/admin/users");
  await hr.getByLabel("Administrator", { exact: true }).selectOption(email);
  await hr.locator("#remove-your-password").fill("wrong");
  await hr.getByRole("button", { name: "Remove administrator" }).click();
  await expect(hr.getByRole("status").filter({ hasText: "Your password is not right" })).toBeVisible();
  await hr.locator("#remove-your-password").fill(E2E.adminPassword);
  await hr.getByRole("button", { name: "Remove administrator" }).click();
  await expect(hr.getByRole("status").filter({ hasText: `${email} can no longer log in` })).toBeVisible();
  for (const page of [here, there]) {
    await page.goto("/admin/branding");
    await expect(page).toHaveURL(/\/admin\/login$/);
  }
  expect(await siteQuery(`SELECT id FROM admin_users WHERE email = '${email}'`)).toEqual([]);
  // Adding one asks for the password too.
  await hr.goto("/admin/users");
  await hr.locator("#new-email").fill(`added-${Date.now()}@kestrel.example`);
  await hr.locator("#new-password").fill("a-password-for-the-new-one");
  await hr.locator("#add-your-password").fill("wrong");
  await hr.getByRole("button", { name: "Add administrator" }).click();
  await expect(hr.getByRole("status").filter({ hasText: "Your password is not right" })).toBeVisible();
});

test("sign-in events are logged with who and from where, never an email, a password or a code", async ({ page }) => {
  const server = await startSiteServer(E2E.appPort + 70, { ADMIN_EMAIL: E2E.adminEmail, ADMIN_PASSWORD: E2E.adminPassword });
  try {
    await page.goto(`${server.url}/admin/login`);
    await page.getByLabel("Email").fill(E2E.adminEmail);
    await page.getByLabel("Password").fill("a-wrong-password-to-log");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.locator("#login-error")).toBeVisible();
    await page.getByLabel("Password").fill(E2E.adminPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect.poll(() => server.output()).toContain('"event":"login.success"');
    const log = server.output();
    expect(log).toContain('"event":"login.failure"');
    expect(log).not.toContain("a-wrong-password-to-log");
    expect(log).not.toContain(E2E.adminPassword);
    expect(log).not.toContain(E2E.adminEmail);
  } finally {
    await server.stop();
  }
});

test("a Word file with macros, a zip bomb and a .doc with macros are refused beside the resume field, keeping the rest", async ({ page }) => {
  const job = await jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job && !j.require_opt_in_for_database);
  const who = person("hostile");
  const openedAt = await openForm(page, job.unique_slug);
  await fillApplication(page, job, who);
  for (const [name, bytes, says] of [
    ["cv.docx", docxWithMacros(), "contains macros"],
    ["cv.doc", docWithMacros(), "contains macros"],
    ["cv.docx", docxBomb(), "does not look like a normal Word document"],
  ] as const) {
    await page.getByLabel("Resume").setInputFiles(testFile(`hostile-${Date.now()}-${name}`, bytes).path);
    await submit(page, openedAt);
    await expect(page.locator('[id="apply-resume-error"]')).toContainText(says);
    await expect(page.getByLabel("Email (required)")).toHaveValue(who.email);
  }
  expect((await (await emulatorControl(`/candidates?email=${encodeURIComponent(who.email)}`)).json()).data).toEqual([]);
});

test("a branding image that claims absurd dimensions is refused; served images are never sniffed and open sandboxed", async ({ page, request }) => {
  await logIn(page);
  await page.goto("/admin/branding");
  await page.getByLabel("Logo").setInputFiles(testFile("flood.png", pixelFlood()).path);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("branding-status")).toContainText("Nothing was saved");
  await expect(page.getByText("60000 × 60000 pixels")).toBeVisible();
  const [row] = await siteQuery<{ hash: string }>("SELECT hash FROM images LIMIT 1");
  if (row) {
    const res = await request.get(`/branding/images/${row.hash}`);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="[a-f0-9]{16}\.(png|jpg|webp)"$/);
    expect(res.headers()["content-security-policy"]).toContain("sandbox");
  }
});

test("malformed bodies, paths and headers get a 4xx and no error in the log", async () => {
  const server = await startSiteServer(E2E.appPort + 71);
  try {
    const job = (await openEmulatorJobs())[0]!;
    const base = server.url;
    const post = (path: string, headers: Record<string, string>, body: string | Buffer) =>
      fetch(`${base}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
    const statuses = [
      (await post(`/jobs/${job.unique_slug}`, { "content-type": "multipart/form-data; boundary=xyz" }, "not a multipart body")).status,
      (await post(`/jobs/${job.unique_slug}`, { "content-type": "multipart/form-data" }, "--xyz\r\n")).status,
      (await post(`/jobs/${job.unique_slug}/apply`, { "content-type": "multipart/form-data; boundary=xyz" }, '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\ncut off')).status,
      (await post(`/jobs/${job.unique_slug}`, { "content-type": "text/plain", "next-action": "0".repeat(42) }, "[not json")).status,
      (await post(`/admin/login`, { "content-type": "multipart/form-data; boundary=--", "next-action": "abc" }, randomBytes(300))).status,
      (await fetch(`${base}/jobs/%ff%fe`)).status,
      (await fetch(`${base}/?q=store`, { headers: { rsc: "1", "next-router-state-tree": "%%%not-json" }, redirect: "follow" })).status,
    ];
    for (const [i, status] of statuses.entries()) expect(status, `request ${i}`).toBeLessThan(500);
    expect(statuses.slice(0, 6).every((s) => s === 400)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.output()).not.toContain('"level":"error"');
    expect(server.output()).not.toContain("Failed to parse body");
  } finally {
    await server.stop();
  }
});
