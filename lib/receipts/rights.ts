// A candidate's data rights, without an account: download what this site holds about them, and
// erase it at once. What a link proves decides what it reaches:
// - the status link (shown to whoever sent the form, and emailed to its address) reaches that
//   one application: its details, resume, receipt, and a draft of it kept to finish later;
// - the alert management link (only ever emailed, after a double opt-in, so its holder owns the
//   address) reaches everything kept under that address: alerts, applications, drafts, mail.
// Erasures are logged as counts per kind, never whose.
import "server-only";
import { randomUUID } from "node:crypto";
import { authorizePrivateRead } from "@/lib/admin/access";
import { parseStoredFilters } from "@/lib/alerts/filters";
import { CONFIRM_DAYS } from "@/lib/alerts/tokens";
import { DRAFT_DAYS } from "@/lib/applications/drafts";
import { whileDelivering } from "@/lib/applications/lease";
import { findById, payloadOf } from "@/lib/applications/outbox";
import { deleteResumeChunks } from "@/lib/applications/resume-store";
import { getBranding } from "@/lib/branding";
import { database } from "@/lib/db";
import type { ErasuresTable } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { ReceiptRecord } from "./store";

const logger = log("receipts");

export type ErasureCounts = { applications: number; resumes: number; receipts: number; drafts: number; alerts: number; consents: number; emails: number };
const none = (): ErasureCounts => ({ applications: 0, resumes: 0, receipts: 0, drafts: 0, alerts: 0, consents: 0, emails: 0 });

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

/** The retention periods this site applies, in days, as the status page and the export state them. */
export function retentionDays() {
  const config = env();
  return { detailsAfterDelivery: config.DELIVERED_RETENTION_DAYS, statusLink: config.STATUS_LINK_DAYS, drafts: DRAFT_DAYS, unconfirmedAlerts: CONFIRM_DAYS };
}

/** Everything this site holds about one application (the resume's bytes come separately). */
export async function exportReceipt(receipt: ReceiptRecord) {
  const application = await findById(receipt.application_id);
  const details = application ? payloadOf(application) : null;
  const db = await database();
  const consent = await db.selectFrom("talent_consents").selectAll().where("application_id", "=", receipt.application_id).executeTakeFirst();
  return {
    job: { title: receipt.job_title, page: `${env().SITE_URL}/jobs/${receipt.job_slug}` },
    name: { first: receipt.first_name, last: receipt.last_name },
    email: receipt.email,
    receivedAt: iso(receipt.received_at),
    sentToHiringTeamAt: iso(receipt.sent_at),
    withdrawnAt: iso(receipt.withdrawn_at),
    withdrawal: receipt.withdrawal,
    occupopCandidate: receipt.candidate_uuid,
    statusLinkWorksUntil: iso(receipt.expires_at),
    details: details
      ? {
          firstName: details.firstName,
          lastName: details.lastName,
          email: details.email,
          phone: details.phone,
          linkedin: details.linkedin,
          city: details.city,
          region: details.region,
          country: details.countryCode,
          coverLetter: details.coverLetter,
          answers: details.answers.map((a) => ({ question: a.question.text, answer: a.answer })),
          consentToThisJob: details.consentJob,
          consentToTalentDatabase: details.consentDatabase,
          cameFrom: details.channel ?? null,
        }
      : null,
    keptForFutureJobs: consent ? { consentedAt: iso(consent.consented_at), until: iso(consent.expires_at), ended: consent.ended, endedAt: iso(consent.ended_at) } : null,
    resume: application?.resume_name
      ? { name: application.resume_name, type: application.resume_type, bytes: application.resume_size, heldByThisSite: Boolean(application.resume_stored) }
      : null,
  };
}

async function header() {
  const branding = await getBranding();
  return {
    exportedAt: new Date().toISOString(),
    site: env().SITE_URL,
    company: branding.companyName,
    retentionDays: retentionDays(),
    note: "This is what this careers site holds. Applications that reached the hiring team are also kept in their hiring system (Occupop) under the company's own retention policy.",
  };
}

export async function exportForReceipt(receipt: ReceiptRecord) {
  return { ...(await header()), applications: [await exportReceipt(receipt)] };
}

/** Everything under an address the holder proved is theirs (the alert management link). */
export async function exportForEmail(email: string) {
  const address = email.toLowerCase();
  const db = await database();
  const [alerts, receipts, drafts] = await Promise.all([
    db.selectFrom("alert_subscriptions").selectAll().where("email", "=", address).execute(),
    db.selectFrom("application_receipts").selectAll().where("email", "=", address).orderBy("received_at", "desc").execute(),
    db.selectFrom("application_drafts").selectAll().where("email", "=", address).execute(),
  ]);
  return {
    ...(await header()),
    email: address,
    jobAlerts: alerts.map((a) => ({
      filters: parseStoredFilters(a.filters),
      status: a.status,
      signedUpAt: iso(a.created_at),
      confirmedAt: iso(a.confirmed_at),
      lastEmailAt: iso(a.last_digest_at),
      jobsSent: Number(a.jobs_sent),
      language: a.locale,
    })),
    applications: await Promise.all(receipts.map(exportReceipt)),
    draftsToFinishLater: drafts.map((d) => ({ job: `${env().SITE_URL}/jobs/${d.job_slug}`, savedAt: iso(d.created_at), deletedAt: iso(d.expires_at), typed: JSON.parse(d.payload) as unknown })),
  };
}

