"use client";

// The application form. Without JavaScript it posts to the server action (useActionState) and
// the server renders the errors with everything typed kept; with JavaScript, react-hook-form runs
// the same zod schema first, then the form's script calls the same action, and nothing typed is
// lost whatever the server answers. Every outcome is an event of one reducer (./apply-state.ts);
// the fieldsets are ./fieldsets.tsx. What is typed is also kept in this browser until it is sent
// (./use-kept-typing.ts), so a reload or a crash loses nothing either.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect, useMemo, useReducer, useRef, useState, useTransition, type FormEvent } from "react";
import { useLocale, useMessages, useTranslations } from "next-intl";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { applyAction } from "@/app/[locale]/(browse)/jobs/[slug]/actions";
import { countryOptions } from "@/lib/applications/countries";
import { applicationSchema, resumeProblem, DRAFT_FIELD, UPLOAD_FIELD, FIELDS, INTENT_FIELD, LATER_INTENT, type ApplicationFormDefinition, type ApplyState } from "@/lib/applications/schema";
import { landingChannel, landingUtm, sendInsight } from "@/lib/insights/client";
import { applyReducer, speaks } from "./apply-state";
import { useKeptTyping } from "./use-kept-typing";
import { useCvAutofill } from "./use-cv-autofill";
import { useResumeUpload } from "./use-resume-upload";
import { AboutYouFieldset, ErrorSummary, ExperienceFieldset, QuestionsFieldset, YourDataFieldset, type FormBindings } from "./fieldsets";
import { fieldId } from "./fields";
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
  /** Offer "Finish later" (the site can send email). */
  canFinishLater?: boolean;
  /** A draft opened from its emailed link: its token (sent with the form, which ends it) and values. */
  draft?: { token: string; values: Record<string, string> } | null;
  /** What became of a draft link: opened, or expired (or used). */
  draftNotice?: "opened" | "expired";
};

type Values = Record<string, unknown>;

/** The first message of each field's errors, from react-hook-form's error tree. */
function messages(errors: FieldErrors<Values>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([name, error]) =>
      error && typeof error.message === "string" ? [[name, error.message] as const] : [],
    ),
  );
}

