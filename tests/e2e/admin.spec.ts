import { expect, test, type Page } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { png } from "../helpers/png";
import { createAdminWithCli, expireAllSessions, logIn, resetBranding } from "./admin-support";
import { testFile } from "./apply-support";
import { expectNoAxeViolations, openEmulatorJobs, site, startSiteServer } from "./support";

test.describe.configure({ mode: "serial" });

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await resetBranding(page);
  await page.close();
});

test.describe("access", () => {
  test("the login page is accessible, and a wrong password is refused", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill(E2E.adminEmail);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.locator("#login-error")).toHaveText("That email and password do not match an administrator.");
    await expect(page).toHaveURL(/\/admin\/login$/);
  });

  test("repeated failures slow down the address they come from, even for the right password, and no one else", async ({ browser }) => {
    // Addresses come from X-Forwarded-For here (one trusted proxy), so two browsers can be two places.
    const server = await startSiteServer(E2E.appPort + 41, { TRUST_PROXY: "true" });
    const email = `locked-${Date.now()}@kestrel.example`;
    const password = "the-right-password-123";
    createAdminWithCli(email, password, server.storage);
    const from = async (address: string) => (await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": address } })).newPage();
    const attempt = async (page: Page, secret: string) => {
      await page.goto("/admin/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(secret);
      await page.getByRole("button", { name: "Log in" }).click();
    };
    try {
      // The administrator's own browser, known from an earlier sign-in.
      const trusted = await from("198.51.100.20");
      await attempt(trusted, password);
      await expect(trusted).toHaveURL(/\/admin$/);
      await trusted.getByRole("button", { name: "Log out" }).click();

      const stranger = await from("203.0.113.66");
      for (let i = 0; i < 4; i++) {
        await attempt(stranger, `wrong-${i}`);
        await expect(stranger.locator("#login-error")).toHaveText("That email and password do not match an administrator.");
      }
      await attempt(stranger, "wrong-again");
      await expect(stranger.locator("#login-error")).toContainText("Too many failed attempts from here");
      // The right password from there waits too: the delay is the address's, not the password's.
      await attempt(stranger, password);
      await expect(stranger.locator("#login-error")).toContainText("Too many failed attempts from here");

      // The administrator signs in from elsewhere meanwhile, and from their own browser even at the stranger's address.
      const elsewhere = await from("198.51.100.21");
      await attempt(elsewhere, password);
      await expect(elsewhere).toHaveURL(/\/admin$/);
      await trusted.context().setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66" });
      await attempt(trusted, password);
      await expect(trusted).toHaveURL(/\/admin$/);
    } finally {
      await server.stop();
    }
  });

  test("an administrator added with the command line can log in; logging out ends the session", async ({ page, context }) => {
    const email = `cli-${Date.now()}@kestrel.example`;
    createAdminWithCli(email, "a-long-cli-password");
    await logIn(page, email, "a-long-cli-password");
    const cookie = (await context.cookies()).find((c) => c.name === "careers_admin_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/admin\/login\?signedOut=1$/);
    // The old cookie no longer opens anything.
    await context.addCookies([{ ...cookie!, expires: cookie!.expires }]);
    await page.goto("/admin/branding");
    await expect(page).toHaveURL(/\/admin\/login$/);
  });

  test("admin pages and admin actions refuse a request without a valid session", async ({ page, request, context }) => {
    // Pages: no cookie, a forged one.
    for (const cookie of [null, "forged-token-that-was-never-issued"]) {
      const res = await request.get("/admin/branding", { maxRedirects: 0, headers: cookie ? { cookie: `careers_admin_session=${cookie}` } : {} });
      expect(res.status()).toBe(307);
      expect(res.headers().location).toContain("/admin/login");
    }
    // Actions: capture a real save as the browser sends it, then send it again without a valid session.
    await logIn(page);
    await page.goto("/admin/branding");
    let captured: { headers: Record<string, string>; body: Buffer } | null = null;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"] && !captured) captured = { headers: r.headers(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
    });
    await page.getByLabel("Footer text").fill("Saved by the admin test");
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.getByTestId("branding-status")).toContainText("Saved as version");
    expect(captured).not.toBeNull();
    const sessionCookie = (await context.cookies()).find((c) => c.name === "careers_admin_session")!.value;
    const send = (cookie: string | null) => {
      const headers = { ...captured!.headers };
      delete headers.cookie;
      if (cookie) headers.cookie = `careers_admin_session=${cookie}`;
      return request.fetch(`${site()}/admin/branding`, { method: "POST", headers, data: captured!.body });
    };
    // With the valid session the replayed save does run (and is refused as stale: it is the old version).
    expect(await (await send(sessionCookie)).text()).toContain("Someone else saved the branding");
    for (const cookie of [null, "forged-token-that-was-never-issued"]) {
      const body = await (await send(cookie)).text();
      expect(body).toContain("Your session has ended, so nothing was changed");
      expect(body).not.toContain("Saved as version");
    }
    // An expired session is refused too, for pages and actions.
    await expireAllSessions();
    expect(await (await send(sessionCookie)).text()).toContain("Your session has ended, so nothing was changed");
    await page.goto("/admin/branding");
    await expect(page).toHaveURL(/\/admin\/login$/);
  });
});

async function openEditor(page: Page) {
  await logIn(page);
  await page.goto("/admin/branding");
  await expect(page.getByRole("heading", { level: 1, name: "Branding" })).toBeVisible();
}

