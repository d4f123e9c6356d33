"use client";

// "Get job alerts": an email address for the filters in view. A server action, so it works
// without JavaScript too: the form then posts to /alerts/new, which shows the answer. What
// was typed stays on every refusal. Its words come translated from the server (alertFormWords),
// so the listing and job pages ship no translation library for it.
import { useActionState } from "react";
import { subscribeAlertAction } from "@/app/[locale]/(browse)/alerts/actions";
import type { AlertFormState } from "@/lib/alerts/form";
import type { AlertFilters } from "@/lib/alerts/filters";
import type { Locale } from "@/lib/i18n/locales";
import { FILTER_KEYS } from "@/lib/routes";

/** The form's words in the page's language, with the alert's summary and cadence filled in. */
export type AlertFormWords = {
  heading: string;
  intro: string;
  emailLabel: string;
  submit: string;
  submitting: string;
  privacy: string;
  privacyPolicy: string;
  sentHeading: string;
};

type Props = {
  filters: AlertFilters;
  locale: Locale;
  words: AlertFormWords;
  privacyPolicyUrl: string | null;
  /** Id prefix: several pages embed it. */
  id?: string;
};

export function AlertForm({ filters, locale, words, privacyPolicyUrl, id = "alerts" }: Props) {
  const t = (key: keyof AlertFormWords) => words[key];
  const initial: AlertFormState = { status: "idle", message: "", email: "", filters };
  const [state, action, pending] = useActionState(subscribeAlertAction, initial, `/${locale}/alerts/new`);
  const shown = state.status === "idle" ? filters : state.filters;
  if (state.status === "sent") {
    return (
      <div className="rounded-lg border border-green-700 bg-green-50 p-5" data-testid="alert-sent">
        <h2 id={`${id}-heading`} className="text-lg font-semibold text-slate-900">
          {t("sentHeading")}
        </h2>
        <p className="mt-1 text-slate-800" role="status">
          {state.message}
        </p>
      </div>
    );
  }
  const emailError = state.status === "error" && state.fieldError === "email";
  return (
    <form action={action} className="rounded-lg border border-slate-200 bg-slate-50 p-5" aria-labelledby={`${id}-heading`} data-testid="alert-form">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-700">
        {t("intro")}
      </p>
      <input type="hidden" name="locale" value={locale} />
      {FILTER_KEYS.map((key) => (shown[key] ? <input key={key} type="hidden" name={key} value={shown[key]} /> : null))}
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-email`} className="block font-medium text-slate-900">
            {t("emailLabel")}
          </label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            autoComplete="email"
            spellCheck={false}
            defaultValue={state.email}
            aria-invalid={emailError || undefined}
            aria-describedby={`${id}-message ${id}-privacy`}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3"
          />
        </div>
        <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand px-5 font-semibold text-brand-contrast disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
      <p id={`${id}-message`} role="alert" className="mt-2 text-sm font-medium text-red-800 empty:hidden">
        {state.status === "error" ? state.message : ""}
      </p>
      <p id={`${id}-privacy`} className="mt-2 text-sm text-slate-700">
        {t("privacy")}{" "}
        {privacyPolicyUrl ? (
          <a href={privacyPolicyUrl} className="font-medium text-brand underline">
            {t("privacyPolicy")}
          </a>
        ) : null}
      </p>
    </form>
  );
}
