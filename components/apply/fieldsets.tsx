"use client";

// The application form's parts, each a fieldset: about you, experience (resume and cover
// letter), the job's screening questions, and the consents it asks for; and the summary of what
// needs another look. Each takes the form's bindings (react-hook-form's register, the errors to
// show, the values a form rendered on the server comes back with).
import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import type { UseFormRegister } from "react-hook-form";
import { answerField, FIELDS, MAX_COVER_LETTER, RESUME_ACCEPT, type ApplicationFormDefinition, type ApplyState } from "@/lib/applications/schema";
import { speaks } from "./apply-state";
import { describedBy, Field, FieldError, fieldId, inputClass, TextInput } from "./fields";
import { QuestionField } from "./question-field";
import { UploadProgress } from "./upload-progress";
import type { ResumeUpload } from "./use-resume-upload";

export type FormBindings = {
  register: UseFormRegister<Record<string, unknown>>;
  /** The error to show under a field, if any. */
  errorOf: (name: string) => string | undefined;
  /** What the server sent back of what was typed (a form rendered without JavaScript). */
  values: Record<string, string>;
  /** A field's label (a question's text for an answer). */
  label: (name: string) => string;
  /** Whether a field was filled in from the CV and not touched since. */
  fromCv?: (name: string) => boolean;
};

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

const LEGEND = "mb-2 text-lg font-semibold text-slate-900";

