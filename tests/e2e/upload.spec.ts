// The resume uploads while the form is filled in (tus, lib/uploads), shows its progress, carries
// on after the connection drops or the server holding it dies, and fills the form's empty fields
// from the CV (lib/autofill). Real Chromium with its network throttled through the DevTools
// protocol; the bytes Occupop receives are compared with the chosen file's.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { labelledCvs } from "../helpers/cvs";
import { expectOneCandidate, fillApplication, jobWhere, openForm, person, submit, testFile } from "./apply-support";
import { newPostgresDatabase, resetWorld, startSiteServer, type WireJob } from "./support";
import { E2E } from "../../playwright.config";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test.describe.configure({ timeout: 180_000 });

const MB = 1_000_000;

/** A real PDF (a generated CV) padded to `size` bytes after its end: still a PDF to any reader. */
async function bigCv(size: number, tag: string): Promise<{ path: string; sha256: string }> {
  const cv = (await labelledCvs()).find((c) => c.name === "en header line pdf")!;
  return testFile(`${tag}.pdf`, Buffer.concat([cv.bytes, Buffer.alloc(size - cv.bytes.length, 0x20)]));
}

/** The upload link throttled like a phone's: `mbit` megabits a second up; `offline` cuts it. */
async function throttle(page: Page, mbit: number): Promise<(offline: boolean) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  const set = async (offline: boolean) => {
    await cdp.send("Network.emulateNetworkConditions", { offline, latency: 20, downloadThroughput: -1, uploadThroughput: (mbit * 1_000_000) / 8 });
  };
  await set(false);
  return set;
}

const progress = async (page: Page) => Number(await page.getByRole("progressbar", { name: "Upload of your resume" }).getAttribute("aria-valuenow"));

const simpleJob = () => jobWhere((j) => j.require_cv && j.questions_form.length === 0 && !j.require_opt_in_for_job && !j.require_opt_in_for_database);

test.afterAll(async () => {
  await resetWorld();
});

test("a 20 MB CV uploads while the form is filled in, on a throttled link, through a dropped connection, and reaches Occupop byte for byte", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "one database is enough for the browser's side");
  const job = await simpleJob();
  const who = person("upload20");
  const file = await bigCv(20 * MB, "upload-20mb");
  const openedAt = await openForm(page, job.unique_slug);
  const network = await throttle(page, 16);
  await page.getByLabel("Resume").setInputFiles(file.path);
  const bar = page.getByRole("progressbar", { name: "Upload of your resume" });
  await expect(bar).toBeVisible();
  // The bar advances.
  await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThan(5);
  await expect(page.getByTestId("resume-upload-text")).toContainText(/\d+% · [\d.]+ of 20\.0 MB/);

  // The connection drops mid-way: the page says so, and the candidate types on. The part of the
  // file in flight when it dropped may still land (Chromium lets a started request finish);
  // nothing more goes until the connection is back.
  await network(true);
  await expect(page.getByTestId("resume-upload-text")).toContainText("Connection lost: the upload will carry on from");
  await fillApplication(page, job, who);
  let stalled = -1;
  await expect
    .poll(async () => {
      const before = await progress(page);
      await page.waitForTimeout(1_000);
      const after = await progress(page);
      stalled = after;
      return after === before;
    }, { timeout: 30_000 })
    .toBe(true);
  expect(stalled).toBeLessThan(100);
  await network(false);
  await expect(page.getByTestId("resume-upload-text")).toHaveText("Uploaded (20.0 MB). Send the form whenever you are ready.", { timeout: 60_000 });

  // Sent by reference: the action's request carries no file.
  const actionSizes: number[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actionSizes.push(r.postDataBuffer()?.length ?? 0);
  });
  await submit(page, openedAt);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 30_000 });
  expect(Math.max(...actionSizes)).toBeLessThan(64 * 1024);
  const stored = await expectOneCandidate(who.email, 30_000);
  expect(stored.upload?.sha256).toBe(file.sha256);
});

