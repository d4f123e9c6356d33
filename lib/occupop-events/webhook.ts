// POST /api/occupop/webhook: Occupop's webhooks. Occupop documents no signature, so the URL
// carries a shared secret, OCCUPOP_WEBHOOK_SECRET, as `Authorization: Bearer …`, an
// x-webhook-secret header or ?secret= (Occupop's form takes only a URL), compared in constant
// time: a 401 otherwise, a 404 while it is not set. The event is kept once (./queue.ts) and
// answered at once (202); a replica's worker processes it (./worker.ts).
import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { readBody } from "@/lib/http/body";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { secretsMatch, webhookSecret } from "@/lib/secrets";
import { storeEvent, type OccupopEvent } from "./queue";
import { eventArrived } from "./worker";

const logger = log("occupop-events");

/** The event as Occupop sends it; only these fields are read (the rest, names and emails included, is dropped). */
const eventSchema = z.object({
  meta: z.object({ resource_type: z.string().min(1).max(60), event_name: z.string().min(1).max(80) }),
  data: z.object({
    uuid: z.string().min(1).max(64),
    status: z.string().max(60).nullish(),
    hiring_flow_step: z.object({ name: z.string().max(100).nullish() }).nullish(),
    updated_at: z.string().max(40).nullish(),
  }),
});

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function receiveOccupopWebhook(request: Request): Promise<Response> {
  const expected = env().OCCUPOP_WEBHOOK_SECRET;
  if (!expected) return answer(404, { ok: false, message: "Occupop webhooks are not configured (set OCCUPOP_WEBHOOK_SECRET)." });
  if (!secretsMatch(webhookSecret(request, "x-webhook-secret"), expected)) {
    logger.warn("Occupop webhook refused: wrong secret");
    metrics().webhookEvents.inc({ hook: "occupop", outcome: "refused" });
    return answer(401, { ok: false, message: "Wrong or missing secret." });
  }
  const read = await readBody(request);
  if (!read.ok) return read.response;
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString("utf8"));
  } catch {
    return answer(400, { ok: false, message: "The body is not JSON." });
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) return answer(400, { ok: false, message: "Not an Occupop event: it needs meta.resource_type, meta.event_name and data.uuid." });
  const { meta, data } = parsed.data;
  const updated = data.updated_at ? Date.parse(data.updated_at) : Number.NaN;
  const event: OccupopEvent = {
    eventName: meta.event_name,
    resourceType: meta.resource_type,
    uuid: data.uuid,
    status: data.status ?? null,
    step: data.hiring_flow_step?.name ?? null,
    updatedAt: Number.isFinite(updated) ? updated : null,
  };
  try {
    const stored = await storeEvent(event, read.bytes);
    metrics().webhookEvents.inc({ hook: "occupop", outcome: "accepted" });
    if (stored) eventArrived();
    return answer(202, { ok: true, duplicate: !stored });
  } catch (error) {
    metrics().webhookEvents.inc({ hook: "occupop", outcome: "failed" });
    logger.error({ err: error instanceof Error ? error.message : String(error) }, "an Occupop webhook event could not be kept");
    // Occupop tries again on a 5xx.
    return answer(503, { ok: false, message: "The event could not be kept; send it again." });
  }
}
