// The widget for the company's main site, served as /embed.js (built by scripts/build-boot.mjs):
//   <script src="https://careers.example.com/embed.js" async data-department="Retail"></script>
// It renders the open jobs where the script stands, or into each <div data-careers-jobs> on the
// page (whose own data-* attributes win), as a <careers-jobs> element with a shadow root: the
// host's styles do not reach in, ours do not leak out. The list comes from the careers site's
// /jobs.json (CORS, cached by a CDN), fetched without cookies; nothing else is loaded, from us
// or anyone. Links open the job on the careers site, tagged utm_source=embed.
import { embedCss, embedHref, embedOptions, jobFacts, pickJobs, type EmbedFeed, type EmbedOptions } from "./shared";

const TAG = "careers-jobs";
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

/** The careers site: where this script came from. */
const origin = script ? new URL(script.src, location.href).origin : location.origin;

const feeds = new Map<string, Promise<EmbedFeed>>();
function feed(lang: string | undefined): Promise<EmbedFeed> {
  const path = `${lang ? `/${lang}` : ""}/jobs.json`;
  let pending = feeds.get(path);
  if (!pending) {
    pending = fetch(`${origin}${path}`, { credentials: "omit", mode: "cors" }).then((r) => {
      if (!r.ok) throw new Error(`jobs.json answered ${r.status}`);
      return r.json() as Promise<EmbedFeed>;
    });
    feeds.set(path, pending);
  }
  return pending;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

async function render(host: HTMLElement, options: EmbedOptions): Promise<void> {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  host.setAttribute("aria-busy", "true");
  try {
    const data = await feed(options.lang);
    const { shown, matching } = pickJobs(data.jobs, options);
    // A constructed style sheet: a host's style-src policy governs <style> elements, not these.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(embedCss(data.widget, ":host"));
    root.adoptedStyleSheets = [sheet];
    const section = el("section", undefined, { "aria-label": data.widget.heading });
    section.append(el("h2", data.widget.heading));
    if (shown.length) {
      const list = el("ul", undefined, { role: "list" });
      for (const job of shown) {
        const item = el("li");
        item.append(el("a", job.title, { href: embedHref(job.url, "widget") }));
        const facts = jobFacts(job);
        if (facts) item.append(el("p", facts));
        list.append(item);
      }
      section.append(list);
    } else section.append(el("p", data.widget.noJobs));
    section.append(el("a", matching > shown.length ? `${data.widget.allJobs} (${data.jobs.length})` : data.widget.allJobs, { class: "all", href: embedHref(data.site, "widget") }));
    root.replaceChildren(section);
  } catch {
    // Nothing lost: a plain link to the jobs, in the host's own style.
    const fallback = el("a", `${origin.replace(/^https?:\/\//, "")}`, { href: embedHref(`${origin}/`, "widget") });
    root.replaceChildren(fallback);
  } finally {
    host.removeAttribute("aria-busy");
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});

function mount(): void {
  const fromScript = (name: string) => script?.getAttribute(`data-${name}`);
  const slots = [...document.querySelectorAll<HTMLElement>("div[data-careers-jobs]:not([data-careers-mounted])")];
  if (slots.length) {
    for (const slot of slots) {
      slot.setAttribute("data-careers-mounted", "");
      const host = document.createElement(TAG);
      slot.replaceChildren(host);
      void render(host, embedOptions((name) => slot.getAttribute(`data-${name}`) ?? fromScript(name)));
    }
  } else if (script?.parentNode) {
    const host = document.createElement(TAG);
    script.after(host);
    void render(host, embedOptions(fromScript));
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount, { once: true });
else mount();
