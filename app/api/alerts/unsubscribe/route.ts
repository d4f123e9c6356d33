import { deleteSubscription } from "@/lib/alerts/subscriptions";
import { readAlertToken } from "@/lib/alerts/tokens";
import { formOf, readBody } from "@/lib/http/body";
import { prefixFor } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

// POST /api/alerts/unsubscribe?token=…: the List-Unsubscribe address in every alert email.
// A mail client's one-click unsubscribe (RFC 8058: a POST whose body is
// "List-Unsubscribe=One-Click") gets a plain 200; the button on the manage page (the token in
// the form) is sent on to a page that says so. Either way the subscription and everything
// kept about it are deleted. Nothing happens on GET: link scanners open links.
export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const read = await readBody(request);
  if (!read.ok) return read.response;
  const form = (await formOf(read, request.headers.get("content-type"))) ?? new URLSearchParams();
  const oneClick = form.get("List-Unsubscribe") === "One-Click";
  const id = await readAlertToken("manage", url.searchParams.get("token") ?? form.get("token"));
  const headers = { "Cache-Control": "no-store" };
  // The manage page's button says its language; a mail client's one-click POST gets plain text.
  const prefix = oneClick ? "" : await prefixFor(form.get("locale"));
  if (!id) {
    if (oneClick) return new Response("This unsubscribe link is not valid.\n", { status: 400, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
    return new Response(null, { status: 303, headers: { ...headers, Location: `${prefix}/alerts/manage?invalid=1` } });
  }
  await deleteSubscription(id);
  if (oneClick) return new Response("Unsubscribed: the alert and everything kept about it are deleted.\n", { status: 200, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 303, headers: { ...headers, Location: `${prefix}/alerts/manage?deleted=1` } });
}

export function GET(): Response {
  return new Response("Unsubscribing needs a POST: use the link in the email to open the page with the button.\n", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}
