"use client";

// Changing what an alert looks for, on its manage page: a server action, so it works without
// JavaScript too (posting to the same page). What was chosen stays on a refusal.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateAlertAction } from "@/app/[locale]/(browse)/alerts/actions";
import type { AlertFormState } from "@/lib/alerts/form";
import type { AlertFilters } from "@/lib/alerts/filters";

export type Option = { value: string; label: string };

type Props = {
  token: string;
  filters: AlertFilters;
  options: { department: Option[]; country: Option[]; workplace: Option[]; schedule: Option[]; contract: Option[] };
  permalink: string;
};

const SELECTS = ["department", "country", "workplace", "schedule", "contract"] as const;

export function AlertChangeForm({ token, filters, options, permalink }: Props) {
  const t = useTranslations("alerts");
  const locale = useLocale();
  const initial: AlertFormState = { status: "idle", message: "", email: "", filters };
  const [state, action, pending] = useActionState(updateAlertAction, initial, permalink);
  const shown = state.filters;
  return (
    <form action={action} className="space-y-4" data-testid="alert-change-form">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <div>
        <label htmlFor="alert-q" className="block font-medium">
          {t("changeLabels.keywords")}
        </label>
        <input id="alert-q" name="q" defaultValue={shown.q ?? ""} maxLength={100} className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 px-3" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {SELECTS.map((key) => (
          <div key={key}>
            <label htmlFor={`alert-${key}`} className="block font-medium">
              {t(`changeLabels.${key}`)}
            </label>
            <select id={`alert-${key}`} name={key} defaultValue={shown[key] ?? ""} className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3">
              <option value="">{t("any")}</option>
              {options[key].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              {shown[key] && !options[key].some((o) => o.value === shown[key]) ? <option value={shown[key]}>{shown[key]}</option> : null}
            </select>
          </div>
        ))}
      </div>
      <div>
        <label htmlFor="alert-city" className="block font-medium">
          {t("changeLabels.city")}
        </label>
        <input id="alert-city" name="city" defaultValue={shown.city ?? ""} maxLength={100} className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 px-3" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand px-5 font-semibold text-brand-contrast disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
      <p role="status" className={`text-sm font-medium ${state.status === "error" ? "text-red-800" : "text-green-800"}`}>
        {state.message}
      </p>
    </form>
  );
}
