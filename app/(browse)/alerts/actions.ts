"use server";

// The job-alert forms' server actions: sign up (from the listing, a job page or /alerts/new,
// with or without JavaScript) and change an alert's filters (from its manage page).
import { emailSchema, subscribe, updateSubscriptionFilters } from "@/lib/alerts/subscriptions";
import { filtersFromForm, type AlertFormState } from "@/lib/alerts/form";
import { readAlertToken } from "@/lib/alerts/tokens";
import { clientIp } from "@/lib/client-ip";
import { log } from "@/lib/log";

const NOT_A_FORM: AlertFormState = { status: "error", message: "That request did not come from this site's form, so nothing was saved.", email: "", filters: {} };

export async function subscribeAlertAction(_prev: AlertFormState, formData: FormData): Promise<AlertFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const typed = formData.get("email");
  const email = typeof typed === "string" ? typed : "";
  const kept = email.slice(0, 254);
  const filters = filtersFromForm(formData);
  if (!filters.ok) return { status: "error", message: `${filters.message} Nothing was saved.`, email: kept, filters: filters.raw, fieldError: "filters" };
  const address = emailSchema.safeParse(email);
  if (!address.success) {
    return { status: "error", message: address.error.issues[0]?.message ?? "Enter an email address.", email: kept, filters: filters.filters, fieldError: "email" };
  }
  try {
    const outcome = await subscribe(address.data, filters.filters, await clientIp());
    const state = { email: kept, filters: filters.filters };
    switch (outcome) {
      case "sent":
      case "already":
        return { ...state, status: "sent", message: `Check your inbox at ${address.data}: we sent a link to confirm your alert. Nothing else is sent until you use it.` };
      case "refused":
        return { ...state, status: "error", fieldError: "email", message: "The mail server for that address refused our email before, so we cannot send alerts there. Try another address." };
      case "limited":
        return { ...state, status: "error", message: "That is several sign-ups in a short while. Check your inbox (and spam folder) for the email we sent, or try again in an hour." };
      case "off":
        return { ...state, status: "error", message: "Job alerts are switched off on this site right now, so nothing was saved." };
    }
  } catch (error) {
    log("alerts").error({ err: error instanceof Error ? error.message : String(error) }, "could not save a job alert");
    return { status: "error", message: "We could not save your alert just now. Please try again in a minute: what you typed is still here.", email: kept, filters: filters.filters };
  }
}

export async function updateAlertAction(_prev: AlertFormState, formData: FormData): Promise<AlertFormState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const filters = filtersFromForm(formData);
  if (!filters.ok) return { status: "error", message: `${filters.message} Your alert was not changed.`, email: "", filters: filters.raw, fieldError: "filters" };
  const id = await readAlertToken("manage", formData.get("token"));
  if (!id) return { status: "error", message: "This link is not valid, so nothing was changed.", email: "", filters: filters.filters };
  const outcome = await updateSubscriptionFilters(id, filters.filters);
  if (outcome === "gone") return { status: "error", message: "This alert no longer exists, so nothing was changed.", email: "", filters: filters.filters };
  if (outcome === "duplicate") return { status: "error", message: "You already have an alert for exactly these jobs, so this one was not changed.", email: "", filters: filters.filters };
  return { status: "saved", message: "Saved. Your alert now looks for these jobs.", email: "", filters: filters.filters };
}