/** The resume's bytes while the site still holds them (until delivery), for the status page's download. */
export async function heldResume(receipt: ReceiptRecord): Promise<{ name: string; type: string; size: number } | null> {
  const application = await findById(receipt.application_id);
  if (!application?.resume_stored || !application.resume_name) return null;
  return { name: application.resume_name, type: application.resume_type ?? "application/octet-stream", size: Number(application.resume_size ?? 0) };
}

export class ErasureBusyError extends Error {
  constructor() {
    super("the application is being delivered right now");
  }
}

/**
 * Deletes one receipt and its application (row and resume), waiting out a delivery under way
 * (deleting the row under it would leave Occupop with a candidate this site forgot).
 */
async function eraseOne(receipt: ReceiptRecord, counts: ErasureCounts, draftsToo: boolean): Promise<void> {
  const db = await database();
  const done = await whileDelivering(async (now) => {
    const erased = await db.transaction().execute(async (trx) => {
      const application = await trx.selectFrom("applications").select(["id", "status", "lease_until", "resume_stored"]).where("id", "=", receipt.application_id).executeTakeFirst();
      if (application && application.status === "pending" && application.lease_until !== null && Number(application.lease_until) >= now) return false;
      if (application) {
        await deleteResumeChunks(trx, application.id);
        await trx.deleteFrom("applications").where("id", "=", application.id).execute();
        counts.applications++;
        if (application.resume_stored) counts.resumes++;
      }
      const removed = await trx.deleteFrom("application_receipts").where("id", "=", receipt.id).executeTakeFirst();
      counts.receipts += Number(removed.numDeletedRows);
      const consents = await trx.deleteFrom("talent_consents").where("application_id", "=", receipt.application_id).executeTakeFirst();
      counts.consents += Number(consents.numDeletedRows);
      if (draftsToo) {
        const drafts = await trx.deleteFrom("application_drafts").where("email", "=", receipt.email).where("job_uuid", "=", receipt.job_uuid).executeTakeFirst();
        counts.drafts += Number(drafts.numDeletedRows);
        // The confirmation email with this link, if it has not gone yet (sent ones keep only the address, until pruned).
        const mail = await trx.deleteFrom("mail_outbox").where((eb) => eb(eb.fn("lower", ["to_address"]), "=", receipt.email)).where("kind", "=", "receipt").executeTakeFirst();
        counts.emails += Number(mail.numDeletedRows);
      }
      return true;
    });
    return erased ? true : undefined;
  });
  if (!done) throw new ErasureBusyError();
}

async function logErasure(origin: ErasuresTable["origin"], counts: ErasureCounts, now = Date.now()): Promise<void> {
  const db = await database();
  await db.insertInto("erasures").values({ id: randomUUID(), at: now, origin, counts: JSON.stringify(counts) }).execute();
  logger.info({ origin, ...counts }, "personal data erased at the person's request");
}

/** From the status page: this application, its receipt and its draft. */
export async function eraseReceipt(receipt: ReceiptRecord): Promise<ErasureCounts> {
  const counts = none();
  await eraseOne(receipt, counts, true);
  await logErasure("status-page", counts);
  return counts;
}

/** From the alert management page: everything kept under the address. */
export async function eraseEmail(email: string): Promise<ErasureCounts> {
  const address = email.toLowerCase();
  const counts = none();
  const db = await database();
  for (const receipt of await db.selectFrom("application_receipts").selectAll().where("email", "=", address).execute()) {
    await eraseOne(receipt, counts, false);
  }
  await db.transaction().execute(async (trx) => {
    const ids = (await trx.selectFrom("alert_subscriptions").select("id").where("email", "=", address).execute()).map((r) => r.id);
    if (ids.length) {
      await trx.deleteFrom("alert_sent").where("subscription_id", "in", ids).execute();
      counts.alerts += Number((await trx.deleteFrom("alert_subscriptions").where("id", "in", ids).executeTakeFirst()).numDeletedRows);
    }
    counts.drafts += Number((await trx.deleteFrom("application_drafts").where("email", "=", address).executeTakeFirst()).numDeletedRows);
    counts.consents += Number((await trx.deleteFrom("talent_consents").where("email", "=", address).executeTakeFirst()).numDeletedRows);
    counts.emails += Number((await trx.deleteFrom("mail_outbox").where((eb) => eb(eb.fn("lower", ["to_address"]), "=", address)).executeTakeFirst()).numDeletedRows);
  });
  await logErasure("alerts-page", counts);
  return counts;
}

export type ErasureEntry = { at: number; origin: ErasuresTable["origin"]; counts: ErasureCounts };

/** For HR: the erasure log (no one's data in it). */
export async function recentErasures(limit = 50): Promise<ErasureEntry[]> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db.selectFrom("erasures").selectAll().orderBy("at", "desc").limit(limit).execute();
  return rows.map((r) => ({ at: Number(r.at), origin: r.origin, counts: { ...none(), ...(JSON.parse(r.counts) as Partial<ErasureCounts>) } }));
}
