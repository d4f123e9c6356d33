// The application server action's work: validate with the shared schema, refuse spam and
// floods, store the application durably, then try to deliver it at once. The applicant
// sees "received" only once it is stored; a failure after that is the outbox's job.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { getBranding } from "@/lib/branding";
import { env } from "@/lib/env";
import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { getJobsSnapshot } from "@/lib/jobs";
import { log } from "@/lib/log";
import { cleanUtm } from "@/lib/insights/channels";
import { referrerOf } from "@/lib/insights/links";
import { storedSource } from "@/lib/insights/sources";
import { count } from "@/lib/insights/collector";
import { hit } from "@/lib/rate-limit";
import { formDefinition } from "./definition";
import { openApplicationJobUuid } from "@/lib/open-application/settings";
import { subscribe } from "@/lib/alerts/subscriptions";
import { APPLY_WINDOW_MS, applyRateKey } from "./limits";
import { processApplication } from "./deliver";
import { deleteDraft } from "./drafts";
import { issueFormToken, readFormToken } from "./form-token";
import { findById, findByKey, findRecentDuplicate, insertApplication, removeForResubmission, type ApplicationRecord } from "./outbox";
import { sniffResume } from "./resume";
import { receiptEmail } from "@/lib/receipts/emails";
import { deleteReceiptOf, newReceiptToken } from "@/lib/receipts/store";
import { enqueueMail } from "@/lib/mail/outbox";
import { mailConfigured } from "@/lib/mail/transport";
import { kickMail } from "@/lib/mail/worker";
import { answerField, applicationSchema, DRAFT_FIELD, FIELDS, fileOf, UPLOAD_FIELD, type ApplyState, type ErrorText } from "./schema";
import { finishedUploadFile, removeUpload } from "@/lib/uploads/store";

const logger = log("applications");

export const HONEYPOT_FIELD = "website";
export const TOKEN_FIELD = "formToken";
export const JOB_FIELD = "jobUuid";
export const UTM_FIELD = "utmSource";
/** The channel the visitor came by (lib/insights/client), for HR's insights. */
export const CHANNEL_FIELD = "channel";

const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
const SETTLE_TIMEOUT_MS = 60_000;

/** A redirect to the thank-you page; with the new application's private status token when one was made. */
export type SubmitResult = { state: ApplyState } | { redirectTo: string; receiptToken?: string };

/** Occupop's candidate fields → the form's fields, for showing a 422 where it belongs. */
const WIRE_TO_FORM: Record<string, string> = {
  email: FIELDS.email,
  first_name: FIELDS.firstName,
  last_name: FIELDS.lastName,
  landline: FIELDS.phone,
  linkedin: FIELDS.linkedin,
  profile: FIELDS.coverLetter,
  location_city: FIELDS.city,
  location_state: FIELDS.region,
  location_country: FIELDS.country,
  file_url: FIELDS.resume,
  file_name: FIELDS.resume,
  file: FIELDS.resume,
};

function typedValues(formData: FormData, questionCount: number): Record<string, string> {
  const names = [...Object.values(FIELDS).filter((f) => f !== FIELDS.resume), UTM_FIELD, CHANNEL_FIELD];
  for (let i = 0; i < questionCount; i++) names.push(answerField(i));
  return Object.fromEntries(
    names.map((name) => {
      const v = formData.get(name);
      return [name, typeof v === "string" ? v.slice(0, 10_000) : ""];
    }),
  );
}

function resumeSent(formData: FormData): boolean {
  return fileOf(formData.get(FIELDS.resume)) !== undefined;
}

/** The form's language, and its pages' URL prefix ("" or "/de"), for messages and the thank-you page. */
export type FormLanguage = { locale: Locale; prefix: string };

function applied(slug: string, queued: boolean, prefix = ""): { redirectTo: string } {
  return { redirectTo: `${prefix}/jobs/${slug}/applied${queued ? "?queued=1" : ""}` };
}

/** Waits while another request is delivering the same application, then reports its result. */
async function settle(record: ApplicationRecord, prefix: string): Promise<SubmitResult | null> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let current: ApplicationRecord | undefined = record;
  while (current && current.status === "pending" && (current.lease_until ?? 0) > Date.now() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    current = await findById(current.id);
  }
  if (!current) return null;
  if (current.status === "delivered") return applied(current.job_slug, false, prefix);
  if (current.status === "pending" || current.status === "held") return applied(current.job_slug, true, prefix);
  return null;
}

export async function submitApplication(
  prev: ApplyState,
  formData: FormData,
  clientIp: string,
  language: FormLanguage = { locale: "en", prefix: "" },
): Promise<SubmitResult> {
  // The resume uploaded while the form was filled in (tus, lib/uploads), as a file on disk.
  const uploadId = fileOf(formData.get(FIELDS.resume)) ? "" : String(formData.get(UPLOAD_FIELD) ?? "");
  const uploaded = uploadId ? await finishedUploadFile(uploadId) : null;
  try {
    return await submitForm(prev, formData, clientIp, language, uploadId ? (uploaded?.file ?? "lost") : null);
  } finally {
    await uploaded?.dispose();
  }
}

