import type { Metadata } from "next";
import Link from "next/link";
import { AlertForm } from "@/components/alerts/alert-form";
import { alertFiltersSchema, canonicalFilters, describeFilters, type AlertFilters } from "@/lib/alerts/filters";
import { alertCadence, alertsOffered } from "@/lib/alerts/switch";
import { getBranding } from "@/lib/branding";

export const metadata: Metadata = { title: "Job alerts", robots: { index: false, follow: true } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Job alerts on a page of their own: a link from anywhere (/alerts/new?department=…), and where
// the sign-up form posts without JavaScript, to show its answer.
export default async function NewAlertPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = alertFiltersSchema.safeParse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v)])));
  const filters: AlertFilters = parsed.success ? canonicalFilters(parsed.data) : {};
  const [offered, branding] = await Promise.all([alertsOffered(), getBranding()]);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Job alerts</h1>
      <p className="mt-2 text-slate-700">No account needed: give an email address, confirm it, and hear about new jobs at {branding.companyName}.</p>
      <div className="mt-6">
        {offered ? (
          <AlertForm
            id="alert-page"
            filters={filters}
            summary={describeFilters(filters)}
            cadence={alertCadence()}
            privacyPolicyUrl={branding.privacyPolicyUrl}
            companyName={branding.companyName}
          />
        ) : (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-4" data-testid="alerts-off">
            Job alerts are not available on this site right now.
          </p>
        )}
      </div>
      <p className="mt-6">
        <Link href="/" className="font-medium text-brand underline">
          See all open jobs
        </Link>
      </p>
    </main>
  );
}
