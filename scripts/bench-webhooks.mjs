// @ts-check
// `npm run bench`, section 11: Occupop's webhooks on one SQLite server. Distinct candidate
// events as fast as 20 senders can post them (each kept, answered 202), then how long the
// worker takes to process them all; and one event posted again and again (each answered as a
// duplicate, nothing kept).
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { throughput } from "./bench-lib.mjs";

const SECRET = "bench-occupop-webhook-secret";
const fixed = (/** @type {number} */ n, digits = 0) => n.toFixed(digits);
const event = (/** @type {string} */ uuid, /** @type {string} */ at) =>
  JSON.stringify({ meta: { resource_type: "CandidateResource", event_name: "CandidateResource_status_updated" }, data: { uuid, status: "active", first_name: "Ada", last_name: "Byrne", email: "ada@example.com", hiring_flow_step: { name: "Interview" }, updated_at: at } });

/**
 * @param {(port: number, databaseUrl: string | undefined, extra?: Record<string, string>) => Promise<{ child: import("node:child_process").ChildProcess; url: string }>} site
 * @param {number} port
 * @param {string} dataDir the server's DATA_DIR (its SQLite database is read to see the events processed)
 */
export async function webhooks(site, port, dataDir) {
  console.log("11. Occupop webhooks (one SQLite server)");
  const server = await site(port, undefined, { OCCUPOP_WEBHOOK_SECRET: SECRET });
  const hook = `${server.url}/api/occupop/webhook`;
  const headers = { "content-type": "application/json", authorization: `Bearer ${SECRET}` };
  await fetch(hook, { method: "POST", headers, body: event(randomUUID(), new Date().toISOString()) });

  let sent = 0;
  let refused = 0;
  const seconds = 5;
  const t = performance.now();
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (Date.now() < end) {
        const res = await fetch(hook, { method: "POST", headers, body: event(randomUUID(), new Date().toISOString()) });
        await res.arrayBuffer();
        if (res.status === 202) sent++;
        else refused++;
      }
    }),
  );
  const elapsed = (performance.now() - t) / 1000;
  const db = new Database(join(dataDir, "careers.sqlite"), { readonly: true, fileMustExist: true });
  const pending = () => Number(/** @type {{ n: number }} */ (db.prepare("select count(*) as n from occupop_events where status = 'pending'").get()).n);
  const drainStart = performance.now();
  while (pending() > 0 && performance.now() - drainStart < 120_000) await new Promise((r) => setTimeout(r, 50));
  const drained = performance.now() - drainStart;
  const kept = Number(/** @type {{ n: number }} */ (db.prepare("select count(*) as n from candidate_statuses").get()).n);
  db.close();
  console.log(`   distinct events, 20 senders: ${fixed(sent / elapsed)} accepted/s (${sent} in ${fixed(elapsed, 1)} s, ${refused} not 202); all processed ${fixed(drained)} ms after the last; ${kept} candidate statuses kept`);

  const repeat = event("bench-repeated-candidate", "2026-12-01T10:00:00.000000Z");
  const { rps, tool } = await throughput(hook, 5, { post: { method: "POST", body: repeat, headers } });
  console.log(`   one event posted again and again (${tool}): ${fixed(rps)} duplicates answered/s`);
  return [server];
}
