import type { Metadata } from "next";
import { AlertChangeForm, type Option } from "@/components/alerts/alert-change-form";
import { ClientWords } from "@/components/client-words";
import { JobsLink } from "@/components/jobs-link";
import { describeFilters } from "@/lib/alerts/filters";
import { getSubscription } from "@/lib/alerts/subscriptions";
import { CONFIRM_DAYS, readAlertToken } from "@/lib/alerts/tokens";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { pageLocale } from "@/lib/i18n/server";
import { getOpenJobs } from "@/lib/jobs";
import { searchJobs, type FacetOption } from "@/lib/jobs/search";
import { words } from "@/lib/i18n/translator";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "alertPages");
  return { title: t("manageTitle"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (ms: number | null, locale: Locale, notYet: string) =>
  ms === null ? notYet : `${new Intl.DateTimeFormat(locale === "en" ? "en-IE" : locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(ms))} UTC`;
const options = (facets: FacetOption[]): Option[] => facets.map((f) => ({ value: f.value, label: f.label }));

// Everything kept about an alert, reached from the link in each of its emails (no account):
// see it, change it, or delete it all. Works without JavaScript.
export default async function ManageAlertPage({ params: route, searchParams }: Props) {
  const page = await pageLocale((await route).locale);
  const t = words(page.locale, "alertPages");
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const id = token ? await readAlertToken("manage", token) : null;
  const subscription = id ? await getSubscription(id) : null;
  const { branding } = page;

  if (!subscription) {
    const deleted = params.deleted === "1" || params.erased === "1";
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900">{params.erased === "1" ? words(page.locale, "status")("erasedTitle") : deleted ? t("unsubscribed") : t("goneTitle")}</h1>
        <p className="mt-2 text-slate-800" data-testid={deleted ? "alert-deleted" : "alert-gone"}>
          {params.erased === "1" ? t("erasedBody", { company: branding.companyName }) : deleted ? t("deletedBody", { company: branding.companyName }) : t("goneBody")}
        </p>
        <JobsLink href={page.path("/")} className="mt-4">
          {t("openJobs")}
        </JobsLink>
      </main>
    );
  }

  const { facets } = searchJobs(await getOpenJobs().catch(() => []), {}, page.locale);
  const permalink = `${page.prefix}/alerts/manage?token=${token}`;
  const notYet = t("notYet");
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("manageTitle")}</h1>
      {params.confirmed === "1" ? (
        <p className="mt-3 rounded-md border border-green-700 bg-green-50 p-3" role="status" data-testid="alert-confirmed">
          {t("confirmed")}
        </p>
      ) : null}

      <section aria-labelledby="kept-heading" className="mt-6">
        <h2 id="kept-heading" className="text-xl font-semibold">
          {t("keptHeading", { company: branding.companyName })}
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2" data-testid="alert-kept">
          <dt className="font-medium">{t("email")}</dt>
          <dd>{subscription.email}</dd>
          <dt className="font-medium">{t("alert")}</dt>
          <dd>{describeFilters(subscription.filters, page.locale)}</dd>
          <dt className="font-medium">{t("signedUp")}</dt>
          <dd>{when(subscription.createdAt, page.locale, notYet)}</dd>
          <dt className="font-medium">{t("confirmedAt")}</dt>
          <dd>{when(subscription.confirmedAt, page.locale, notYet)}</dd>
          <dt className="font-medium">{t("lastEmail")}</dt>
          <dd>{when(subscription.lastDigestAt, page.locale, notYet)}</dd>
          <dt className="font-medium">{t("jobsSent")}</dt>
          <dd>{subscription.jobsSent}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          {t("keptNote")}
          {branding.privacyPolicyUrl ? (
            <>
              {" "}
              <a href={branding.privacyPolicyUrl} className="font-medium text-brand underline">
                {t("privacyPolicy")}
              </a>
            </>
          ) : null}
        </p>
      </section>

      <section aria-labelledby="change-heading" className="mt-10">
        <h2 id="change-heading" className="text-xl font-semibold">
          {t("changeHeading")}
        </h2>
        <div className="mt-3">
          <ClientWords locale={page.locale} namespaces={["alerts"]}>
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
          </ClientWords>
        </div>
      </section>

      <section aria-labelledby="data-heading" className="mt-10">
        <h2 id="data-heading" className="text-xl font-semibold">
          {t("dataHeading")}
        </h2>
        <p className="mt-1 text-slate-700">{t("dataBody", { email: subscription.email })}</p>
        <p className="mt-1 text-sm text-slate-700" data-testid="alert-retention">
          {t("dataRetention", { days: CONFIRM_DAYS, retention: env().DELIVERED_RETENTION_DAYS })}
        </p>
        {params.busy === "1" ? (
          <p className="mt-3 rounded-md border border-amber-600 bg-amber-50 p-3" role="alert">
            {words(page.locale, "status")("busy")}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-3">
          {(
            [
              ["export", t("exportButton"), "border border-slate-400 bg-white text-slate-900"],
              ["erase", t("eraseAllButton"), "bg-red-800 text-white"],
            ] as const
          ).map(([action, label, look]) => (
            <form key={action} method="post" action="/api/alerts/data">
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="locale" value={page.locale} />
              <input type="hidden" name="action" value={action} />
              <button type="submit" className={`min-h-11 rounded-md px-5 font-semibold ${look}`} data-testid={`alert-data-${action}`}>
                {label}
              </button>
            </form>
          ))}
        </div>
      </section>

      <section aria-labelledby="delete-heading" className="mt-10">
        <h2 id="delete-heading" className="text-xl font-semibold">
          {t("deleteHeading")}
        </h2>
        <p className="mt-1 text-slate-700">{t("deleteBody")}</p>
        <form method="post" action="/api/alerts/unsubscribe" className="mt-3">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={page.locale} />
          <button type="submit" className="min-h-11 rounded-md bg-red-800 px-5 font-semibold text-white">
            {t("deleteButton")}
          </button>
        </form>
      </section>
    </main>
  );
}
