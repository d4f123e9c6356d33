// 204 once this server has started (migrations applied, workers running): Next.js runs
// instrumentation's register() before it answers any request. scripts/server.mjs asks it
// before letting visitors in; a load balancer may use it as a readiness probe.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
