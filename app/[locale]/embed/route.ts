// The jobs for a host page whose Content-Security-Policy forbids other sites' scripts: an
// <iframe src="https://careers.example.com/embed?department=Retail">. Plain HTML, rendered per
// request from the cached job list, filtered by the widget's options as query parameters
// (lib/embed/shared.ts), in the site's brand; /de/embed in German. Its one script, allowed by
// its hash, tells the host page its height (a message the host's own snippet may act on, see
// README.md). Any site may frame it; a CDN may keep it a minute.
import { createHash } from "node:crypto";
import escapeHtml from "escape-html";
import { embedCss, embedHref, embedOptions, jobFacts, pickJobs, type EmbedFeed, type EmbedOptions } from "@/lib/embed/shared";
import { embedJob, embedLook } from "@/lib/site/feeds";
import { withOpenJobs } from "@/lib/site/feed-route";
import { PUBLIC_CACHE_CONTROL } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** Tells the parent page how tall the list is, now and whenever that changes. */
const HEIGHT_SCRIPT =
  'new ResizeObserver(function(){parent.postMessage({careersEmbedHeight:Math.ceil(document.documentElement.getBoundingClientRect().height)},"*")}).observe(document.documentElement)';
const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

function page(feed: EmbedFeed, options: EmbedOptions, lang: string): { html: string; style: string } {
  const { shown, matching } = pickJobs(feed.jobs, options);
  const look = feed.widget;
  const items = shown
    .map((job) => {
      const facts = jobFacts(job);
      return `<li><a href="${escapeHtml(embedHref(job.url, "iframe"))}" target="_top">${escapeHtml(job.title)}</a>${facts ? `<p>${escapeHtml(facts)}</p>` : ""}</li>`;
    })
    .join("");
  const all = matching > shown.length ? `${look.allJobs} (${feed.jobs.length})` : look.allJobs;
  const style = embedCss(look, "body");
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(look.heading)}</title><style>${style}</style></head>
<body><main><h2>${escapeHtml(look.heading)}</h2>${shown.length ? `<ul role="list">${items}</ul>` : `<p>${escapeHtml(look.noJobs)}</p>`}<a class="all" href="${escapeHtml(embedHref(feed.site, "iframe"))}" target="_top">${escapeHtml(all)}</a></main><script>${HEIGHT_SCRIPT}</script></body></html>`;
  return { html, style };
}

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const query = new URL(request.url).searchParams;
  const options = embedOptions((name) => query.get(name));
  return withOpenJobs((await params).locale, ({ jobs, siteUrl, branding, language }) => {
    const base = `${siteUrl}${language.prefix}`;
    const feed: EmbedFeed = { site: `${base}/`, widget: embedLook(branding, language.locale), jobs: jobs.map((job) => embedJob(job, base, language.locale)) };
    const { html, style } = page(feed, options, language.locale);
    return new Response(html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": PUBLIC_CACHE_CONTROL,
        // Framed by any site (frame-ancestors outranks X-Frame-Options); runs only its own script.
        "Content-Security-Policy": `default-src 'none'; script-src ${hash(HEIGHT_SCRIPT)}; style-src ${hash(style)}; base-uri 'none'; form-action 'none'; frame-ancestors *`,
      },
    });
  });
}
