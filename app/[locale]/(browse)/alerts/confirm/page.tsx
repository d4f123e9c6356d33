import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { describeFilters } from "@/lib/alerts/filters";
import { getSubscription } from "@/lib/alerts/subscriptions";
import { alertToken, readAlertToken } from "@/lib/alerts/tokens";
import { pageLocale } from "@/lib/i18n/server";
import { words } from "@/lib/i18n/translator";

// Rendered per request (it reads the query string, or per-visitor state).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "alertPages");
  return { title: t("confirmTitle"), robots: { index: false, follow: false } };
}

// The link in the confirmation email. Opening it changes nothing (mail scanners open links);
// the button does, with a POST to /api/alerts/confirm.
export default async function ConfirmAlertPage({ params, searchParams }: Props) {
  const page = await pageLocale((await params).locale);
  const t = words(page.locale, "alertPages");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const id = await readAlertToken("confirm", token);
  const subscription = id ? await getSubscription(id) : null;
  if (subscription?.status === "confirmed") redirect(`${page.prefix}/alerts/manage?token=${await alertToken("manage", subscription.id)}&confirmed=1`);
  const { branding } = page;
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      {subscription ? (
        <>
          <h1 className="text-2xl font-bold text-slate-900">{t("confirmTitle")}</h1>
          <p className="mt-2 text-slate-800">
            {t.rich("confirmBody", {
              company: branding.companyName,
              email: subscription.email,
              summary: describeFilters(subscription.filters, page.locale),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <form method="post" action="/api/alerts/confirm" className="mt-6">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="locale" value={page.locale} />
            <button type="submit" className="min-h-11 rounded-md bg-brand px-6 font-semibold text-brand-contrast">
              {t("confirmButton")}
            </button>
          </form>
          <p className="mt-4 text-sm text-slate-700">{t("confirmIgnore")}</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold text-slate-900">{t("linkDeadTitle")}</h1>
          <p className="mt-2 text-slate-800" data-testid="confirm-invalid">
            {t("linkDeadBody")}
          </p>
          <p className="mt-4">
            <Link href={page.path("/alerts/new")} className="font-medium text-brand underline">
              {t("signUpAgain")}
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
