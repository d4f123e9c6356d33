"use client";

// The application form. Without JavaScript it posts to the server action and the server
// renders the errors with everything typed kept; with JavaScript, react-hook-form runs the
// same zod schema first, and nothing typed is lost whatever the server answers.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { countryOptions } from "@/lib/applications/countries";
import { useLocale, useMessages, useTranslations } from "next-intl";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { applyAction } from "@/app/[locale]/(browse)/jobs/[slug]/actions";
import {
  answerField,
  applicationSchema,
  FIELDS,
  MAX_COVER_LETTER,
  RESUME_ACCEPT,
  type ApplicationFormDefinition,
  type ApplyState,
} from "@/lib/applications/schema";
import { describedBy, Field, FieldError, fieldId, inputClass, TextInput } from "./fields";
import { QuestionField } from "./question-field";
import { landingChannel, landingUtm, sendInsight } from "@/lib/insights/client";
import { useHydrated } from "./use-hydrated";

type Props = {
  definition: ApplicationFormDefinition;
  /**
   * Country names from the server when the form is rendered there, so the browser's own Intl
   * data cannot make them differ at hydration; a form rendered only in the browser makes its own.
   */
  countries?: Array<{ code: string; name: string }>;
  formToken: string;
  privacyPolicyUrl: string | null;
  companyName: string;
  utmSource: string;
  /** Where a form posted without JavaScript lands with its errors: the page that rendered it. */
  permalink: string;
  /** Put the cursor in the first field once shown (it was opened on request). */
  focusFirstField?: boolean;
  /** The page's language prefix ("" or "/de") for links to the site's other pages. */
  prefix: string;
};

type Values = Record<string, unknown>;

/** The plain text inputs of "About you", in order. */
const TEXT_FIELDS: Array<{ name: string; autoComplete: string; type: string; required: boolean; hint?: "linkedinHint"; wide?: boolean }> = [
  { name: FIELDS.firstName, autoComplete: "given-name", type: "text", required: true },
  { name: FIELDS.lastName, autoComplete: "family-name", type: "text", required: true },
  { name: FIELDS.email, autoComplete: "email", type: "email", required: true },
  { name: FIELDS.phone, autoComplete: "tel", type: "tel", required: false },
  { name: FIELDS.linkedin, autoComplete: "url", type: "url", required: false, hint: "linkedinHint", wide: true },
  { name: FIELDS.city, autoComplete: "address-level2", type: "text", required: false },
  { name: FIELDS.region, autoComplete: "address-level1", type: "text", required: false },
];

/** The first message of each field's errors, from react-hook-form's error tree. */
function messages(errors: FieldErrors<Values>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([name, error]) =>
      error && typeof error.message === "string" ? [[name, error.message] as const] : [],
    ),
  );
}

