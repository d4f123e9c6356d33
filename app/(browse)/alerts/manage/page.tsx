import type { Metadata } from "next";
import Link from "next/link";
import { AlertChangeForm, type Option } from "@/components/alerts/alert-change-form";
import { describeFilters } from "@/lib/alerts/filters";
import { getSubscription } from "@/lib/alerts/subscriptions";
import { readAlertToken } from "@/lib/alerts/tokens";
import { getBranding } from "@/lib/branding";
import { getOpenJobs } from "@/lib/jobs";
import { searchJobs, type FacetOption } from "@/lib/jobs/search";

export const metadata: Metadata = { title: "Your job alert", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (ms: number | null) => (ms === null ? "not yet" : `${new Intl.DateTimeFormat("en-IE", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(ms))} UTC`);
const options = (facets: FacetOption[]): Option[] => facets.map((f) => ({ value: f.value, label: f.label }));

// Everything kept about an alert, reached from the link in each of its emails (no account):
// see it, change it, or delete it all. Works without JavaScript.
export default async function ManageAlertPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const id = token ? await readAlertToken("manage", token) : null;
  const subscription = id ? await getSubscription(id) : null;
  const branding = await getBranding();

  if (!subscription) {
    const deleted = params.deleted === "1";
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">{deleted ? "Unsubscribed" : "This alert no longer exists"}</h1>
        <p className="mt-2 text-slate-800" data-testid={deleted ? "alert-deleted" : "alert-gone"}>
          {deleted
            ? `Your job alert and everything ${branding.companyName} kept about it are deleted. You will get no more alert emails.`
            : "It was deleted, or this link is not valid. Nothing is kept about a deleted alert."}
        </p>
        <p className="mt-4">
          <Link href="/" className="font-medium text-brand underline">
            See open jobs
          </Link>
        </p>
      </main>
    );
  }

  const { facets } = searchJobs(await getOpenJobs().catch(() => []), {});
  const permalink = `/alerts/manage?token=${token}`;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Your job alert</h1>
      {params.confirmed === "1" ? (
        <p className="mt-3 rounded-md border border-green-700 bg-green-50 p-3" role="status" data-testid="alert-confirmed">
          Confirmed: you will get an email when new jobs match.
        </p>
      ) : null}

      <section aria-labelledby="kept-heading" className="mt-6">
        <h2 id="kept-heading" className="text-xl font-semibold">
          What {branding.companyName} keeps about you
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2" data-testid="alert-kept">
          <dt className="font-medium">Email address</dt>
          <dd>{subscription.email}</dd>
          <dt className="font-medium">Alert</dt>
          <dd>{describeFilters(subscription.filters)}</dd>
          <dt className="font-medium">Signed up</dt>
          <dd>{when(subscription.createdAt)}</dd>
          <dt className="font-medium">Confirmed</dt>
          <dd>{when(subscription.confirmedAt)}</dd>
          <dt className="font-medium">Last alert email</dt>
          <dd>{when(subscription.lastDigestAt)}</dd>
          <dt className="font-medium">Jobs sent to you</dt>
          <dd>{subscription.jobsSent}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          Nothing else: no name, no address, no tracking of what you open. It is kept until you delete it here.
          {branding.privacyPolicyUrl ? (
            <>
              {" "}
              <a href={branding.privacyPolicyUrl} className="font-medium text-brand underline">
                Privacy policy
              </a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="change-heading" className="mt-10">
        <h2 id="change-heading" className="text-xl font-semibold">
          Change what it looks for
        </h2>
        <div className="mt-3">
          <AlertChangeForm
            token={token}
            filters={subscription.filters}
            permalink={permalink}
            options={{
              department: options(facets.department),
              country: options(facets.country),
              workplace: options(facets.workplace),
              schedule: options(facets.schedule),
              contract: options(facets.contract),
            }}
          />
        </div>
      </section>

      <section aria-labelledby="delete-heading" className="mt-10">
        <h2 id="delete-heading" className="text-xl font-semibold">
          Unsubscribe
        </h2>
        <p className="mt-1 text-slate-700">Stops the emails and deletes your address and this alert at once.</p>
        <form method="post" action="/api/alerts/unsubscribe" className="mt-3">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="min-h-11 rounded-md bg-red-800 px-5 font-semibold text-white">
            Unsubscribe and delete my data
          </button>
        </form>
      </section>
    </main>
  );
}
