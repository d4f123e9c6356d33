import { AlertForm } from "@/components/alerts/alert-form";
import { ClientWords } from "@/components/client-words";
import { describeFilters, type AlertFilters } from "@/lib/alerts/filters";
import { alertCadence, alertsOffered } from "@/lib/alerts/switch";
import { getBranding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";

/** The job-alert form for these filters, when the site offers alerts (else nothing). */
export async function AlertSignup({ filters, id, locale }: { filters: AlertFilters; id?: string; locale: Locale }) {
  if (!(await alertsOffered())) return null;
  const branding = await getBranding();
  return (
    <ClientWords locale={locale} namespaces={["alerts"]}>
      <AlertForm
        id={id}
        filters={filters}
        summary={describeFilters(filters, locale)}
        cadence={alertCadence(locale)}
        privacyPolicyUrl={branding.privacyPolicyUrl}
        companyName={branding.companyName}
      />
    </ClientWords>
  );
}