test("the form fills its empty fields from a PDF and a DOCX CV, never over what was typed, and a reload keeps them", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "one database is enough for the browser's side");
  const job = await simpleJob();
  const cvs = await labelledCvs();
  const english = cvs.find((c) => c.name === "en left sidebar pdf")!;
  const pdfFile = testFile("autofill-en.pdf", english.bytes);
  await openForm(page, job.unique_slug);
  // Typed before the CV was chosen: kept as typed.
  await page.getByLabel("First name").fill("Em");
  await page.getByLabel("Resume").setInputFiles(pdfFile.path);
  await expect(page.getByTestId("autofilled")).toHaveText("We filled in 6 fields from your CV. Please check what we filled in.", { timeout: 20_000 });
  await expect(page.getByLabel("First name")).toHaveValue("Em");
  await expect(page.getByLabel("Last name")).toHaveValue(english.expected.lastName);
  await expect(page.getByLabel("Email (required)")).toHaveValue(english.expected.email);
  await expect(page.getByLabel("Phone")).toHaveValue(english.expected.phone);
  await expect(page.getByLabel("LinkedIn profile")).toHaveValue(english.expected.linkedin);
  await expect(page.getByLabel("City")).toHaveValue(english.expected.city);
  await expect(page.getByLabel("Country")).toHaveValue(english.expected.country);
  // Each says where it came from, to screen readers too, until it is edited.
  await expect(page.getByLabel("Last name")).toHaveAccessibleDescription(/From your CV: please check/);
  await expect(page.getByTestId("from-cv")).toHaveCount(6);
  await page.getByLabel("City").fill("Leeds");
  await expect(page.getByTestId("from-cv")).toHaveCount(5);
  // A reload keeps what is in the fields (the file is chosen again).
  await page.waitForTimeout(1_200);
  await page.reload();
  await expect(page.getByLabel("Last name")).toHaveValue(english.expected.lastName, { timeout: 15_000 });
  await expect(page.getByLabel("City")).toHaveValue("Leeds");
});

test("a German DOCX with its details in Word's footer fills the German form", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "one database is enough for the browser's side");
  const job = await simpleJob();
  const german = (await labelledCvs()).find((c) => c.name === "de footer docx")!;
  const docxFile = testFile("autofill-de.docx", german.bytes);
  await page.goto(`/de/jobs/${job.unique_slug}#apply`);
  await expect(page.getByRole("button", { name: "Bewerbung absenden" })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel("Lebenslauf").setInputFiles(docxFile.path);
  await expect(page.getByTestId("autofilled")).toContainText("aus Ihrem Lebenslauf ausgefüllt", { timeout: 20_000 });
  await expect(page.getByLabel("Vorname")).toHaveValue(german.expected.firstName);
  await expect(page.getByLabel("Nachname")).toHaveValue(german.expected.lastName);
  await expect(page.getByLabel("Telefon")).toHaveValue(german.expected.phone);
  await expect(page.getByLabel("Stadt")).toHaveValue(german.expected.city);
  await expect(page.getByLabel("E-Mail (Pflichtfeld)")).toHaveValue(german.expected.email);
});

test("a file that is not what its name says is refused as soon as it has uploaded, with the form's own words", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "one database is enough for the browser's side");
  const job = await simpleJob();
  const fake = testFile("not-a-cv.pdf", Buffer.from("This is a text file pretending to be a PDF.\n".repeat(200)));
  await openForm(page, job.unique_slug);
  await page.getByLabel("Resume").setInputFiles(fake.path);
  await expect(page.getByText("This file is not a real PDF, DOC or DOCX document. Choose your resume in one of those formats.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel("Resume")).toHaveAttribute("aria-invalid", "true");
});

/** A load balancer in front of the replicas: each request goes to whichever `target()` names. */
async function balancer(target: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const to = new URL(target());
    const upstream = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("the replica is gone");
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

test("on two PostgreSQL replicas, the one holding the upload is killed mid-way and the upload finishes through the other", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "replicas share PostgreSQL");
  const job: WireJob = await simpleJob();
  const databaseUrl = await newPostgresDatabase();
  const env = { OUTBOX_LEASE_MS: "3000", ADMIN_EMAIL: E2E.adminEmail, ADMIN_PASSWORD: E2E.adminPassword };
  const [a, b] = await Promise.all([
    startSiteServer(E2E.appPort + 60, env, { dataDir: mkdtempSync(join(tmpdir(), "careers-upload-a-")), databaseUrl }),
    startSiteServer(E2E.appPort + 61, env, { dataDir: mkdtempSync(join(tmpdir(), "careers-upload-b-")), databaseUrl }),
  ]);
  let current = a.url;
  const front = await balancer(() => current);
  try {
    const who = person("replica-upload");
    const file = await bigCv(12 * MB, "upload-replica");
    const openedAt = await openForm(page, job.unique_slug, { base: front.url });
    await throttle(page, 24);
    await page.getByLabel("Resume").setInputFiles(file.path);
    await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThan(25);
    // The replica holding the upload dies mid-way; the balancer sends what follows to the other.
    await a.stop("SIGKILL");
    current = b.url;
    await expect(page.getByTestId("resume-upload-text")).toHaveText("Uploaded (12.0 MB). Send the form whenever you are ready.", { timeout: 90_000 });
    await fillApplication(page, job, who);
    await submit(page, openedAt);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we have your application", { timeout: 30_000 });
    const stored = await expectOneCandidate(who.email, 30_000);
    expect(stored.upload?.sha256).toBe(file.sha256);
  } finally {
    front.server.close();
    await a.stop();
    await b.stop();
  }
});
