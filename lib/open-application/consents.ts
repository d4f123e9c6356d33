// The open application's talent-database consent: given on /join, it lasts TALENT_CONSENT_DAYS.
// TALENT_RENEWAL_NOTICE_DAYS before it lapses, an email in the candidate's language offers a
// private link (32 random bytes, only the SHA-256 kept) to renew it or end it now. A consent
// that lapses, or is ended, stays listed for HR (who keeps the candidate in Occupop) for 90
// days, then goes; erasing the address or the application deletes it at once.
import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import { authorizePrivateRead } from "@/lib/admin/access";
import { brandingIn, getBranding } from "@/lib/branding";
import { database, type Database } from "@/lib/db";
import type { TalentConsentsTable } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { isLocale, localePrefix, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { button, layout, paragraph } from "@/lib/mail/layout";
import { enqueueMail } from "@/lib/mail/outbox";
import { longDate } from "@/lib/jobs/format";

export type ConsentRecord = Selectable<TalentConsentsTable>;
type Db = Kysely<Database> | Transaction<Database>;

const DAY = 86_400_000;
const KEEP_ENDED_DAYS = 90;
const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
export const isConsentToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

/** The date a consent given now runs until. */
export const consentUntil = (now = Date.now()) => now + env().TALENT_CONSENT_DAYS * DAY;

/** Written in the application's own transaction (lib/applications/outbox.ts). */
export async function insertTalentConsent(trx: Db, consent: { email: string; applicationId: string; jobUuid: string; locale: Locale }, now = Date.now()): Promise<void> {
  await trx
    .insertInto("talent_consents")
    .values({
      id: randomUUID(),
      // No link yet: the renewal email makes one. A random value keeps the column unique.
      token_hash: hashOf(randomBytes(32).toString("base64url")),
      email: consent.email.toLowerCase(),
      application_id: consent.applicationId,
      job_uuid: consent.jobUuid,
      locale: consent.locale,
      consented_at: now,
      expires_at: consentUntil(now),
      renewal_sent_at: null,
      ended_at: null,
      ended: null,
    })
    .execute();
}

export async function findConsent(token: unknown): Promise<ConsentRecord | null> {
  if (!isConsentToken(token)) return null;
  const db = await database();
  return (await db.selectFrom("talent_consents").selectAll().where("token_hash", "=", hashOf(token)).executeTakeFirst()) ?? null;
}


/**
 * One pass: consents past their date lapse; those within the notice period get their renewal
 * email (once, through the mail outbox, in the language they gave it in). Returns emails queued.
 */
export async function runConsentsOnce(now = Date.now()): Promise<number> {
  const db = await database();
  await db.updateTable("talent_consents").set({ ended: "lapsed", ended_at: now }).where("ended", "is", null).where("expires_at", "<", now).execute();
  const notice = env().TALENT_RENEWAL_NOTICE_DAYS * DAY;
  // Due: within the notice period, and not asked (or answered) since the period began.
  const due = await db
    .selectFrom("talent_consents")
    .selectAll()
    .where("ended", "is", null)
    .where((eb) => eb.or([eb("renewal_sent_at", "is", null), eb("renewal_sent_at", "<", sql<number>`expires_at - ${notice}`)]))
    .where("expires_at", "<=", now + notice)
    .limit(100)
    .execute();
  if (!due.length) return 0;
  const stored = await getBranding();
  let queued = 0;
  for (const consent of due) {
    const locale: Locale = isLocale(consent.locale) && stored.languages.offered.includes(consent.locale) ? consent.locale : stored.languages.defaultLocale;
    const token = randomBytes(32).toString("base64url");
    const t = translator(locale);
    const branding = brandingIn(stored, locale);
    const url = `${env().SITE_URL}${localePrefix(locale, stored.languages.defaultLocale)}/join/renew?token=${token}`;
    const subject = t("join.renewSubject", { company: branding.companyName });
    const body = layout(
      { branding, locale },
      subject,
      [
        paragraph(t("join.renewIntro", { company: branding.companyName, date: longDate(Number(consent.expires_at), locale) })),
        button(url, t("join.renewButtonEmail"), branding),
        paragraph(t("join.renewNoteEmail", { days: env().TALENT_CONSENT_DAYS })),
      ],
      [paragraph(t("join.renewFooter", { company: branding.companyName }))],
    );
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("talent_consents")
        .set({ renewal_sent_at: now, token_hash: hashOf(token) })
        .where("id", "=", consent.id)
        .$call((q) => (consent.renewal_sent_at === null ? q.where("renewal_sent_at", "is", null) : q.where("renewal_sent_at", "=", consent.renewal_sent_at)))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false; // another server took it
      await enqueueMail({ kind: "consent-renewal", subscriptionId: null, to: consent.email, subject, ...body }, trx, now);
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}

/**
 * From the renewal link: another TALENT_CONSENT_DAYS from today (a lapsed one too: it is given
 * again). The answer counts as this period's asking, so the link in hand keeps working until
 * the next notice period brings a new one.
 */
export async function renewConsent(consent: ConsentRecord, now = Date.now()): Promise<void> {
  const db = await database();
  await db.updateTable("talent_consents").set({ expires_at: consentUntil(now), renewal_sent_at: now, ended: null, ended_at: null }).where("id", "=", consent.id).execute();
}

/** From the renewal link: the consent ends now, and HR sees it listed. */
export async function endConsent(consent: ConsentRecord, now = Date.now()): Promise<void> {
  const db = await database();
  await db.updateTable("talent_consents").set({ ended: "withdrawn", ended_at: now }).where("id", "=", consent.id).where("ended", "is", null).execute();
}

export type EndedConsent = { id: string; email: string; consentedAt: number; endedAt: number; ended: "lapsed" | "withdrawn" };

/** For HR: consents that lapsed or were ended, so the candidate's data is removed in Occupop too. */
export async function listEndedConsents(limit = 100): Promise<EndedConsent[]> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db.selectFrom("talent_consents").selectAll().where("ended", "is not", null).orderBy("ended_at", "desc").limit(limit).execute();
  return rows.map((r) => ({ id: r.id, email: r.email, consentedAt: Number(r.consented_at), endedAt: Number(r.ended_at), ended: r.ended ?? "lapsed" }));
}

/** Housekeeping: ended consents HR has had 90 days to see. */
export async function pruneEndedConsents(now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("talent_consents").where("ended", "is not", null).where("ended_at", "<", now - KEEP_ENDED_DAYS * DAY).executeTakeFirst();
  return Number(result.numDeletedRows);
}
