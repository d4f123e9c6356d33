// POST /api/insights: a page view or the start of an application, sent by the visitor's
// browser (navigator.sendBeacon) after the page has loaded, so counting costs a cached page
// nothing. Crawlers (isbot), prefetches and unknown jobs are not counted; the user agent and
// address are read to decide that and never stored. More events from one address in a minute
// than a person makes are not counted: on PostgreSQL (several replicas) that count is shared in
// the database, on SQLite (one server) it is kept in memory. The answer is an empty 204 (a 413
// or 415 for a body no beacon ever is).
import "server-only";
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { clientIpOf } from "@/lib/client-ip";
import { dbKind } from "@/lib/db";
import { env } from "@/lib/env";
import { readBody } from "@/lib/http/body";
import { getJobBySlug } from "@/lib/jobs";
import { processSingleton } from "@/lib/process-state.mjs";
import { hit } from "@/lib/rate-limit";
import { storedSource } from "./sources";
import { count } from "./collector";

const beaconSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("view"), path: z.string().max(300), source: z.string().max(200).optional() }),
  z.object({ type: z.literal("start"), job: z.string().max(64), source: z.string().max(200).optional() }),
]);

const recent = () => processSingleton("beacon-addresses", () => new LRUCache<string, { n: number }>({ max: 50_000, ttl: 60_000 }));

/** True when `address` sent more events this minute than the limit. */
async function overLimit(address: string): Promise<boolean> {
  const limit = env().INSIGHTS_EVENTS_PER_ADDRESS_PER_MINUTE;
  if (dbKind() === "postgres") return !(await hit(`beacon:${address}`, limit, 60_000)).allowed;
  const seen = recent().get(address) ?? { n: 0 };
  seen.n += 1;
  recent().set(address, seen, { noUpdateTTL: seen.n > 1 });
  return seen.n > limit;
}

const NOTHING = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

function isPrefetch(headers: Headers): boolean {
  return [headers.get("sec-purpose"), headers.get("purpose"), headers.get("x-purpose"), headers.get("x-moz")].some((v) => v && /prefetch|preview|prerender/i.test(v));
}

/** The job an event is about ("" for the listing), or null when it names no listed job. */
async function jobOf(event: z.infer<typeof beaconSchema>): Promise<string | null> {
  if (event.type === "view" && event.path === "/") return "";
  const key = event.type === "start" ? event.job : safeDecode(/^\/jobs\/([^/]+)$/.exec(event.path)?.[1]);
  if (!key) return null;
  return (await getJobBySlug(key).catch(() => null))?.uuid ?? null;
}

function safeDecode(value: string | undefined): string | null {
  try {
    return value ? decodeURIComponent(value) : null;
  } catch {
    return null;
  }
}

export async function beaconResponse(request: Request): Promise<Response> {
  if (!env().INSIGHTS_ENABLED) return NOTHING();
  const agent = request.headers.get("user-agent") ?? "";
  if (!agent || isbot(agent) || isPrefetch(request.headers)) return NOTHING();
  if (await overLimit(clientIpOf(request.headers))) return NOTHING();

  const read = await readBody(request);
  if (!read.ok) return read.response;
  let parsed: z.infer<typeof beaconSchema>;
  try {
    const result = beaconSchema.safeParse(JSON.parse(read.bytes.toString("utf8")));
    if (!result.success) return NOTHING();
    parsed = result.data;
  } catch {
    return NOTHING();
  }
  const jobUuid = await jobOf(parsed);
  if (jobUuid === null) return NOTHING();
  count({ metric: parsed.type, jobUuid, source: await storedSource(parsed.source) });
  return NOTHING();
}
