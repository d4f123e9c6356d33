// @ts-check
// A cached public page carries React and Next.js's runtime inert: the page is complete as HTML
// (links, a GET search form, forms that post, tested without JavaScript), so the ~130 KiB of
// gzipped script that hydrates it need not run, nor even download, while it loads. The page
// cache (../page-cache/cache-handler.mjs) stores each page through deferRuntime(): the runtime's
// script tags move into a <template data-runtime> at the end of the body, and their preloads
// go; public/boot.js (./boot.ts), added before them, loads them when the visitor engages. The
// runtime's inline parts (the flight data pushed to self.__next_f, Turbopack's chunk list)
// stay and run as before: they only queue data for the runtime to read when it comes.

/** Next.js's tags for its own chunks: `<script src="/_next/static/…" async="">`, no nomodule. */
const RUNTIME_SCRIPT = /<script src="\/_next\/static\/[^"]+\.js" async=""><\/script>/g;
/** Their preloads in the head. */
const RUNTIME_PRELOAD = /<link rel="preload" as="script"(?: fetchPriority="\w+")? href="\/_next\/static\/[^"]+\.js"\/>/g;

/** What brings it in (./boot.ts), from this origin, as the page's script policy allows. */
export const BOOT_SCRIPT = '<script src="/boot.js" async=""></script>';

/**
 * The page with its runtime held for later, or the page unchanged when it has none, no body to
 * hold it in, or holds it already.
 * @param {string} html
 */
export function deferRuntime(html) {
  const scripts = html.match(RUNTIME_SCRIPT);
  if (!scripts || !html.includes("</body>") || html.includes("<template data-runtime>")) return html;
  const rest = html.replace(RUNTIME_SCRIPT, "").replace(RUNTIME_PRELOAD, "");
  const at = rest.lastIndexOf("</body>");
  return `${rest.slice(0, at)}${BOOT_SCRIPT}<template data-runtime>${scripts.join("")}</template>${rest.slice(at)}`;
}
