// The plain forms on pages whose link is a credential (the status page, an alert's page, a
// consent's renewal page) post to small route handlers that share their first steps: the body
// within its route's cap, a limit per client, the page's language, and answers that are never
// cached, indexed or passed on as a Referer to another site.
import "server-only";
import { clientIpOf } from "@/lib/client-ip";
import { prefixFor } from "@/lib/i18n/server";
import { hit } from "@/lib/rate-limit";
import { formOf, readBody } from "./body";

/** Forms per minute one client may send to these handlers. */
export const PRIVATE_FORMS_PER_MINUTE = 10;

export const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" } as const;

/** A 303 to a page of the site. */
export const seeOther = (location: string) => new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: location } });

/** The form and its page's language prefix, or the answer to give instead (too large, too many). */
export async function readPrivateForm(request: Request): Promise<{ form: URLSearchParams | FormData; prefix: string } | Response> {
  const read = await readBody(request);
  if (!read.ok) return read.response;
  const form = (await formOf(read, request.headers.get("content-type"))) ?? new URLSearchParams();
  const limit = await hit(`status-action:${clientIpOf(request.headers)}`, PRIVATE_FORMS_PER_MINUTE, 60_000);
  if (!limit.allowed) {
    return new Response("Too many requests: please try again in a minute.\n", {
      status: 429,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(Math.ceil(limit.retryAfterMs / 1000)) },
    });
  }
  return { form, prefix: await prefixFor(form.get("locale")) };
}

/** GET on a form's handler: link scanners open links, and nothing may happen. */
export const postOnly = (what: string) => () =>
  new Response(`This address takes ${what} (POST).\n`, { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
