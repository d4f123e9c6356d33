// Every decision made about a request before Next.js renders it, in one place, from the route
// table (lib/routes.ts): the HTTP front (scripts/server.mjs) asks decide() for each request and
// sends its answer instead of handing the request on. In order:
//   - another method than GET or HEAD at a read-only handler (a cached feed, the sitemap) is
//     answered here (OPTIONS: what is allowed; the rest 405), so no answer of another method is
//     ever cached in the GET's place (Next keeps them under one key);
//   - a first visit to a page that may be sent to the visitor's language is (lib/i18n/entry.ts);
//   - a page or feed that needs the job list gets the 503 while none was ever loaded (./gate.ts);
//   - a job page whose job has left the list is served by its /gone page with a 410 (./gone.ts);
//   - a cached page the page cache holds fresh is served from it (lib/page-cache/front.ts).
// Bodies are the front's own business (admitted by lib/front/admission.ts, from the same table).
import "server-only";
import type { FrontRequest, PlainAnswer, Reroute } from "@/lib/front/hooks";
import { languageEntry } from "@/lib/i18n/entry";
import { routeOf } from "@/lib/routes";
import { cachedPageAnswer } from "@/lib/page-cache/front";
import { gateAnswer } from "./gate";
import { goneReroute } from "./gone";

const ALLOWED = "GET, HEAD, OPTIONS";

/** Another method than GET or HEAD at a read-only route handler, answered here; else null. */
export function methodAnswer(method: string, pathname: string): PlainAnswer | null {
  if (method === "GET" || method === "HEAD" || !routeOf(pathname)?.readOnly) return null;
  if (method === "OPTIONS") {
    const headers: Record<string, string> = { allow: ALLOWED };
    // The JSON feed may be read from other sites.
    if (pathname.endsWith("/jobs.json")) Object.assign(headers, { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, HEAD" });
    return { status: 204, headers, body: "" };
  }
  return {
    status: 405,
    headers: { allow: ALLOWED, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    body: `${pathname} can only be read (${ALLOWED}).\n`,
  };
}

/** The answer to send instead of Next's, or null to go on (a promise when the job list must be sought). */
export function decide(request: Omit<FrontRequest, "client">): PlainAnswer | Reroute | Promise<PlainAnswer | Reroute | null> | null {
  const other = methodAnswer(request.method, request.pathname);
  if (other) return other;
  const route = routeOf(request.pathname);
  if (!route) return null;
  if (request.method === "GET" || request.method === "HEAD") {
    const redirect = languageEntry(request);
    if (redirect) return redirect;
  }
  const gate = route.gated ? gateAnswer(request.pathname) : null;
  if (gate) return gate;
  const gone = goneReroute(request, route);
  if (gone) return gone.then((reroute) => reroute ?? cachedPageAnswer(request));
  return cachedPageAnswer(request);
}
