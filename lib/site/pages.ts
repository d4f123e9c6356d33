// The one template for the small pages the server answers with itself, before or instead of
// Next.js (a refused upload, a 503 while no job list was ever loaded): plain HTML that needs no
// script, no stylesheet file and no database, in the site's colours when they are known.
import "server-only";
import escapeHtml from "escape-html";

export type PlainPage = { lang?: string; title: string; heading?: string; paragraphs: string[]; header?: string; colour?: string; link?: { href: string; label: string } };

const COLOUR = /^#[0-9a-f]{6}$/i;

/** A whole HTML page; every text is escaped here. */
export function plainPage({ lang = "en", title, heading = title, paragraphs, header, colour, link = { href: "/", label: "See all jobs" } }: PlainPage): string {
  const brand = colour && COLOUR.test(colour) ? colour : "#14532d";
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a}header{border-bottom:1px solid #e2e8f0;padding:1rem}header p{margin:0 auto;max-width:64rem;font-weight:600;font-size:1.125rem}main{max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.5rem}a.button{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 1.25rem;border-radius:.375rem;background:${brand};color:#fff;font-weight:600;text-decoration:none}</style></head>
<body>${header ? `<header><p>${escapeHtml(header)}</p></header>` : ""}<main id="main"><h1>${escapeHtml(heading)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}<p><a class="button" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p></main></body></html>`;
}

/** A refused form post: what happened, and that going back keeps what was typed. */
export function refusalPage(title: string, text: string): string {
  return plainPage({
    title,
    paragraphs: [text, "Use your browser's Back button to return to the form: what you typed is usually still there, but a chosen file has to be chosen again."],
  });
}
