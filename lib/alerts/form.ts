// The job-alert forms' state and input parsing, shared by the server actions and the forms
// (no secrets here). Input is read whole and checked: too long, line breaks where none belong,
// or not an email address, and the person gets a sentence saying which, with what they typed.
import { FILTER_KEYS } from "@/lib/routes";
import { alertFiltersSchema, canonicalFilters, type AlertFilters } from "./filters";

export type AlertFormState = {
  status: "idle" | "sent" | "saved" | "error";
  message: string;
  /** What was typed, given back so nothing is lost on a refusal. */
  email: string;
  filters: AlertFilters;
  fieldError?: "email" | "filters";
};

export function filtersFromForm(formData: FormData): { ok: true; filters: AlertFilters } | { ok: false; message: string; raw: AlertFilters } {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = formData.get(key);
    if (typeof value === "string") raw[key] = value;
  }
  const parsed = alertFiltersSchema.safeParse(raw);
  if (parsed.success) return { ok: true, filters: canonicalFilters(parsed.data) };
  // Give back what fits in a form again; the message says what was wrong.
  const kept = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.slice(0, 100)])) as AlertFilters;
  return { ok: false, message: parsed.error.issues[0]?.message ?? "These filters cannot be used.", raw: kept };
}
