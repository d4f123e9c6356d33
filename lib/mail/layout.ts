// The site's emails share one look: the company's colour and logo on top, blocks of text and a
// button, and a footer; each as HTML and as plain text. Every value from outside (a job title,
// the company's words) is escaped in the HTML. Used by job alerts (lib/alerts/emails.ts) and
// the "finish later" link (lib/applications/drafts.ts).
import "server-only";
import escapeHtml from "escape-html";
import type { Branding } from "@/lib/branding";
import { textOn } from "@/lib/branding/colors";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";

export type Block = { html: string; text: string };

export const button = (href: string, label: string, branding: Branding): Block => ({
  html: `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:${escapeHtml(branding.primaryColor)};color:${textOn(branding.primaryColor)};padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(label)}</a></p>`,
  text: `${label}:\n${href}`,
});

export const paragraph = (text: string): Block => ({ html: `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`, text });

export const link = (href: string, label: string): Block => ({
  html: `<a href="${escapeHtml(href)}" style="color:#0f172a">${escapeHtml(label)}</a>`,
  text: `${label}: ${href}`,
});

/** A whole email: the header in the branding, the blocks, and the footer's. */
export function layout({ branding, locale }: { branding: Branding; locale: Locale }, title: string, blocks: Block[], footer: Block[]): { html: string; text: string } {
  const site = env().SITE_URL;
  const logo = branding.logoUrl ? `<img src="${escapeHtml(`${site}${branding.logoUrl}`)}" alt="${escapeHtml(branding.companyName)}" height="40" style="height:40px;display:block">` : "";
  const header = `<div style="background:${escapeHtml(branding.primaryColor)};color:${textOn(branding.primaryColor)};padding:16px 24px;font-size:18px;font-weight:700">${logo || escapeHtml(branding.companyName)}</div>`;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a;line-height:1.5">
<div style="max-width:600px;margin:0 auto;background:#ffffff">${header}
<div style="padding:24px">${blocks.map((b) => b.html).join("\n")}</div>
<div style="padding:16px 24px;border-top:1px solid #e2e8f0;font-size:13px;color:#334155">${footer.map((b) => b.html).join("\n")}</div>
</div></body></html>`;
  const text = [branding.companyName, "", ...blocks.map((b) => `${b.text}\n`), "--", ...footer.map((b) => b.text)].join("\n");
  return { html, text };
}
