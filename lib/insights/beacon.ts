// POST /api/insights: a page view or the start of an application, sent by the visitor's
// browser (navigator.sendBeacon) after the page has loaded, so counting costs a cached page
// nothing. Crawlers (isbot), prefetches and unknown jobs are not counted; the user agent and
// address are read to decide that and never stored. The answer is always an empty 204.
import "server-only";
import { isbot } from "isbot";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { clientIpOf } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { getJobBySlug } from "@/lib/jobs";
import { sourceOf } from "./channels";
import { count } from "./collector";

const beaconSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("view"), path: z.string().max(300), source: z.string().max(200).optional() }),
  z.object({ type: z.literal("start"), job: z.string().max(64), source: z.string().max(200).optional() }),
]);

const recent = new LRUCache<string, { n: number }>({ max: 50_000, ttl: 60_000 });

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

const MAX_BODY = 4096;

/** The body as text, or null when it is larger than a beacon ever is (read no further). */
async function smallBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY || !request.body) return request.body ? null : "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function beaconResponse(request: Request): Promise<Response> {
  if (!env().INSIGHTS_ENABLED) return NOTHING();
  const agent = request.headers.get("user-agent") ?? "";
  if (!agent || isbot(agent) || isPrefetch(request.headers)) return NOTHING();
  const address = clientIpOf(request.headers);
  const seen = recent.get(address) ?? { n: 0 };
  seen.n += 1;
  recent.set(address, seen, { noUpdateTTL: seen.n > 1 });
  // More events than a person makes: beyond it, one address's events are not counted.
  if (seen.n > env().INSIGHTS_EVENTS_PER_ADDRESS_PER_MINUTE) return NOTHING();

  const text = await smallBody(request);
  if (text === null) return NOTHING();
  let parsed: z.infer<typeof beaconSchema>;
  try {
    const result = beaconSchema.safeParse(JSON.parse(text));
    if (!result.success) return NOTHING();
    parsed = result.data;
  } catch {
    return NOTHING();
  }
  const jobUuid = await jobOf(parsed);
  if (jobUuid === null) return NOTHING();
  count({ metric: parsed.type, jobUuid, source: sourceOf(parsed.source) });
  return NOTHING();
}
