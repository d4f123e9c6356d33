// The emails job alerts send, each as plain text and as HTML in the company's branding
// (lib/mail/layout.ts): the confirmation (double opt-in), "you already have this alert", and the
// digest of new jobs.
// Every value from outside (job titles, filters, the company's words) is escaped in the HTML,
// and mail to an address not yet confirmed carries none of what the requester typed;
// headers are set through nodemailer, which encodes them, and carry no user input but links.
import "server-only";
import escapeHtml from "escape-html";
import { brandingIn, type Branding } from "@/lib/branding";
import { env } from "@/lib/env";
import { localePrefix, offeredLocale, type Locale } from "@/lib/i18n/locales";
import { translator, type Translator } from "@/lib/i18n/translator";
import { salaryLabel, whereLabel } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/types";
import { button, layout, link, paragraph, type Block } from "@/lib/mail/layout";
import type { OutgoingMail } from "@/lib/mail/outbox";
import { describeFilters, type AlertFilters } from "./filters";
import { CONFIRM_DAYS } from "./tokens";

export type AlertLinks = { confirm?: string; manage: string; unsubscribe: string };

/** An alert's language as its emails use it: the words, the branding, and its pages' prefix. */
export type MailLanguage = { locale: Locale; prefix: string; t: Translator; branding: Branding };

/** The language an alert was signed up in, if the site still offers it; else the default. */
export function mailLanguage(stored: string, branding: Branding): MailLanguage {
  const { defaultLocale } = branding.languages;
  const locale = offeredLocale(branding.languages, stored) ?? defaultLocale;
  return { locale, prefix: localePrefix(locale, defaultLocale), t: translator(locale), branding: brandingIn(branding, locale) };
}

export function alertLinks(tokens: { confirm?: string; manage: string }, prefix = ""): AlertLinks {
  const site = `${env().SITE_URL}${prefix}`;
  return {
    ...(tokens.confirm ? { confirm: `${site}/alerts/confirm?token=${tokens.confirm}` } : {}),
    manage: `${site}/alerts/manage?token=${tokens.manage}`,
    unsubscribe: `${env().SITE_URL}/api/alerts/unsubscribe?token=${tokens.manage}`,
  };
}

/** The one-click unsubscribe headers (RFC 8058) for mail a subscriber did not ask for this moment. */
export function unsubscribeHeaders(links: AlertLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function footerOf({ branding, locale, t }: MailLanguage, filters: AlertFilters, links: AlertLinks): Block[] {
  const why = t("emails.why", { company: branding.companyName, summary: describeFilters(filters, locale) });
  const manage = link(links.manage, t("emails.manage"));
  return [paragraph(why), { html: `<p style="margin:0">${manage.html}</p>`, text: manage.text }];
}

/**
 * To an address nobody has confirmed yet: so it carries nothing the requester typed (the
 * filters, a keyword), only the company's own words and the links. Whoever confirms sees the
 * alert on the page the link opens.
 */
export function confirmationEmail(to: string, subscriptionId: string, language: MailLanguage, links: AlertLinks): OutgoingMail {
  const { branding, t } = language;
  const subject = t("emails.confirmSubject", { company: branding.companyName });
  const body = layout(
    language,
    subject,
    [
      paragraph(t("emails.confirmIntro", { company: branding.companyName })),
      button(links.confirm ?? links.manage, t("alertPages.confirmButton"), branding),
      paragraph(t("emails.confirmNote", { days: CONFIRM_DAYS })),
    ],
    [link(links.manage, t("emails.deleteSignup"))].map((b) => ({ html: `<p style="margin:0">${b.html}</p>`, text: b.text })),
  );
  return { kind: "confirm", subscriptionId, to, subject, headers: unsubscribeHeaders(links), ...body };
}

export function alreadySubscribedEmail(to: string, subscriptionId: string, filters: AlertFilters, language: MailLanguage, links: AlertLinks): OutgoingMail {
  const { branding, locale, t } = language;
  const subject = t("emails.alreadySubject", { company: branding.companyName });
  const body = layout(
    language,
    subject,
    [
      paragraph(t("emails.alreadyBody", { summary: describeFilters(filters, locale), company: branding.companyName })),
      button(links.manage, t("emails.seeOrChange"), branding),
    ],
    footerOf(language, filters, links),
  );
  return { kind: "already-subscribed", subscriptionId, to, subject, headers: unsubscribeHeaders(links), ...body };
}

export function digestEmail(to: string, subscriptionId: string, filters: AlertFilters, jobs: Job[], language: MailLanguage, links: AlertLinks): OutgoingMail {
  const { branding, locale, prefix, t } = language;
  const site = `${env().SITE_URL}${prefix}`;
  const subject = t("emails.digestSubject", { count: jobs.length, company: branding.companyName, title: jobs[0]?.title ?? "" });
  const items: Block[] = jobs.map((job) => {
    const url = `${site}/jobs/${job.slug}?utm_source=job-alert`;
    const facts = [whereLabel(job, locale), salaryLabel(job.salary, job.location?.countryCode, locale)].filter(Boolean).join(" · ");
    return {
      html: `<div style="margin:0 0 20px"><a href="${escapeHtml(url)}" style="font-size:17px;font-weight:600;color:#0f172a">${escapeHtml(job.title)}</a><br><span style="color:#334155">${escapeHtml(facts)}</span></div>`,
      text: `${job.title}\n${facts}\n${url}`,
    };
  });
  const body = layout(language, subject, [paragraph(t("emails.digestIntro", { count: jobs.length })), ...items], footerOf(language, filters, links));
  return { kind: "digest", subscriptionId, to, subject, headers: unsubscribeHeaders(links), ...body };
}