export function ErrorSummary({ state, errors, label, summaryRef }: { state: ApplyState; errors: Array<[string, string]>; label: (name: string) => string; summaryRef: RefObject<HTMLDivElement | null> }) {
  const t = useTranslations("apply");
  const show = speaks(state) && (errors.length > 0 || Boolean(state.message));
  if (state.status === "saved") {
    // Not an error: saved to finish later, and the link is on its way.
    return (
      <div ref={summaryRef} tabIndex={-1} role="status" aria-labelledby="apply-summary-heading" className="rounded-lg border-2 border-green-700 bg-green-50 p-4 focus:outline-offset-4" data-testid="apply-summary">
        <h3 id="apply-summary-heading" className="font-semibold text-green-900">
          {t("later.savedHeading")}
        </h3>
        <p className="mt-1 text-slate-900">{state.message}</p>
      </div>
    );
  }
  return (
    <div
      ref={summaryRef}
      tabIndex={-1}
      role={show ? "alert" : undefined}
      aria-labelledby={show ? "apply-summary-heading" : undefined}
      className={show ? "rounded-lg border-2 border-red-700 bg-red-50 p-4 focus:outline-offset-4" : "sr-only"}
      data-testid="apply-summary"
    >
      {show ? (
        <>
          <h3 id="apply-summary-heading" className="font-semibold text-red-900">
            {state.status === "invalid" ? t("notSentYet") : t("notSent")}
          </h3>
          {state.message ? <p className="mt-1 text-slate-900">{state.message}</p> : null}
          {errors.length ? (
            <ul className="mt-2 list-disc pl-5">
              {errors.map(([name, message]) => (
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
  );
}

export function AboutYouFieldset({ register, errorOf, values, label, fromCv = () => false, countries, defaultCountry }: FormBindings & { countries: Array<{ code: string; name: string }>; defaultCountry: string | null }) {
  const t = useTranslations("apply");
  return (
    <fieldset className="grid gap-5 sm:grid-cols-2">
      <legend className={LEGEND}>{t("aboutYou")}</legend>
      {TEXT_FIELDS.map(({ name, autoComplete, type, required, hint, wide }) => (
        <div key={name} className={wide ? "sm:col-span-2" : undefined}>
          <Field name={name} label={label(name)} required={required} hint={hint ? t(hint) : undefined} error={errorOf(name)} fromCv={fromCv(name)}>
            <TextInput
              id={fieldId(name)}
              type={type}
              inputMode={type === "url" ? "url" : undefined}
              autoComplete={autoComplete}
              required={required}
              defaultValue={values[name] ?? ""}
              aria-invalid={Boolean(errorOf(name))}
              aria-describedby={describedBy(name, Boolean(hint), errorOf(name), fromCv(name))}
              {...register(name)}
            />
          </Field>
        </div>
      ))}
      <div className="sm:col-span-2">
        <Field name={FIELDS.country} label={label(FIELDS.country)} error={errorOf(FIELDS.country)} fromCv={fromCv(FIELDS.country)}>
          <select
            id={fieldId(FIELDS.country)}
            autoComplete="country"
            className={inputClass}
            defaultValue={values[FIELDS.country] ?? defaultCountry ?? ""}
            aria-invalid={Boolean(errorOf(FIELDS.country))}
            aria-describedby={describedBy(FIELDS.country, false, errorOf(FIELDS.country), fromCv(FIELDS.country))}
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
  );
}

type ExperienceProps = FormBindings & { requiresCv: boolean; resumeAgain: boolean; coverLetterLength: number; hydrated: boolean; upload?: ResumeUpload; onCancelUpload?: () => void; filledFromCv?: number; waitingForUpload?: boolean };

export function ExperienceFieldset({ register, errorOf, values, label, requiresCv, resumeAgain, coverLetterLength, hydrated, upload, onCancelUpload = () => {}, filledFromCv = 0, waitingForUpload = false }: ExperienceProps) {
  const t = useTranslations("apply");
  return (
    <fieldset className="space-y-5">
      <legend className={LEGEND}>{t("experience")}</legend>
      <Field name={FIELDS.resume} label={label(FIELDS.resume)} required={requiresCv} hint={t("resumeHint")} error={errorOf(FIELDS.resume)}>
        <input
          id={fieldId(FIELDS.resume)}
          type="file"
          accept={RESUME_ACCEPT}
          required={requiresCv}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base file:mr-3 file:min-h-9 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:font-medium"
          aria-invalid={Boolean(errorOf(FIELDS.resume))}
          aria-describedby={[describedBy(FIELDS.resume, true, errorOf(FIELDS.resume)), resumeAgain ? "apply-resume-again" : null].filter(Boolean).join(" ") || undefined}
          {...register(FIELDS.resume)}
        />
        {upload ? <UploadProgress upload={upload} onCancel={onCancelUpload} filled={filledFromCv} waiting={waitingForUpload} /> : null}
        {resumeAgain ? (
          <p id="apply-resume-again" className="mt-1 text-sm font-medium text-amber-900" data-testid="resume-again">
            {t("resumeAgain")}
          </p>
        ) : null}
      </Field>
      <Field name={FIELDS.coverLetter} label={label(FIELDS.coverLetter)} hint={t("coverHint", { max: MAX_COVER_LETTER })} error={errorOf(FIELDS.coverLetter)}>
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
        <p id="apply-cover-count" className={`mt-1 text-sm ${coverLetterLength > MAX_COVER_LETTER ? "font-medium text-red-800" : "text-slate-600"}`} aria-live="polite">
          {t("coverCount", { count: coverLetterLength, max: MAX_COVER_LETTER })}
        </p>
      </Field>
    </fieldset>
  );
}

export function QuestionsFieldset({ register, errorOf, values, questions, companyName }: FormBindings & { questions: ApplicationFormDefinition["questions"]; companyName: string }) {
  const t = useTranslations("apply");
  if (!questions.length) return null;
  return (
    <fieldset className="space-y-5">
      <legend className={LEGEND}>{t("questions", { company: companyName })}</legend>
      {questions.map((question, i) => (
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
  );
}

type YourDataProps = FormBindings & {
  optInJob: boolean;
  optInDatabase: boolean;
  companyName: string;
  privacyPolicyUrl: string | null;
  openApplication?: { consentUntil: string; alertsOffered: boolean };
};

export function YourDataFieldset({ register, errorOf, values, optInJob, optInDatabase: askedDatabase, companyName, privacyPolicyUrl, openApplication }: YourDataProps) {
  const t = useTranslations("apply");
  // The open application is a request to be kept for future jobs: the consent is its point.
  const optInDatabase = askedDatabase || Boolean(openApplication);
  if (!optInJob && !optInDatabase) {
    return privacyPolicyUrl ? (
      <p className="text-sm text-slate-700">
        {t("howWeUse")}{" "}
        <a href={privacyPolicyUrl} className="font-medium text-brand underline" rel="noopener noreferrer" target="_blank">
          {t("privacyLink")}
        </a>
      </p>
    ) : null;
  }
  const consents = (
    [
      [FIELDS.consentJob, optInJob, t("consentJobText", { company: companyName })],
      [FIELDS.consentDatabase, optInDatabase, t("consentDatabaseText", { company: companyName })],
    ] as const
  ).filter(([, asked]) => asked);
  return (
    <fieldset className="space-y-4">
      <legend className={LEGEND}>{t("yourData")}</legend>
      <p className="text-sm text-slate-700">
        {t("dataUse", { company: companyName })}{" "}
        {privacyPolicyUrl ? (
          <a href={privacyPolicyUrl} className="font-medium text-brand underline" rel="noopener noreferrer" target="_blank">
            {t("privacyNewTab")}
          </a>
        ) : null}
      </p>
      {consents.map(([name, , text]) => (
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
          {name === FIELDS.consentDatabase && openApplication ? (
            <p className="mt-1 pl-9 text-sm text-slate-700" data-testid="consent-until">
              {t("openConsentUntil", { date: openApplication.consentUntil })}
            </p>
          ) : null}
          <FieldError name={name} error={errorOf(name)} />
        </div>
      ))}
      {openApplication?.alertsOffered ? (
        <div className="flex items-start gap-3">
          <input
            id={fieldId(FIELDS.alerts)}
            type="checkbox"
            className="mt-1 h-6 w-6 shrink-0 accent-[var(--brand-primary)]"
            defaultChecked={values[FIELDS.alerts] === "on"}
            {...register(FIELDS.alerts)}
          />
          <label htmlFor={fieldId(FIELDS.alerts)} className="text-slate-900">
            {t("openAlerts")} <span className="text-slate-700">{t("optional")}</span>
          </label>
        </div>
      ) : null}
      {openApplication ? <input type="hidden" name={FIELDS.openApplication} value="1" /> : null}
    </fieldset>
  );
}
