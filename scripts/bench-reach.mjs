// @ts-check
// `npm run bench`, section 10: reach. How soon search engines hear of a job posted in Occupop
// (a local fake of Google's token endpoint, its Indexing API and IndexNow, over HTTP): through
// the webhook (POST /api/revalidate), and with no webhook and no visitor (the list refreshed
// after JOBS_CACHE_SECONDS by the worker's own pass). And the widget: its size, gzipped, and
// the req/s of what it and the iframe ask the site for.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { percentile, root, throughput } from "./bench-lib.mjs";

const fixed = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);

/** A fake of both engines: it records when each address arrived. */
async function fakeEngines() {
  /** @type {Array<{ at: number; url: string }>} */
  const told = [];
  const server = createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.url === "/token") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: "bench", expires_in: 3600, token_type: "Bearer" }));
      if (req.url === "/publish") told.push({ at: Date.now(), url: JSON.parse(body).url });
      if (req.url === "/indexnow") for (const url of JSON.parse(body).urlList) told.push({ at: Date.now(), url });
      res.writeHead(req.url === "/indexnow" ? 202 : 200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { origin, told, close: () => server.close() };
}

/**
 * @param {(port: number, databaseUrl: string | undefined, extra?: Record<string, string>) => Promise<{ child: import("node:child_process").ChildProcess; url: string }>} site
 * @param {(path: string, method?: string, body?: unknown) => Promise<Response>} emulator
 * @param {number} port the first of the ports this section may use (it takes 2)
 */
export async function reach(site, emulator, port) {
  console.log("10. Reach: search engines told of a new job; the widget");
  const fake = await fakeEngines();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const engines = {
    GOOGLE_INDEXING_CREDENTIALS: JSON.stringify({ client_email: "bench@bench.iam.gserviceaccount.com", private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), token_uri: `${fake.origin}/token` }),
    GOOGLE_INDEXING_ENDPOINT: `${fake.origin}/publish`,
    GOOGLE_INDEXING_DAILY_QUOTA: "100000",
    INDEXNOW_KEY: "bench-indexnow-key",
    INDEXNOW_ENDPOINT: `${fake.origin}/indexnow`,
  };
  const secret = "bench-revalidate-secret-0000";
  const hooked = await site(port, undefined, { ...engines, REVALIDATE_SECRET: secret });
  const unhooked = await site(port + 1, undefined, { ...engines, JOBS_CACHE_SECONDS: "20" });
  const servers = [hooked, unhooked];
  for (const s of servers) await (await fetch(`${s.url}/`)).arrayBuffer();
  // The first list each server loads is news too: let it be told.
  await new Promise((r) => setTimeout(r, 12_000));

  /**
   * Posts a job; resolves with ms until `server` told both engines every address of it (4
   * languages each), or NaN after `timeoutMs`.
   * @param {{ url: string }} server @param {() => Promise<unknown>} after @param {number} timeoutMs
   */
  const post = async (server, after, timeoutMs) => {
    const created = /** @type {{ data: { unique_slug: string } }} */ (await (await emulator("/jobs", "POST", { title: `Bench Reach ${Date.now()}` })).json());
    const slug = created.data.unique_slug;
    const t = Date.now();
    await after();
    const deadline = t + timeoutMs;
    for (;;) {
      const mine = fake.told.filter((x) => x.url.startsWith(server.url) && x.url.endsWith(`/jobs/${slug}`));
      if (mine.length >= 8) return Math.max(...mine.map((x) => x.at)) - t;
      if (Date.now() > deadline) return Number.NaN;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** @type {number[]} */
  const viaWebhook = [];
  for (let i = 0; i < 5; i++) {
    viaWebhook.push(await post(hooked, () => fetch(`${hooked.url}/api/revalidate`, { method: "POST", headers: { authorization: `Bearer ${secret}` } }), 2_000));
  }
  console.log(`   posted, then the webhook: every address told in p50 ${fixed(percentile(viaWebhook, 50))} ms, max ${fixed(Math.max(...viaWebhook))} ms (5 jobs, 4 languages, both engines)`);
  const withoutHook = await post(unhooked, async () => undefined, 45_000);
  console.log(`   posted, no webhook, no visitor (JOBS_CACHE_SECONDS=20, SEARCH_NOTIFY_POLL_MS=10000): told after ${fixed(withoutHook / 1000, 1)} s`);

  const widget = readFileSync(join(root, "public", "embed.js"));
  console.log(`   /embed.js: ${fixed(widget.length / 1024, 1)} KiB, ${fixed(gzipSync(widget, { level: 9 }).length / 1024, 2)} KiB gzipped`);
  for (const path of ["/embed.js", "/jobs.json", "/embed?workplace=remote"]) {
    await fetch(`${hooked.url}${path}`);
    const { rps } = await throughput(`${hooked.url}${path}`, 5);
    console.log(`   ${path.padEnd(26)} ${fixed(rps).padStart(6)} req/s`);
  }
  fake.close();
  return servers;
}