test.describe("the branding editor", () => {
  test("is accessible, and the preview follows typing before anything is saved", async ({ page }) => {
    await openEditor(page);
    await expectNoAxeViolations(page);
    await page.getByLabel("Company name").fill("Preview Only Ltd");
    await page.getByLabel("Headline").fill("Come climb with us");
    await expect(page.getByTestId("preview-company")).toHaveText("Preview Only Ltd");
    await expect(page.getByTestId("preview-hero")).toContainText("Come climb with us");
    await page.getByLabel("Primary colour").fill("#1d4ed8");
    await expect(page.getByTestId("preview-hero")).toHaveCSS("background-color", "rgb(29, 78, 216)");
    // Nothing is public yet.
    const home = await (await fetch(`${site()}/`)).text();
    expect(home).not.toContain("Preview Only Ltd");
  });

  test("HR changes the name, colour and logo; public pages show them at once; restoring brings the old look back", async ({ page, browser }) => {
    await openEditor(page);
    const before = await page.locator("code").first().textContent();
    await page.getByLabel("Company name").fill("Lark & Fern Outfitters");
    await page.getByLabel("Primary colour").fill("#7c2d12");
    const logo = testFile("logo.png", png(64, 32, [200, 30, 30]));
    await page.getByLabel("Logo").setInputFiles(logo.path);
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.getByTestId("branding-status")).toContainText("Saved as version");
    await expect(page.getByTestId("branding-history")).toContainText("Changed: company name, primary colour, logo");

    const visitor = await browser.newPage();
    await visitor.goto(site());
    await expect(visitor.locator("header")).toContainText("Lark & Fern Outfitters");
    expect(await visitor.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand-primary").trim())).toBe("#7c2d12");
    await expect(visitor.locator("h1")).toHaveCSS("color", "rgb(255, 255, 255)");
    const src = await visitor.locator("header img").getAttribute("src");
    expect(src).toMatch(/^\/branding\/images\/[a-f0-9]{64}$/);
    const image = await visitor.request.get(src!);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(image.headers()["cache-control"]).toContain("immutable");
    const job = (await openEmulatorJobs())[0]!;
    await visitor.goto(`${site()}/jobs/${job.unique_slug}`);
    await expect(visitor.locator("main header")).toContainText("Lark & Fern Outfitters");
    await expect(visitor).toHaveTitle(/Careers at Lark & Fern Outfitters/);

    // Restore the version before this change: the old look returns.
    const restore = page.getByRole("button", { name: /^Restore version/ }).first();
    await restore.click();
    await expect(page.getByTestId("restore-status")).toContainText("is back in effect");
    await visitor.goto(site());
    await expect(visitor.locator("header")).not.toContainText("Lark & Fern Outfitters");
    expect(await visitor.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand-primary").trim())).toBe(before);
    await expect(visitor.locator("header img")).toHaveCount(0);
    await visitor.close();
  });

  test("refuses a renamed non-image and a too-large logo, with the reason next to the field and the rest kept", async ({ page }) => {
    await openEditor(page);
    await page.getByLabel("Company name").fill("Kept Company Name");
    await page.getByLabel("Logo").setInputFiles(testFile("not-really.png", Buffer.from("<html><script>alert(1)</script></html>")).path);
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.getByTestId("branding-status")).toContainText("Nothing was saved");
    await expect(page.locator("#brand-logo-error")).toHaveText("Logo must be a PNG, JPEG or WebP image");
    await expect(page.getByLabel("Company name")).toHaveValue("Kept Company Name");

    await page.getByLabel("Logo").setInputFiles(testFile("huge.png", png(700, 700, [0, 0, 0], true)).path);
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.locator("#brand-logo-error")).toContainText("it can be at most 1 MB");
    await expectNoAxeViolations(page);
  });

  test("a colour pair that fails contrast shows the warning and offers the nearest passing shade", async ({ page }) => {
    await openEditor(page);
    await page.getByLabel("Primary colour").fill("#ffd54f");
    const warning = page.getByTestId("primaryColor-contrast");
    await expect(warning).toContainText("WCAG AA needs 4.5:1");
    await page.getByLabel("Accent colour").fill("#fde68a");
    await expect(page.getByTestId("accentColor-contrast")).toContainText("needs 3:1");
    // Saving as it is is refused on the server too.
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.getByTestId("branding-status")).toContainText("Nothing was saved");
    await warning.getByRole("button", { name: /^Use #/ }).click();
    await page.getByTestId("accentColor-contrast").getByRole("button", { name: /^Use #/ }).click();
    await expect(warning).toHaveCount(0);
    await expect(page.getByTestId("accentColor-contrast")).toHaveCount(0);
  });

  test("a save based on a stale version is refused with a way to reload, never a silent overwrite", async ({ browser }) => {
    const first = await browser.newPage();
    const second = await browser.newPage();
    await openEditor(first);
    await openEditor(second);
    await first.getByLabel("Footer text").fill("First editor wins");
    await first.getByRole("button", { name: "Save and publish" }).click();
    await expect(first.getByTestId("branding-status")).toContainText("Saved as version");

    await second.getByLabel("Footer text").fill("Second editor, stale");
    await second.getByRole("button", { name: "Save and publish" }).click();
    await expect(second.getByTestId("branding-status")).toContainText("Someone else saved the branding");
    await expect(second.getByLabel("Footer text")).toHaveValue("Second editor, stale");
    const home = await (await fetch(`${site()}/`)).text();
    expect(home).toContain("First editor wins");
    expect(home).not.toContain("Second editor, stale");
    await second.getByRole("link", { name: "Load the latest version" }).click();
    await expect(second.getByLabel("Footer text")).toHaveValue("First editor wins");
    await first.close();
    await second.close();
  });
});
