// "Finish later": the form's second button keeps what was typed on the server and emails the
// applicant a private link that opens the form filled in again (/jobs/<slug>/apply?draft=…),
// on any device, with or without JavaScript. The link is the credential: 32 random bytes, of
// which only the SHA-256 is stored. Kept: the typed fields and answers (never the resume, never
// the consents). Deleted when the application is sent, when a new draft of the same job and
// address replaces it, and after DRAFT_DAYS. The email goes through the mail outbox, in the
// form's language, and carries nothing the requester typed (anyone can type any address): the
// job, the company and the link. Rate-limited per address and per client.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getBranding, brandingIn } from "@/lib/branding";
import { database } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { getJobsSnapshot } from "@/lib/jobs";
import type { Job } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { button, layout, paragraph } from "@/lib/mail/layout";
import { enqueueMail, isSuppressed, type OutgoingMail } from "@/lib/mail/outbox";
import { mailConfigured } from "@/lib/mail/transport";
import { kickMail } from "@/lib/mail/worker";
import { hit } from "@/lib/rate-limit";
import { DRAFT_FIELD, keptFields, type ApplyState } from "./schema";

const logger = log("applications");
export const DRAFT_DAYS = 30;
const DAY = 86_400_000;
const HOUR = 3_600_000;

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const valuesSchema = z.record(z.string().max(40), z.string().max(10_000));

/** A draft's token as a link may carry it: 43 base64url characters. */
export const isDraftToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

/** The kept fields of a form, as typed. */
export function keptValues(formData: FormData, questions: number): Record<string, string> {
  return Object.fromEntries(
    keptFields(questions).flatMap((name) => {
      const value = formData.get(name);
      return typeof value === "string" && value.trim() !== "" ? [[name, value.slice(0, 10_000)]] : [];
    }),
  );
}

/** The draft a link names, for this job: its values; null when unknown, expired or another job's. */
export async function readDraft(token: unknown, jobUuid: string, now = Date.now()): Promise<Record<string, string> | null> {
  if (!isDraftToken(token)) return null;
  const db = await database();
  const row = await db.selectFrom("application_drafts").select(["job_uuid", "payload", "expires_at"]).where("token_hash", "=", hashOf(token)).executeTakeFirst();
  if (!row || row.job_uuid !== jobUuid || Number(row.expires_at) < now) return null;
  const values = valuesSchema.safeParse(JSON.parse(row.payload));
  return values.success ? values.data : null;
}

/** Sending the application ends its draft. */
export async function deleteDraft(token: unknown): Promise<void> {
  if (!isDraftToken(token)) return;
  const db = await database();
  await db.deleteFrom("application_drafts").where("token_hash", "=", hashOf(token)).execute();
}

/** Housekeeping: drafts past their days. */
export async function pruneDrafts(now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("application_drafts").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The email with the link: the job, the company and the link, nothing the requester typed. */
export async function draftEmail(to: string, job: Pick<Job, "title" | "slug">, locale: Locale, prefix: string, token: string): Promise<OutgoingMail> {
  const t = translator(locale);
  const branding = brandingIn(await getBranding(), locale);
  const url = `${env().SITE_URL}${prefix}/jobs/${job.slug}/apply?${DRAFT_FIELD}=${token}`;
  const subject = t("apply.later.emailSubject", { title: job.title, company: branding.companyName });
  const body = layout(
    { branding, locale },
    subject,
    [
      paragraph(t("apply.later.emailIntro", { title: job.title, company: branding.companyName })),
      button(url, t("apply.later.emailButton"), branding),
      paragraph(t("apply.later.emailNote", { days: DRAFT_DAYS })),
    ],
    [paragraph(t("apply.later.emailNotYou", { days: DRAFT_DAYS }))],
  );
  return { kind: "draft", subscriptionId: null, to, subject, ...body };
}

type Language = { locale: Locale; prefix: string };

/**
 * "Finish later", from the form's second button (with or without JavaScript): checks the email
 * alone (the rest may be unfinished), keeps the draft and queues the email. The form keeps
 * everything typed whatever the answer.
 */
export async function saveForLater(base: Pick<ApplyState, "formToken" | "values" | "resumeNeedsReselect">, formData: FormData, clientIp: string, { locale, prefix }: Language, now = Date.now()): Promise<ApplyState> {
  const t = translator(locale);
  const answer = (state: Omit<ApplyState, "formToken">): ApplyState => ({ ...base, ...state });
  if (!mailConfigured()) return answer({ status: "error", message: t("apply.later.off") });
  const { jobs } = await getJobsSnapshot();
  const job = jobs.find((j) => j.uuid === String(formData.get("jobUuid") ?? ""));
  if (!job || !job.isOpen) return answer({ status: "closed", message: t("apply.status.closed") });
  const email = z.email().max(254).safeParse(String(formData.get("email") ?? "").trim());
  if (!email.success) {
    return answer({ status: "invalid", message: t("apply.later.needEmail"), fieldErrors: { email: [t("apply.later.needEmail")] } });
  }
  const address = email.data.toLowerCase();
  // A bot filling the hidden field is told it worked, and nothing is kept or sent.
  if (String(formData.get("website") ?? "") !== "") return answer({ status: "saved", message: t("apply.later.saved", { email: email.data, days: DRAFT_DAYS }) });
  const [byClient, byAddress] = await Promise.all([hit(`drafts-ip:${clientIp}`, 20, HOUR, now), hit(`drafts-email:${address}`, 3, HOUR, now)]);
  if (!byClient.allowed || !byAddress.allowed) {
    const retry = Math.max(byClient.retryAfterMs, byAddress.retryAfterMs);
    return answer({ status: "rate-limited", message: t("apply.later.tooMany", { minutes: Math.max(1, Math.ceil(retry / 60_000)) }) });
  }
  if (await isSuppressed(address)) return answer({ status: "error", message: t("apply.later.refusedAddress") });

  const token = randomBytes(32).toString("base64url");
  const mail = await draftEmail(email.data, job, locale, prefix, token);
  const db = await database();
  await db.transaction().execute(async (trx) => {
    // One draft per job and address: the newest link is the one that works.
    await trx.deleteFrom("application_drafts").where("email", "=", address).where("job_uuid", "=", job.uuid).execute();
    await trx
      .insertInto("application_drafts")
      .values({
        token_hash: hashOf(token),
        job_uuid: job.uuid,
        job_slug: job.slug,
        locale,
        email: address,
        payload: JSON.stringify(keptValues(formData, job.questions.length)),
        created_at: now,
        expires_at: now + DRAFT_DAYS * DAY,
      })
      .execute();
    await enqueueMail(mail, trx, now);
  });
  void kickMail();
  logger.info({ job: job.uuid }, "application saved to finish later");
  return answer({ status: "saved", message: t("apply.later.saved", { email: email.data, days: DRAFT_DAYS }) });
}
