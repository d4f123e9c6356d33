// Logging in to the admin area and putting the branding back, for the admin tests.
import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { siteQuery, target, type SiteStorage } from "./support";

export async function logIn(page: Page, email = E2E.adminEmail, password = E2E.adminPassword): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** Adds an administrator with the project's own command, against the test site's database (or `storage`'s). */
export function createAdminWithCli(email: string, password: string, storage: SiteStorage = target()): void {
  const { dataDir, databaseUrl } = storage;
  execFileSync("npm", ["run", "admin", "--silent", "--", "create", email], {
    env: { ...process.env, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ADMIN_PASSWORD: password, LOG_LEVEL: "silent" },
    stdio: "pipe",
  });
}

/** Makes every session of the test site expire now (as if 12 hours had passed). */
export async function expireAllSessions(): Promise<void> {
  await siteQuery("UPDATE admin_sessions SET expires_at = 0");
}

export async function resetBranding(page: Page): Promise<void> {
  await logIn(page);
  await page.goto("/admin/branding");
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(page.getByTestId("restore-status")).toContainText("The default look is back");
}
