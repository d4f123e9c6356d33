import { AlertForm, type AlertFormWords } from "@/components/alerts/alert-form";
import { describeFilters, type AlertFilters } from "@/lib/alerts/filters";
import { alertCadence, alertsOffered } from "@/lib/alerts/switch";
import { getBranding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

/** The alert form's words for these filters, translated here so the browser needs no catalog. */
export function alertFormWords(locale: Locale, filters: AlertFilters, companyName: string): AlertFormWords {
  const t = words(locale, "alerts");
  return {
    heading: t("heading"),
    intro: t("intro", { summary: describeFilters(filters, locale), cadence: alertCadence(locale) }),
    emailLabel: t("emailLabel"),
    submit: t("submit"),
    submitting: t("submitting"),
    privacy: t("privacy", { company: companyName }),
    privacyPolicy: t("privacyPolicy"),
    sentHeading: t("sentHeading"),
  };
}

/** The job-alert form for these filters, when the site offers alerts (else nothing). */
export async function AlertSignup({ filters, id, locale }: { filters: AlertFilters; id?: string; locale: Locale }) {
  if (!(await alertsOffered())) return null;
  const branding = await getBranding();
  return (
    <AlertForm id={id} filters={filters} locale={locale} words={alertFormWords(locale, filters, branding.companyName)} privacyPolicyUrl={branding.privacyPolicyUrl} />
  );
}
