// GET /metrics: this server's metrics in Prometheus' text format (lib/metrics), for whoever holds
// METRICS_TOKEN as a bearer token. Without the token, or while it is unset, there is nothing
// here: a 404, as for any path that does not exist.
import { metricsResponse } from "@/lib/metrics/route";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return metricsResponse(request);
}
