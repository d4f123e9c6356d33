import { frontHooks } from "@/lib/front/hooks";

// Readiness: 204 once this server has started (migrations applied, workers running, the front's
// hooks registered: lib/boot.ts), 503 before. The HTTP front asks it once at start (the first
// request starts the app); a load balancer may use it as a readiness probe.
export const dynamic = "force-dynamic";

export function GET() {
  const started = frontHooks().startedAt !== undefined;
  return new Response(null, { status: started ? 204 : 503, headers: { "Cache-Control": "no-store", ...(started ? {} : { "Retry-After": "1" }) } });
}
