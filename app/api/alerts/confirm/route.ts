import { confirmSubscription } from "@/lib/alerts/subscriptions";
import { alertToken, readAlertToken } from "@/lib/alerts/tokens";
import { formOf, readBody } from "@/lib/http/body";
import { prefixFor } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const see = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

// POST /api/alerts/confirm (the button on /alerts/confirm): the double opt-in's second step.
export async function POST(request: Request): Promise<Response> {
  const read = await readBody(request);
  if (!read.ok) return read.response;
  const form = await formOf(read, request.headers.get("content-type"));
  const token = form?.get("token");
  const id = await readAlertToken("confirm", token);
  const subscription = id ? await confirmSubscription(id) : null;
  // Back to the page's language (the form says which).
  const prefix = await prefixFor(form?.get("locale"));
  if (!subscription) return see(`${prefix}/alerts/confirm?token=${encodeURIComponent(typeof token === "string" ? token.slice(0, 300) : "")}`);
  return see(`${prefix}/alerts/manage?token=${await alertToken("manage", subscription.id)}&confirmed=1`);
}