async function submitForm(
  prev: ApplyState,
  formData: FormData,
  clientIp: string,
  { locale, prefix }: FormLanguage,
  uploaded: File | "lost" | null,
): Promise<SubmitResult> {
  const t = translator(locale);
  const sent = (slug: string, queued: boolean) => applied(slug, queued, prefix);
  const jobUuid = String(formData.get(JOB_FIELD) ?? "");
  const { jobs } = await getJobsSnapshot();
  const job = jobs.find((j) => j.uuid === jobUuid);
  const formToken = String(formData.get(TOKEN_FIELD) ?? prev.formToken ?? "");
  if (!job || !job.isOpen) {
    return { state: { status: "closed", formToken, message: t("apply.status.closed") } };
  }
  const values = typedValues(formData, job.questions.length);
  const keep = (state: Omit<ApplyState, "values" | "resumeNeedsReselect" | "formToken"> & { formToken?: string }): SubmitResult => ({
    state: { ...state, formToken: state.formToken ?? formToken, values, resumeNeedsReselect: resumeSent(formData) },
  });

  // 1. The shared schema, built from the server's own copy of the job. A form from /join is the
  // open application only if its job is the one HR chose for it (the consent is then required).
  const open = formData.get(FIELDS.openApplication) === "1" && (await openApplicationJobUuid()) === job.uuid;
  const definition = { ...formDefinition(job), ...(open ? { openApplication: { consentUntil: "", alertsOffered: false } } : {}) };
  const raw: Record<string, unknown> = Object.fromEntries(formData.entries());
  if (uploaded === "lost") {
    // Expired (an hour after it began) or never finished: the file is asked for again.
    return { state: { status: "invalid", formToken, values, message: t("apply.status.invalid"), fieldErrors: { [FIELDS.resume]: [t("apply.errors.resumeUploadLost")] }, resumeNeedsReselect: true } };
  }
  if (uploaded) raw[FIELDS.resume] = uploaded;
  const errorText: ErrorText = (key, v) => t(`apply.errors.${key}`, v);
  const parsed = applicationSchema(definition, errorText, catalogs[locale].apply.labels).safeParse(raw);
  if (!parsed.success) {
    return keep({ status: "invalid", message: t("apply.status.invalid"), fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
  }
  const data = parsed.data as Record<string, unknown>;
  const str = (name: string) => (typeof data[name] === "string" ? (data[name] as string) : "");

  // 2. Spam: a filled honeypot is dropped quietly (bots get the thank-you page).
  if (String(formData.get(HONEYPOT_FIELD) ?? "") !== "") {
    logger.warn({ job: job.uuid }, "application dropped: honeypot filled");
    return sent(job.slug, false);
  }
  const token = await readFormToken(formToken);
  if (!token || token.jobUuid !== job.uuid) {
    return keep({
      status: "error",
      message: t("apply.status.expired"),
      formToken: await issueFormToken(job.uuid),
    });
  }
  const config = env();
  if (Date.now() - token.renderedAt < config.APPLY_MIN_FILL_SECONDS * 1000) {
    return keep({ status: "too-fast", message: t("apply.status.tooFast") });
  }

  // 3. The same form sent again (double click, resubmit, back button): the first one's result.
  const existing = await findByKey(token.key);
  if (existing) {
    const result = await settle(existing, prefix);
    if (result) return result;
    await removeForResubmission(existing.id); // Occupop refused it; this is the corrected one.
  }
  // Only the same key is the same application. The same job and email again (someone else
  // typing this person's address, or the person applying twice) is kept and held for HR.
  const email = str(FIELDS.email).toLowerCase();
  const dedupeKey = createHash("sha256").update(`${job.uuid}\n${email}`).digest("hex");
  const duplicate = await findRecentDuplicate(dedupeKey, Date.now() - DUPLICATE_WINDOW_MS);

  // 4. A flood from one address gets a sentence, not a crash.
  const limit = await hit(applyRateKey(clientIp), config.APPLY_RATE_LIMIT_PER_MINUTE, APPLY_WINDOW_MS);
  if (!limit.allowed) {
    return keep({
      status: "rate-limited",
      message: t("apply.status.rateLimited", { seconds: Math.ceil(limit.retryAfterMs / 1000) }),
    });
  }

  // 5. The resume by its content, whatever its name.
  const resume = data[FIELDS.resume] instanceof File ? (data[FIELDS.resume] as File) : undefined;
  let mime: string | null = null;
  if (resume) {
    const sniffed = await sniffResume(resume, errorText);
    if (!sniffed.ok) return keep({ status: "invalid", message: t("apply.status.invalid"), fieldErrors: { [FIELDS.resume]: [sniffed.problem] } });
    mime = sniffed.mime;
  }

  // 6. Durable before anything else: the application and its resume, in one transaction.
  const branding = await getBranding();
  const utm = cleanUtm(values[UTM_FIELD]);
  const channel = await storedSource(values[CHANNEL_FIELD] || utm);
  // Through a referral link: Occupop's source names the referrer HR gave it.
  const referrer = utm ? await referrerOf(job.uuid, utm) : null;
  const id = randomUUID();
  const consent = (name: string, asked: boolean) => (asked ? data[name] === true : null);
  // The private status link: on the thank-you page, and emailed in the form's language.
  const receiptToken = newReceiptToken();
  const { inserted, record } = await insertApplication({
    id,
    idempotencyKey: token.key,
    jobUuid: job.uuid,
    jobSlug: job.slug,
    jobTitle: job.title,
    dedupeKey,
    duplicateOf: duplicate?.id ?? null,
    payload: {
      firstName: str(FIELDS.firstName),
      lastName: str(FIELDS.lastName),
      email: str(FIELDS.email),
      phone: str(FIELDS.phone),
      linkedin: str(FIELDS.linkedin),
      city: str(FIELDS.city),
      region: str(FIELDS.region),
      countryCode: str(FIELDS.country),
      coverLetter: str(FIELDS.coverLetter),
      source: referrer ? `${branding.sourceName} (referred by ${referrer})` : utm ? `${branding.sourceName} (utm_source: ${utm})` : branding.sourceName,
      answers: job.questions.map((question, i) => ({ question, answer: str(answerField(i)) })),
      consentJob: consent(FIELDS.consentJob, definition.optInJob),
      consentDatabase: consent(FIELDS.consentDatabase, definition.optInDatabase || open),
      channel,
    },
    resume: resume && mime ? { name: resume.name.slice(0, 200), type: mime, file: resume } : null,
    receipt: { token: receiptToken, locale },
    ...(open && data[FIELDS.consentDatabase] === true ? { talentConsent: true as const } : {}),
  });
  if (!inserted) {
    // A concurrent request with the same key won the race (nothing of this one was stored).
    return (await settle(record, prefix)) ?? sent(job.slug, true);
  }
  logger.info({ application: id, job: job.uuid, ...(duplicate ? { duplicateOf: duplicate.id } : {}) }, duplicate ? "application received and held: it repeats an earlier one" : "application received");
  count({ metric: "submit", jobUuid: job.uuid, source: channel });
  // The status link is emailed once the application is known to stand (Occupop did not refuse it outright).
  // The application is stored by now: an email that cannot be queued is logged, never an error to the applicant.
  const sentWithReceipt = async (queued: boolean) => {
    // The application holds its own copy of the resume now.
    if (uploaded) await removeUpload(formData.get(UPLOAD_FIELD));
    if (mailConfigured()) {
      try {
        await enqueueMail(receiptEmail(email, job, branding, locale, prefix, receiptToken));
        void kickMail();
      } catch (error) {
        logger.error({ application: id, err: error instanceof Error ? error.message : String(error) }, "the confirmation email could not be queued");
      }
    }
    return { ...sent(job.slug, queued), receiptToken };
  };
  // The open application's "also email me new jobs": a job alert, confirmed by email as any other.
  if (open && data[FIELDS.alerts] === true) {
    await subscribe(email, {}, clientIp, Date.now(), locale).catch((error: unknown) =>
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, "the open application's job alert could not be signed up"),
    );
  }
  // Sent: a draft kept to finish it later is gone with it.
  await deleteDraft(formData.get(DRAFT_FIELD));
  if (duplicate) return await sentWithReceipt(true);

  // 7. Deliver now; anything retryable stays queued for the worker.
  const outcome = await processApplication(id, { resume });
  switch (outcome.kind) {
    case "delivered":
      return await sentWithReceipt(false);
    case "queued":
    case "busy":
      return await sentWithReceipt(true);
    case "failed": {
      // Refused outright: the applicant is shown why, and the receipt goes (a corrected form makes a new one).
      await deleteReceiptOf(id);
      if (outcome.reason === "closed") {
        return keep({ status: "closed", message: t("apply.status.closedJustNow") });
      }
      if (outcome.reason === "rejected") {
        const fieldErrors: Record<string, string[]> = {};
        const unplaced: string[] = [];
        for (const [wire, messages] of Object.entries(outcome.fieldErrors)) {
          const field = WIRE_TO_FORM[wire];
          if (field) fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages];
          else unplaced.push(...messages);
        }
        return keep({
          status: "invalid",
          message: unplaced.length ? unplaced.join(" ") : t("apply.status.occupopRefused"),
          fieldErrors,
        });
      }
      // The token was refused: the application is kept, and HR is shown why.
      return await sentWithReceipt(true);
    }
  }
}
