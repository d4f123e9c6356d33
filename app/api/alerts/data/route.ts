import { getSubscription } from "@/lib/alerts/subscriptions";
import { readAlertToken } from "@/lib/alerts/tokens";
import { postOnly, PRIVATE_HEADERS as PRIVATE, readPrivateForm, seeOther as back } from "@/lib/http/private-form";
import { ErasureBusyError, eraseEmail, exportForEmail } from "@/lib/receipts/rights";

export const dynamic = "force-dynamic";

// POST /api/alerts/data: the alert management page's data buttons. Its link was only ever
// emailed, after a double opt-in, so its holder owns the address: export and erase reach
// everything kept under it (lib/receipts/rights.ts), not only the alert.
export async function POST(request: Request): Promise<Response> {
  const read = await readPrivateForm(request);
  if (read instanceof Response) return read;
  const { form, prefix } = read;
  const token = form.get("token");
  const id = await readAlertToken("manage", token);
  const subscription = id ? await getSubscription(id) : null;
  if (!subscription || typeof token !== "string") return back(`${prefix}/alerts/manage?invalid=1`);
  if (form.get("action") === "export") {
    return new Response(JSON.stringify(await exportForEmail(subscription.email), null, 2), {
      headers: { ...PRIVATE, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="my-data.json"' },
    });
  }
  if (form.get("action") === "erase") {
    try {
      await eraseEmail(subscription.email);
    } catch (error) {
      if (error instanceof ErasureBusyError) return back(`${prefix}/alerts/manage?token=${encodeURIComponent(token)}&busy=1`);
      throw error;
    }
    return back(`${prefix}/alerts/manage?erased=1`);
  }
  return back(`${prefix}/alerts/manage?token=${encodeURIComponent(token)}`);
}

export const GET = postOnly("the alert management page's forms");
