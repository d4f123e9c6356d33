import { clientIpOf } from "@/lib/client-ip";
import { formOf, readBody } from "@/lib/http/body";
import { prefixFor } from "@/lib/i18n/server";
import { endConsent, findConsent, renewConsent } from "@/lib/open-application/consents";
import { hit } from "@/lib/rate-limit";
import { STATUS_ACTIONS_PER_MINUTE } from "@/lib/receipts/limits";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" };
const back = (location: string) => new Response(null, { status: 303, headers: { ...PRIVATE, Location: location } });

// POST /api/join/consent: the renewal page's two buttons (renew, end now), plain forms.
export async function POST(request: Request): Promise<Response> {
  const read = await readBody(request);
  if (!read.ok) return read.response;
  const form = (await formOf(read, request.headers.get("content-type"))) ?? new URLSearchParams();
  const prefix = await prefixFor(form.get("locale"));
  const limit = await hit(`status-action:${clientIpOf(request.headers)}`, STATUS_ACTIONS_PER_MINUTE, 60_000);
  if (!limit.allowed) {
    return new Response("Too many requests: please try again in a minute.\n", {
      status: 429,
      headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(Math.ceil(limit.retryAfterMs / 1000)) },
    });
  }
  const token = form.get("token");
  const consent = await findConsent(token);
  if (!consent || typeof token !== "string") return back(`${prefix}/join/renew`);
  if (form.get("action") === "renew") await renewConsent(consent);
  if (form.get("action") === "end") await endConsent(consent);
  return back(`${prefix}/join/renew?token=${encodeURIComponent(token)}`);
}

export function GET(): Response {
  return new Response("This address takes the renewal page's forms (POST).\n", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
}
