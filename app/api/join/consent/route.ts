import { postOnly, readPrivateForm, seeOther } from "@/lib/http/private-form";
import { endConsent, findConsent, renewConsent } from "@/lib/open-application/consents";

export const dynamic = "force-dynamic";

// POST /api/join/consent: the renewal page's two buttons (renew, end now), plain forms.
export async function POST(request: Request): Promise<Response> {
  const read = await readPrivateForm(request);
  if (read instanceof Response) return read;
  const { form, prefix } = read;
  const token = form.get("token");
  const consent = await findConsent(token);
  if (!consent || typeof token !== "string") return seeOther(`${prefix}/join/renew`);
  if (form.get("action") === "renew") await renewConsent(consent);
  if (form.get("action") === "end") await endConsent(consent);
  return seeOther(`${prefix}/join/renew?token=${encodeURIComponent(token)}`);
}

export const GET = postOnly("the renewal page's forms");
