"use server";

// The job-alert forms' server actions: sign up (from the listing, a job page or /alerts/new,
// with or without JavaScript) and change an alert's filters (from its manage page).
import { emailSchema, subscribe, updateSubscriptionFilters } from "@/lib/alerts/subscriptions";
import { filtersFromForm, type AlertFormState } from "@/lib/alerts/form";
import { readAlertToken } from "@/lib/alerts/tokens";
import { clientIp } from "@/lib/client-ip";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { log } from "@/lib/log";

const NOT_A_FORM: AlertFormState = { status: "error", message: translator("en")("alerts.notAForm"), email: "", filters: {} };

/** The sign-up form's language (its hidden "locale" field), for its answers and the emails. */
const formLocale = (formData: FormData) => {
  const given = formData.get("locale");
  return isLocale(given) ? given : "en";
};

export async function subscribeAlertAction(_prev: AlertFormState, formData: FormData): Promise<AlertFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const locale = formLocale(formData);
  const t = translator(locale);
  const typed = formData.get("email");
  const email = typeof typed === "string" ? typed : "";
  const kept = email.slice(0, 254);
  const filters = filtersFromForm(formData);
  if (!filters.ok) return { status: "error", message: t("alerts.nothingSaved", { problem: filters.message }), email: kept, filters: filters.raw, fieldError: "filters" };
  const address = emailSchema.safeParse(email);
  if (!address.success) {
    const issue = address.error.issues[0];
    const message =
      issue?.code === "too_small"
        ? t("alerts.emailMissing")
        : issue?.code === "too_big"
          ? t("alerts.emailTooLong")
          : issue?.code === "invalid_format" && issue.format === "regex"
            ? t("alerts.emailSpaces")
            : t("alerts.invalidEmail");
    return { status: "error", message, email: kept, filters: filters.filters, fieldError: "email" };
  }
  try {
    const outcome = await subscribe(address.data, filters.filters, await clientIp(), undefined, locale);
    const state = { email: kept, filters: filters.filters };
    switch (outcome) {
      case "sent":
      case "already":
        return { ...state, status: "sent", message: t("alerts.sent", { email: address.data }) };
      case "refused":
        return { ...state, status: "error", fieldError: "email", message: t("alerts.refused") };
      case "limited":
        return { ...state, status: "error", message: t("alerts.limited") };
      case "off":
        return { ...state, status: "error", message: t("alerts.off") };
    }
  } catch (error) {
    log("alerts").error({ err: error instanceof Error ? error.message : String(error) }, "could not save a job alert");
    return { status: "error", message: t("alerts.failed"), email: kept, filters: filters.filters };
  }
}

export async function updateAlertAction(_prev: AlertFormState, formData: FormData): Promise<AlertFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const t = translator(formLocale(formData));
  const filters = filtersFromForm(formData);
  if (!filters.ok) return { status: "error", message: t("alerts.notChanged", { problem: filters.message }), email: "", filters: filters.raw, fieldError: "filters" };
  const id = await readAlertToken("manage", formData.get("token"));
  if (!id) return { status: "error", message: t("alerts.invalidLink"), email: "", filters: filters.filters };
  const outcome = await updateSubscriptionFilters(id, filters.filters);
  if (outcome === "gone") return { status: "error", message: t("alerts.gone"), email: "", filters: filters.filters };
  if (outcome === "duplicate") return { status: "error", message: t("alerts.duplicate"), email: "", filters: filters.filters };
  return { status: "saved", message: t("alerts.saved"), email: "", filters: filters.filters };
}
