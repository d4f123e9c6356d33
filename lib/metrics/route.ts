// The answer to GET /metrics (app/metrics/route.ts): the exposition for METRICS_TOKEN's holder
// (compared in constant time), and a plain 404 for everyone else, as if the path did not exist.
import "server-only";
import { env } from "@/lib/env";
import { bearerToken, secretsMatch } from "@/lib/secrets";
import { exposition } from "./index";

const NOT_FOUND = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function metricsResponse(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token || !secretsMatch(bearerToken(request), token)) return NOT_FOUND();
  const { body, contentType } = await exposition();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
