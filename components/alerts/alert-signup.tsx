import { AlertForm } from "@/components/alerts/alert-form";
import { describeFilters, type AlertFilters } from "@/lib/alerts/filters";
import { alertCadence, alertsOffered } from "@/lib/alerts/switch";
import { getBranding } from "@/lib/branding";

/** The job-alert form for these filters, when the site offers alerts (else nothing). */
export async function AlertSignup({ filters, id }: { filters: AlertFilters; id?: string }) {
  if (!(await alertsOffered())) return null;
  const branding = await getBranding();
  return (
    <AlertForm
      id={id}
      filters={filters}
      summary={describeFilters(filters)}
      cadence={alertCadence()}
      privacyPolicyUrl={branding.privacyPolicyUrl}
      companyName={branding.companyName}
    />
  );
}