export function ApplicationForm({ definition, countries: given, formToken, privacyPolicyUrl, companyName, utmSource, permalink, focusFirstField, prefix, canFinishLater, draft, draftNotice }: Props) {
  const t = useTranslations("apply");
  const errorText = useTranslations("apply.errors");
  const locale = useLocale();
  const countries = useMemo(() => given ?? countryOptions(locale), [given, locale]);
  const [serverState, formAction] = useActionState(applyAction, { status: "idle", formToken, ...(draft ? { values: draft.values } : {}) } satisfies ApplyState, permalink);
  const [state, dispatch] = useReducer(applyReducer, serverState);
  const [sending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);
  const [waitingForUpload, setWaitingForUpload] = useState(false);
  const started = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const fieldLabels: Record<string, string> = useMessages().apply.labels;
  const schema = useMemo(() => applicationSchema(definition, (key, v) => errorText(key, v), fieldLabels), [definition, errorText, fieldLabels]);
  const values = serverState.values ?? {};
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    getFieldState,
    control,
    formState: { errors },
    // No defaultValues: the markup carries them (defaultValue attributes, so the form works
    // without JavaScript), and react-hook-form reads each field from the page when it
    // registers it. Defaults here would overwrite what someone typed before hydration.
  } = useForm<Values>({ resolver: zodResolver(schema) as never, mode: "onTouched", shouldFocusError: false });

  // An answer to a form posted without JavaScript (the page rendered again) is the machine's too.
  useEffect(() => dispatch({ type: "answered", state: serverState }), [serverState]);

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

  const kept = useKeptTyping({ jobUuid: definition.jobUuid, questions: definition.questions.length, formRef, setValue, noRestore: Boolean(draft) });
  const clearForm = () => {
    kept.clear();
    document.getElementById(fieldId(FIELDS.firstName))?.focus();
  };

  const shownErrors: Record<string, string> = hydrated
    ? messages(errors)
    : Object.fromEntries(Object.entries(serverState.fieldErrors ?? {}).flatMap(([k, v]) => (v[0] ? [[k, v[0]]] : [])));
  const coverLetter = String(useWatch({ control, name: FIELDS.coverLetter }) ?? values[FIELDS.coverLetter] ?? "");
  const chosenResume: unknown = useWatch({ control, name: FIELDS.resume });
  const resumeChosen = hydrated && typeof FileList !== "undefined" && chosenResume instanceof FileList && chosenResume.length > 0;
  const chosenFile = resumeChosen ? (chosenResume as FileList)[0] : undefined;
  const countryCodes = useMemo(() => new Set(countries.map((c) => c.code as string)), [countries]);
  const autofill = useCvAutofill({ getValues, setValue, getFieldState, defaultCountry: definition.defaultCountry, countryCodes, onFilled: kept.keepSoon });
  const resumeUpload = useResumeUpload({
    locale,
    onFields: autofill.fill,
    onRefused: (problem) => setError(FIELDS.resume, { type: "server", message: problem }),
  });
  const { start: startUpload, cancel: cancelUpload } = resumeUpload;
  // Chosen: it starts uploading at once (a file the form's own checks refuse is not sent).
  useEffect(() => {
    if (chosenFile && !resumeProblem(chosenFile)) startUpload(chosenFile);
    else cancelUpload();
  }, [chosenFile, startUpload, cancelUpload]);
  const cancelResume = () => {
    cancelUpload();
    const input = document.getElementById(fieldId(FIELDS.resume));
    if (input instanceof HTMLInputElement) input.value = "";
    setValue(FIELDS.resume, undefined);
  };
  const label = (name: string) => fieldLabels[name] ?? definition.questions[Number(name.replace("answer_", ""))]?.text ?? name;
  const bindings: FormBindings = { register, errorOf: (name) => shownErrors[name], values, label, fromCv: autofill.fromCv };

  const send = (form: HTMLFormElement, submitter?: HTMLElement | null) => {
    const data = new FormData(form, submitter);
    const file = data.get(FIELDS.resume);
    // "Finish later" keeps no resume: it is not sent.
    const later = submitter?.getAttribute("value") === LATER_INTENT;
    if (later) data.delete(FIELDS.resume);
    data.set("formToken", state.formToken);
    // The channel the visitor came by, and the utm_source they landed with (lib/insights/client).
    data.set("channel", landingChannel());
    if (!data.get("utmSource")) data.set("utmSource", landingUtm());
    startTransition(async () => {
      try {
        // The resume uploaded while the form was filled in goes by its id (waiting for it when it
        // is still under way); if that upload failed, the file itself is sent, as before.
        const pending = !later && file instanceof File && file.size > 0;
        if (pending && (resumeUpload.status.state === "uploading" || resumeUpload.status.state === "checking")) {
          setWaitingForUpload(true);
          document.querySelector('[data-testid="resume-upload"]')?.scrollIntoView({ block: "center" });
        }
        const uploaded = pending ? await resumeUpload.idFor(file) : null;
        setWaitingForUpload(false);
        if (uploaded) {
          data.delete(FIELDS.resume);
          data.set(UPLOAD_FIELD, uploaded);
        }
        const result = await applyAction(state, data);
        dispatch({ type: "answered", state: result });
        if (result.status === "sent" && result.redirectTo) {
          // Received: nothing of it stays on this device.
          kept.forget();
          window.location.assign(result.redirectTo);
          return;
        }
        if (speaks(result)) setFocusSummary((n) => n + 1);
      } catch (error) {
        // Refused before it reached the form's action: over the applications' rate limit the
        // server says so in the form's own words (lib/front/admission.ts); anything else is a
        // busy server or a dropped connection.
        const limited = t("status.rateLimited", { seconds: 60 });
        if (error instanceof Error && error.message.trim() === limited) dispatch({ type: "not-reached", status: "rate-limited", message: limited });
        else dispatch({ type: "not-reached", status: "busy", message: t("status.unreachable") });
        setFocusSummary((n) => n + 1);
      }
    });
  };
  const onInvalid = () => {
    dispatch({ type: "refused-here", message: t("status.invalid") });
    setFocusSummary((n) => n + 1);
  };
  // The first time someone types or picks something in the form is the start of an application
  // (not focus: arriving at #apply puts the cursor in the first field by itself).
  const onFirstInput = (event: FormEvent<HTMLFormElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) autofill.unmark(event.target.name);
    kept.keepSoon();
    if (started.current) return;
    started.current = true;
    sendInsight({ type: "start", job: definition.jobUuid });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // "Finish later" needs only the email (the server checks it): the rest may be unfinished.
    if (submitter?.getAttribute("value") === LATER_INTENT) return send(form, submitter);
    void handleSubmit(() => send(form), onInvalid)();
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onInput={onFirstInput}
      noValidate={hydrated}
      encType="multipart/form-data"
      className="mt-6 space-y-6"
      aria-describedby="apply-required-note"
    >
      <ErrorSummary state={state} errors={Object.entries(shownErrors)} label={label} summaryRef={summaryRef} />
      {draftNotice ? (
        <p role="status" className={`rounded-md px-3 py-2 ${draftNotice === "opened" ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-950"}`}>
          {t(`later.${draftNotice}`)}
        </p>
      ) : null}

      <p id="apply-required-note" className="text-sm text-slate-700">
        {t("requiredNote")}{" "}
        <a href={`${prefix}/accessibility#adjustments`} className="font-medium text-brand underline">
          {t("adjustment")}
        </a>
      </p>
      {hydrated ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <p id="apply-kept" role="status" aria-live="polite">
            {t(`kept.${kept.notice}`)}
          </p>
          {kept.notice === "restored" ? (
            <button type="button" onClick={clearForm} className="min-h-11 font-medium text-brand underline">
              {t("kept.forget")}
            </button>
          ) : null}
        </div>
      ) : null}

      <input type="hidden" name="jobUuid" value={definition.jobUuid} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={state.formToken} />
      <input type="hidden" name="utmSource" value={values.utmSource || utmSource} />
      {draft ? <input type="hidden" name={DRAFT_FIELD} value={draft.token} /> : null}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          {t("honeypot")}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <AboutYouFieldset {...bindings} countries={countries} defaultCountry={definition.defaultCountry} />
      <ExperienceFieldset
        {...bindings}
        requiresCv={definition.requiresCv}
        resumeAgain={Boolean(state.resumeNeedsReselect) && !resumeChosen}
        coverLetterLength={coverLetter.length}
        hydrated={hydrated}
        upload={resumeUpload.status}
        onCancelUpload={cancelResume}
        filledFromCv={autofill.count}
        waitingForUpload={waitingForUpload}
      />
      <QuestionsFieldset {...bindings} questions={definition.questions} companyName={companyName} />
      <YourDataFieldset
        {...bindings}
        optInJob={definition.optInJob}
        optInDatabase={definition.optInDatabase}
        companyName={companyName}
        privacyPolicyUrl={privacyPolicyUrl}
        openApplication={definition.openApplication}
      />

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
        {canFinishLater ? (
          <div className="mt-4">
            <button
              type="submit"
              name={INTENT_FIELD}
              value={LATER_INTENT}
              formNoValidate
              disabled={sending || state.status === "sent"}
              aria-describedby="apply-later-hint"
              className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-70"
            >
              {t("later.button")}
            </button>
            <p id="apply-later-hint" className="mt-1 text-sm text-slate-700">
              {t("later.hint")}
            </p>
          </div>
        ) : null}
      </div>
    </form>
  );
}