export function ApplicationForm({ definition, countries: given, formToken, privacyPolicyUrl, companyName, utmSource, permalink, focusFirstField, prefix }: Props) {
  const t = useTranslations("apply");
  const errorText = useTranslations("apply.errors");
  const locale = useLocale();
  const countries = useMemo(() => given ?? countryOptions(locale), [given, locale]);
  const initial: ApplyState = { status: "idle", formToken };
  const [serverState, formAction] = useActionState(applyAction, initial, permalink);
  const [clientState, setClientState] = useState<ApplyState | null>(null);
  const state = clientState ?? serverState;
  const [sending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);
  const started = useRef(false);

  const fieldLabels: Record<string, string> = useMessages().apply.labels;
  const schema = useMemo(() => applicationSchema(definition, (key, v) => errorText(key, v), fieldLabels), [definition, errorText, fieldLabels]);
  const values = serverState.values ?? {};
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
    // No defaultValues: the markup carries them (defaultValue attributes, so the form works
    // without JavaScript), and react-hook-form reads each field from the page when it
    // registers it. Defaults here would overwrite what someone typed before hydration.
  } = useForm<Values>({ resolver: zodResolver(schema) as never, mode: "onTouched", shouldFocusError: false });

  // Errors the server found, shown by react-hook-form once it runs in the browser.
  useEffect(() => {
    for (const [name, list] of Object.entries(state.fieldErrors ?? {})) {
      if (list[0]) setError(name, { type: "server", message: list[0] });
    }
  }, [state.fieldErrors, setError]);

  useEffect(() => {
    if (focusSummary) summaryRef.current?.focus();
  }, [focusSummary]);

  useEffect(() => {
    if (focusFirstField) document.getElementById(fieldId(FIELDS.firstName))?.focus();
  }, [focusFirstField]);

  const shownErrors: Record<string, string> = hydrated
    ? messages(errors)
    : Object.fromEntries(Object.entries(serverState.fieldErrors ?? {}).flatMap(([k, v]) => (v[0] ? [[k, v[0]]] : [])));
  const errorOf = (name: string) => shownErrors[name];
  const coverLetter = String(useWatch({ control, name: FIELDS.coverLetter }) ?? values[FIELDS.coverLetter] ?? "");
  const chosenResume: unknown = useWatch({ control, name: FIELDS.resume });
  const resumeChosen = hydrated && typeof FileList !== "undefined" && chosenResume instanceof FileList && chosenResume.length > 0;

  const send = (form: HTMLFormElement) => {
    const data = new FormData(form);
    data.set("formToken", state.formToken);
    // The channel the visitor came by, and the utm_source they landed with (lib/insights/client).
    data.set("channel", landingChannel());
    if (!data.get("utmSource")) data.set("utmSource", landingUtm());
    startTransition(async () => {
      try {
        const result = await applyAction(state, data);
        setClientState(result);
        if (result.status === "sent" && result.redirectTo) {
          window.location.assign(result.redirectTo);
          return;
        }
        if (result.status !== "idle") setFocusSummary((n) => n + 1);
      } catch (error) {
        // Refused before it reached the form's action: over the applications' rate limit the
        // server says so in the form's own words (lib/front/admission.ts); anything else is a
        // busy server or a dropped connection.
        const limited = t("status.rateLimited", { seconds: 60 });
        if (error instanceof Error && error.message.trim() === limited) setClientState({ ...state, status: "rate-limited", message: limited, fieldErrors: {} });
        else setClientState({ ...state, status: "busy", message: t("status.unreachable"), fieldErrors: {} });
        setFocusSummary((n) => n + 1);
      }
    });
  };
  const onInvalid = () => {
    setClientState({ ...state, status: "invalid", message: t("status.invalid"), fieldErrors: {} });
    setFocusSummary((n) => n + 1);
  };
  // The first time someone types or picks something in the form is the start of an application
  // (not focus: arriving at #apply puts the cursor in the first field by itself).
  const onFirstInput = () => {
    if (started.current) return;
    started.current = true;
    sendInsight({ type: "start", job: definition.jobUuid });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void handleSubmit(() => send(form), onInvalid)();
  };

  const errorList = Object.entries(shownErrors);
  const showSummary = state.status !== "idle" && state.status !== "sent" && (errorList.length > 0 || state.message);
  const label = (name: string) => fieldLabels[name] ?? definition.questions[Number(name.replace("answer_", ""))]?.text ?? name;

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onInput={onFirstInput}
      noValidate={hydrated}
      encType="multipart/form-data"
      className="mt-6 space-y-6"
      aria-describedby="apply-required-note"
    >
      <div
        ref={summaryRef}
        tabIndex={-1}
        role={showSummary ? "alert" : undefined}
        aria-labelledby={showSummary ? "apply-summary-heading" : undefined}
        className={showSummary ? "rounded-lg border-2 border-red-700 bg-red-50 p-4 focus:outline-offset-4" : "sr-only"}
        data-testid="apply-summary"
      >
        {showSummary ? (
          <>
            <h3 id="apply-summary-heading" className="font-semibold text-red-900">
              {state.status === "invalid" ? t("notSentYet") : t("notSent")}
            </h3>
            {state.message ? <p className="mt-1 text-slate-900">{state.message}</p> : null}
            {errorList.length ? (
              <ul className="mt-2 list-disc pl-5">
                {errorList.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${fieldId(name)}`} className="text-red-900 underline">
                      {label(name)}: {message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      <p id="apply-required-note" className="text-sm text-slate-700">
        {t("requiredNote")}{" "}
        <a href={`${prefix}/accessibility#adjustments`} className="font-medium text-brand underline">
          {t("adjustment")}
        </a>
      </p>

      <input type="hidden" name="jobUuid" value={definition.jobUuid} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={state.formToken} />
      <input type="hidden" name="utmSource" value={values.utmSource || utmSource} />
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          {t("honeypot")}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold text-slate-900">{t("aboutYou")}</legend>
        {TEXT_FIELDS.map(({ name, autoComplete, type, required, hint, wide }) => (
          <div key={name} className={wide ? "sm:col-span-2" : undefined}>
            <Field name={name} label={label(name)} required={required} hint={hint ? t(hint) : undefined} error={errorOf(name)}>
              <TextInput
                id={fieldId(name)}
                type={type}
                inputMode={type === "url" ? "url" : undefined}
                autoComplete={autoComplete}
                required={required}
                defaultValue={values[name] ?? ""}
                aria-invalid={Boolean(errorOf(name))}
                aria-describedby={describedBy(name, Boolean(hint), errorOf(name))}
                {...register(name)}
              />
            </Field>
          </div>
        ))}
        <div className="sm:col-span-2">
          <Field name={FIELDS.country} label={label(FIELDS.country)} error={errorOf(FIELDS.country)}>
            <select
              id={fieldId(FIELDS.country)}
              autoComplete="country"
              className={inputClass}
              defaultValue={values[FIELDS.country] ?? definition.defaultCountry ?? ""}
              aria-invalid={Boolean(errorOf(FIELDS.country))}
              aria-describedby={describedBy(FIELDS.country, false, errorOf(FIELDS.country))}
              {...register(FIELDS.country)}
            >
              <option value="">{t("chooseCountry")}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-2 text-lg font-semibold text-slate-900">{t("experience")}</legend>
        <Field
          name={FIELDS.resume}
          label={label(FIELDS.resume)}
          required={definition.requiresCv}
          hint={t("resumeHint")}
          error={errorOf(FIELDS.resume)}
        >
          <input
            id={fieldId(FIELDS.resume)}
            type="file"
            accept={RESUME_ACCEPT}
            required={definition.requiresCv}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:font-medium"
            aria-invalid={Boolean(errorOf(FIELDS.resume))}
            aria-describedby={[describedBy(FIELDS.resume, true, errorOf(FIELDS.resume)), state.resumeNeedsReselect ? "apply-resume-again" : null].filter(Boolean).join(" ") || undefined}
            {...register(FIELDS.resume)}
          />
          {state.resumeNeedsReselect && !resumeChosen ? (
            <p id="apply-resume-again" className="mt-1 text-sm font-medium text-amber-900" data-testid="resume-again">
              {t("resumeAgain")}
            </p>
          ) : null}
        </Field>
        <Field
          name={FIELDS.coverLetter}
          label={label(FIELDS.coverLetter)}
          hint={t("coverHint", { max: MAX_COVER_LETTER })}
          error={errorOf(FIELDS.coverLetter)}
        >
          <textarea
            id={fieldId(FIELDS.coverLetter)}
            rows={7}
            maxLength={hydrated ? undefined : MAX_COVER_LETTER}
            className={inputClass}
            defaultValue={values[FIELDS.coverLetter] ?? ""}
            aria-invalid={Boolean(errorOf(FIELDS.coverLetter))}
            aria-describedby={[describedBy(FIELDS.coverLetter, true, errorOf(FIELDS.coverLetter)), "apply-cover-count"].filter(Boolean).join(" ")}
            {...register(FIELDS.coverLetter)}
          />
          <p
            id="apply-cover-count"
            className={`mt-1 text-sm ${coverLetter.length > MAX_COVER_LETTER ? "font-medium text-red-800" : "text-slate-600"}`}
            aria-live="polite"
          >
            {t("coverCount", { count: coverLetter.length, max: MAX_COVER_LETTER })}
          </p>
        </Field>
      </fieldset>

      {definition.questions.length ? (
        <fieldset className="space-y-5">
          <legend className="mb-2 text-lg font-semibold text-slate-900">{t("questions", { company: companyName })}</legend>
          {definition.questions.map((question, i) => (
            <QuestionField
              key={answerField(i)}
              name={answerField(i)}
              question={question}
              defaultValue={values[answerField(i)] ?? ""}
              error={errorOf(answerField(i))}
              registration={register(answerField(i))}
            />
          ))}
        </fieldset>
      ) : null}

      {definition.optInJob || definition.optInDatabase ? (
        <fieldset className="space-y-4">
          <legend className="mb-2 text-lg font-semibold text-slate-900">{t("yourData")}</legend>
          <p className="text-sm text-slate-700">
            {t("dataUse", { company: companyName })}{" "}
            {privacyPolicyUrl ? (
              <a href={privacyPolicyUrl} className="font-medium text-brand underline" rel="noopener noreferrer" target="_blank">
                {t("privacyNewTab")}
              </a>
            ) : null}
          </p>
          {(
            [
              [FIELDS.consentJob, definition.optInJob, t("consentJobText", { company: companyName })],
              [FIELDS.consentDatabase, definition.optInDatabase, t("consentDatabaseText", { company: companyName })],
            ] as const
          )
            .filter(([, asked]) => asked)
            .map(([name, , text]) => (
              <div key={name}>
                <div className="flex items-start gap-3">
                  <input
                    id={fieldId(name)}
                    type="checkbox"
                    required
                    className="mt-1 h-6 w-6 shrink-0 accent-[var(--brand-primary)]"
                    defaultChecked={values[name] === "on"}
                    aria-invalid={Boolean(errorOf(name))}
                    aria-describedby={describedBy(name, false, errorOf(name))}
                    {...register(name)}
                  />
                  <label htmlFor={fieldId(name)} className="text-slate-900">
                    {text} <span className="text-slate-700">{t("required")}</span>
                  </label>
                </div>
                <FieldError name={name} error={errorOf(name)} />
              </div>
            ))}
        </fieldset>
      ) : privacyPolicyUrl ? (
        <p className="text-sm text-slate-700">
          {t("howWeUse")}{" "}
          <a href={privacyPolicyUrl} className="font-medium text-brand underline" rel="noopener noreferrer" target="_blank">
            {t("privacyLink")}
          </a>
        </p>
      ) : null}

      <div className="border-t border-slate-200 pt-6">
        <button
          type="submit"
          disabled={sending || state.status === "sent"}
          aria-describedby="apply-sending"
          className="min-h-12 w-full rounded-md bg-brand px-6 text-lg font-semibold text-brand-contrast hover:opacity-90 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
        >
          {sending || state.status === "sent" ? t("sending") : t("submit")}
        </button>
        <p id="apply-sending" role="status" aria-live="polite" className="mt-2 text-sm text-slate-700">
          {sending ? t("sendingNote") : ""}
        </p>
      </div>
    </form>
  );
}
