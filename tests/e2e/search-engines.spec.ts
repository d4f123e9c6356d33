// Search engines told of job changes, end to end: a site server configured for Google's
// Indexing API and IndexNow, both pointed at a local fake over HTTP (Google's token endpoint
// checks the service account's signed assertion). A job posted in the emulator, then taken
// down: each engine hears of it once, in every language, seconds after the webhook; the key
// file is served; the admin shows the notifications and their outcome.
import { createVerify, generateKeyPairSync } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { scriptedServer, type SeenRequest } from "../helpers/scripted-server";
import { emulatorControl, freePort, revalidate, startSiteServer } from "./support";

const KEY = "e2e-indexnow-key-5b7c9d";
const CLIENT_EMAIL = "indexing@kestrel-careers.iam.gserviceaccount.com";

test("a job posted and taken down reaches Google and IndexNow once each, and the admin shows it", async ({ page }) => {
  test.setTimeout(120_000);
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const arrivals: Array<{ at: number; engine: "google" | "indexnow"; body: Record<string, unknown> }> = [];
  const json = (r: SeenRequest) => JSON.parse(r.body.toString("utf8")) as Record<string, unknown>;
  const fake = await scriptedServer((req, res) => {
    if (req.url === "/token") {
      const [header, payload, signature] = (new URLSearchParams(req.body.toString("utf8")).get("assertion") ?? "").split(".");
      const valid = createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(publicKey, Buffer.from(signature ?? "", "base64url"));
      return void res.writeHead(valid ? 200 : 400, { "content-type": "application/json" }).end(JSON.stringify(valid ? { access_token: "e2e-access", expires_in: 3600, token_type: "Bearer" } : { error: "invalid_grant" }));
    }
    if (req.url === "/publish") {
      if (req.headers.authorization !== "Bearer e2e-access") return void res.writeHead(401).end();
      arrivals.push({ at: Date.now(), engine: "google", body: json(req) });
      return void res.writeHead(200, { "content-type": "application/json" }).end("{}");
    }
    if (req.url === "/indexnow") {
      arrivals.push({ at: Date.now(), engine: "indexnow", body: json(req) });
      return void res.writeHead(202).end();
    }
    res.writeHead(404).end();
  });
  const port = await freePort();
  const server = await startSiteServer(port, {
    ADMIN_EMAIL: E2E.adminEmail,
    ADMIN_PASSWORD: E2E.adminPassword,
    GOOGLE_INDEXING_CREDENTIALS: JSON.stringify({
      type: "service_account",
      client_email: CLIENT_EMAIL,
      private_key_id: "e2e",
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      token_uri: `${fake.origin}/token`,
    }),
    GOOGLE_INDEXING_ENDPOINT: `${fake.origin}/publish`,
    INDEXNOW_KEY: KEY,
    INDEXNOW_ENDPOINT: `${fake.origin}/indexnow`,
    SEARCH_NOTIFY_POLL_MS: "1000",
  });
  const base = `http://localhost:${port}`;
  try {
    // The key file IndexNow checks.
    const keyFile = await fetch(`${server.url}/indexnow-key.txt`);
    expect(keyFile.status).toBe(200);
    expect(await keyFile.text()).toBe(KEY);

    // The first list the server loads is news too: wait for it to be told, then start afresh.
    await revalidate(server.url);
    await expect.poll(() => arrivals.filter((a) => a.engine === "indexnow").length, { timeout: 30_000 }).toBeGreaterThan(0);
    let settled = -1;
    await expect.poll(() => (arrivals.length === settled ? true : ((settled = arrivals.length), false)), { timeout: 30_000, intervals: [1_500] }).toBe(true);
    arrivals.length = 0;

    const title = `Night Shift Lead ${Date.now()}`;
    const created = (await (await emulatorControl("/jobs", "POST", { title })).json()) as { data: { uuid: string; unique_slug: string } };
    const { uuid, unique_slug: slug } = created.data;
    const pages = ["", "/de", "/fr", "/es"].map((prefix) => `${base}${prefix}/jobs/${slug}`);
    const postedAt = Date.now();
    await revalidate(server.url);
    await expect.poll(() => arrivals.length, { timeout: 15_000 }).toBe(5);
    const postedIn = Math.max(...arrivals.map((a) => a.at)) - postedAt;
    expect(arrivals.filter((a) => a.engine === "google").map((a) => a.body).sort((a, b) => String(a.url).localeCompare(String(b.url)))).toEqual(
      [...pages].sort().map((url) => ({ url, type: "URL_UPDATED" })),
    );
    expect(arrivals.filter((a) => a.engine === "indexnow").map((a) => a.body)).toEqual([{ host: `localhost:${port}`, key: KEY, keyLocation: `${base}/indexnow-key.txt`, urlList: pages }]);
    test.info().annotations.push({ type: "posted to told", description: `${postedIn} ms` });

    // Taken down: deleted at Google, changed at IndexNow; once each, however many passes run.
    arrivals.length = 0;
    await emulatorControl(`/jobs/${uuid}`, "DELETE");
    await revalidate(server.url);
    await expect.poll(() => arrivals.length, { timeout: 15_000 }).toBe(5);
    expect(new Set(arrivals.filter((a) => a.engine === "google").map((a) => a.body.type))).toEqual(new Set(["URL_DELETED"]));
    await revalidate(server.url);
    await page.waitForTimeout(2_500);
    expect(arrivals).toHaveLength(5);

    // What HR sees.
    await page.goto(`${base}/admin/login`);
    await page.getByLabel("Email").fill(E2E.adminEmail);
    await page.getByLabel("Password").fill(E2E.adminPassword);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Search engines" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search engines" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Google Indexing API is on" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "IndexNow is on" })).toBeVisible();
    await expect(page.getByTestId("google-quota")).toContainText(CLIENT_EMAIL);
    await expect(page.getByTestId("google-quota")).toContainText(/\d+ of 200 calls spent today/);
    const rows = page.getByTestId("search-notifications").getByRole("row").filter({ hasText: `/jobs/${slug}` });
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: "Google" }).filter({ hasText: "Removed" })).toContainText("Sent");
    await expect(rows.filter({ hasText: "Google" }).filter({ hasText: "Updated" })).toContainText("HTTP 200");
    await expect(rows.filter({ hasText: "IndexNow" }).first()).toContainText("HTTP 202");
  } finally {
    await server.stop();
    await fake.close();
  }
});
