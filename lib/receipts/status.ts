// What the candidate's status page shows: received, then sent to the hiring team, then the
// latest word from Occupop in HR's own words (lib/receipts/status-words.ts), or withdrawn.
import "server-only";
import { getBranding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";
import { findById } from "@/lib/applications/outbox";
import { candidateStatus } from "@/lib/occupop-events/queue";
import type { ReceiptRecord } from "./store";
import { readStatusWords, wordsFor } from "./status-words";

export type Stage =
  /** Stored, on its way to the hiring team. */
  | "received"
  /** In Occupop: the hiring team has it. */
  | "sent"
  /** Occupop would not take it (the job closed, or it refused the details): HR sees it. */
  | "not-sent"
  /** Withdrawn before it reached Occupop: nothing was sent. */
  | "cancelled"
  /** Withdrawn after it reached Occupop: the hiring team was told. */
  | "withdrawn";

export type StatusView = {
  jobTitle: string;
  jobSlug: string;
  stage: Stage;
  receivedAt: number;
  sentAt: number | null;
  withdrawnAt: number | null;
  /** HR's words for the candidate's latest status in Occupop, and when Occupop reported it. */
  latest: { words: string; at: number } | null;
  /** Whether the site still holds the application's details (until DELIVERED_RETENTION_DAYS after delivery). */
  detailsHeld: boolean;
  /** Whether the site still holds the resume's bytes (until delivery). */
  resumeHeld: boolean;
  resumeBytes: number;
  expiresAt: number;
};

export async function statusOf(receipt: ReceiptRecord, locale: Locale): Promise<StatusView> {
  const [application, branding] = await Promise.all([findById(receipt.application_id), getBranding()]);
  let stage: Stage = receipt.sent_at ? "sent" : "received";
  if (receipt.withdrawal) stage = receipt.withdrawal;
  else if (application?.status === "failed" && (application.failure_kind === "closed" || application.failure_kind === "rejected")) stage = "not-sent";
  else if (application?.status === "discarded") stage = "not-sent";
  // Never sent, and gone (HR deleted it as a repeat of an earlier one).
  else if (!application && !receipt.sent_at) stage = "not-sent";
  let latest: StatusView["latest"] = null;
  if (stage === "sent" && receipt.candidate_uuid) {
    const [current, words] = await Promise.all([candidateStatus(receipt.candidate_uuid), readStatusWords()]);
    const text = current ? wordsFor(words, current, locale, branding.languages.defaultLocale) : null;
    if (current && text) latest = { words: text, at: current.at };
  }
  return {
    jobTitle: receipt.job_title,
    jobSlug: receipt.job_slug,
    stage,
    receivedAt: Number(receipt.received_at),
    sentAt: receipt.sent_at === null ? null : Number(receipt.sent_at),
    withdrawnAt: receipt.withdrawn_at === null ? null : Number(receipt.withdrawn_at),
    latest,
    detailsHeld: Boolean(application),
    resumeHeld: Boolean(application?.resume_stored),
    resumeBytes: Number(application?.resume_size ?? 0),
    expiresAt: Number(receipt.expires_at),
  };
}
