import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { describeFilters } from "@/lib/alerts/filters";
import { getSubscription } from "@/lib/alerts/subscriptions";
import { alertToken, readAlertToken } from "@/lib/alerts/tokens";
import { getBranding } from "@/lib/branding";

export const metadata: Metadata = { title: "Confirm your job alert", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The link in the confirmation email. Opening it changes nothing (mail scanners open links);
// the button does, with a POST to /api/alerts/confirm.
export default async function ConfirmAlertPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const id = await readAlertToken("confirm", token);
  const subscription = id ? await getSubscription(id) : null;
  if (subscription?.status === "confirmed") redirect(`/alerts/manage?token=${await alertToken("manage", subscription.id)}&confirmed=1`);
  const branding = await getBranding();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      {subscription ? (
        <>
          <h1 className="text-2xl font-bold text-slate-900">Confirm your job alert</h1>
          <p className="mt-2 text-slate-800">
            {branding.companyName} will email <strong>{subscription.email}</strong> about {describeFilters(subscription.filters)}.
          </p>
          <form method="post" action="/api/alerts/confirm" className="mt-6">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="min-h-11 rounded-md bg-brand px-6 font-semibold text-brand-contrast">
              Yes, send me job alerts
            </button>
          </form>
          <p className="mt-4 text-sm text-slate-700">Did not ask for this? Do nothing: the address is deleted in 7 days if it is not confirmed.</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold text-slate-900">This link no longer works</h1>
          <p className="mt-2 text-slate-800" data-testid="confirm-invalid">
            Confirmation links work for 7 days, and not after the alert was deleted. Nothing is kept about an alert that was never confirmed.
          </p>
          <p className="mt-4">
            <Link href="/alerts/new" className="font-medium text-brand underline">
              Sign up for job alerts again
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
