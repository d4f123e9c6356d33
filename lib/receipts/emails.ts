// The receipt's emails: the candidate's confirmation with their private status link (in their
// language; it carries nothing they typed, since anyone can type any address), and the note to
// the hiring team when a candidate withdraws an application Occupop already holds.
import "server-only";
import { brandingIn, type Branding } from "@/lib/branding";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { button, layout, paragraph } from "@/lib/mail/layout";
import type { OutgoingMail } from "@/lib/mail/outbox";
import type { ReceiptRecord } from "./store";

/** The private status link: the token is the credential. */
export const statusUrl = (token: string, prefix: string) => `${env().SITE_URL}${prefix}/status?token=${token}`;

export function receiptEmail(to: string, job: { title: string }, stored: Branding, locale: Locale, prefix: string, token: string): OutgoingMail {
  const t = translator(locale);
  const branding = brandingIn(stored, locale);
  const days = env().STATUS_LINK_DAYS;
  const subject = t("status.emailSubject", { title: job.title, company: branding.companyName });
  const body = layout(
    { branding, locale },
    subject,
    [
      paragraph(t("status.emailIntro", { title: job.title, company: branding.companyName })),
      button(statusUrl(token, prefix), t("status.emailButton"), branding),
      paragraph(t("status.emailNote", { days })),
    ],
    [paragraph(t("status.emailNotYou"))],
  );
  return { kind: "receipt", subscriptionId: null, to, subject, ...body };
}

/** For HR (the admin speaks English): who withdrew, from which job, and where they are in Occupop. */
export function withdrawalEmail(to: string, receipt: ReceiptRecord, stored: Branding, at: number): OutgoingMail {
  const branding = brandingIn(stored, stored.languages.defaultLocale);
  const name = `${receipt.first_name} ${receipt.last_name}`.trim();
  const subject = `Withdrawn: ${name} for ${receipt.job_title}`;
  const when = new Date(at).toISOString().replace("T", " ").slice(0, 16);
  const body = layout(
    { branding, locale: "en" },
    subject,
    [
      paragraph(`${name} (${receipt.email}) withdrew their application for ${receipt.job_title} at ${when} UTC, from their private status page.`),
      paragraph(
        `The application had reached Occupop${receipt.candidate_uuid ? ` (candidate ${receipt.candidate_uuid})` : ""}. Occupop offers this site no way to remove a candidate, so please archive or reject them there.`,
      ),
      button(`${env().SITE_URL}/admin/applications#withdrawn`, "See withdrawals", branding),
    ],
    [paragraph(`Sent to the administrators of ${branding.companyName}'s careers site.`)],
  );
  return { kind: "withdrawal", subscriptionId: null, to, subject, ...body };
}
