// Job descriptions are Occupop editor HTML and untrusted. They are sanitized on the server
// against an allow-list (sanitize-html) before any of it reaches a browser.
import "server-only";
import sanitizeHtml from "sanitize-html";
import type { Job } from "./types";

const ALLOWED_TAGS = ["p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a"];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Scripts, styles, iframes and the like go with their content.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "title"],
  // The editor's h1 would compete with the page's own h1.
  transformTags: {
    h1: "h2",
    // A link to anywhere but http(s)/mailto keeps its words and loses its destination;
    // allowedSchemes still enforces the rule on every href. (Renaming the tag instead
    // trips a closing-tag bug in sanitize-html.)
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? "").trim();
      const safe = /^(https?:\/\/|mailto:)/i.test(href);
      return { tagName, attribs: safe ? { href, rel: "noopener noreferrer" } : {} };
    },
  },
  // Spacer paragraphs: <p><br></p>, <p>&nbsp;</p>.
  exclusiveFilter: (frame) => frame.tag === "p" && !frame.text.replace(/[\s\u00a0]/g, "") && !frame.mediaChildren.length,
};

/** Sanitized HTML, safe to render with dangerouslySetInnerHTML. */
export function sanitizeDescription(html: string): string {
  // The editor's &nbsp; runs become plain spaces so text wraps on small screens.
  return sanitizeHtml(html, OPTIONS)
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/(<br \/>\s*){2,}/g, "<br />")
    .trim();
}

/** Plain text of a description, for search, meta descriptions and feeds. */
export function descriptionText(html: string): string {
  return sanitizeHtml(html.replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, "$& "), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
  })
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

export type Description = { html: string; text: string };

// Jobs are immutable snapshots, so each one is sanitized once per listing refresh.
const memo = new WeakMap<Job, Description>();

export function describeJob(job: Job): Description {
  let d = memo.get(job);
  if (!d) {
    d = { html: sanitizeDescription(job.rawDescriptionHtml), text: descriptionText(job.rawDescriptionHtml) };
    memo.set(job, d);
  }
  return d;
}

/** A plain-text excerpt cut at a word boundary. */
export function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).trimEnd()}…`;
}
