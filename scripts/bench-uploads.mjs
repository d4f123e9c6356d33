// @ts-check
// `npm run bench`, section 12: the resume uploading while the form is filled in (tus,
// lib/uploads), in Chromium with its upload throttled to 10 Mbit/s through the DevTools
// protocol, on one SQLite server: for 5, 20 and 50 MB, the time from choosing the file to
// "Uploaded" (the file checked and read for autofill), beside the link's own time for those
// bytes; the server's peak RSS rise during each, beside the same 50 MB posted without
// JavaScript; the gzipped script the form loads once a file is chosen. Then the autofill's
// accuracy and parse times (scripts/bench-autofill.ts, through tsx).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { peakRssDuring, pdfOf, root, submitApplication } from "./bench-lib.mjs";

const MBIT = 10;
const fixed = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);

/**
 * @param {(port: number, databaseUrl: string | undefined, extra?: Record<string, string>) => Promise<{ child: import("node:child_process").ChildProcess; url: string }>} site
 * @param {number} port @param {string} slug @param {string | undefined} chrome
 */
export async function uploads(site, port, slug, chrome) {
  console.log(`12. The resume uploading while the form is filled in (one SQLite server; Chromium, upload at ${MBIT} Mbit/s)`);
  const server = await site(port, undefined);
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const dir = mkdtempSync(join(tmpdir(), "careers-bench-uploads-"));
  try {
    // The first upload loads the code that serves uploads and reads CVs: a 1 MB one, not counted.
    for (const mb of [1, 5, 20, 50]) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/jobs/${slug}#apply`);
      await page.getByRole("button", { name: "Submit application" }).waitFor({ timeout: 30_000 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 40, downloadThroughput: -1, uploadThroughput: (MBIT * 1_000_000) / 8 });
      const path = join(dir, `cv-${mb}.pdf`);
      writeFileSync(path, Buffer.from(await pdfOf(mb * 1_000_000, `bench ${mb} MB`).arrayBuffer()));
      /** @type {string[]} */
      const loaded = [];
      page.on("response", (res) => {
        if (res.url().endsWith(".js")) loaded.push(res.url());
      });
      let seconds = 0;
      const { rise } = await peakRssDuring(server.child.pid, async () => {
        const t = performance.now();
        await page.getByLabel("Resume").setInputFiles(path);
        await page.getByTestId("resume-upload-text").filter({ hasText: /^Uploaded/ }).waitFor({ timeout: 300_000 });
        seconds = (performance.now() - t) / 1000;
      });
      const link = (mb * 8) / MBIT;
      if (mb === 1) {
        await page.close();
        continue;
      }
      console.log(`   ${mb} MB: ready ${fixed(seconds, 1)} s after choosing it (the link alone needs ${fixed(link, 1)} s: ${fixed((100 * seconds) / link - 100)}% more); server RSS rise ${fixed(rise, 1)} MiB`);
      if (mb === 5) {
        let gz = 0;
        for (const url of new Set(loaded)) gz += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
        console.log(`   script loaded once a file is chosen (tus-js-client): ${loaded.length} file(s), ${fixed(gz / 1024, 1)} KiB gzipped`);
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const plain = await peakRssDuring(server.child.pid, () => submitApplication(server.url, slug, { email: `bench-plain-${Date.now()}@example.com`, resume: pdfOf(50 * 1_000_000, "bench plain") }));
  console.log(`   the same 50 MB posted without JavaScript (a multipart form): server RSS rise ${fixed(plain.rise, 1)} MiB`);
  const autofill = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", join(root, "scripts", "bench-autofill.ts")], { cwd: root, encoding: "utf8" });
  process.stdout.write(autofill.stdout);
  if (autofill.status !== 0) console.log(`   autofill bench failed: ${autofill.stderr.slice(-500)}`);
  return [server];
}
