// What a public page does as it loads, without React: on a cached page from public/boot.js
// (./boot.ts), before the runtime is in; on a page rendered for its request, from the runtime
// itself (components/page-boot.tsx). A cached page carries React and Next.js's runtime inert, in
// a <template data-runtime> (./defer.mjs), because the page works as plain HTML: links, a GET
// search form, forms that post. This does the little that must happen as the page loads, and
// brings the runtime in when the visitor engages:
//   - counts the view (the insights beacon), and remembers the visitor's channel;
//   - points the language links at this very page, and remembers a chosen language;
//   - a changed filter in a form marked data-auto-submit applies at once (without JavaScript
//     the form's Search button does it);
//   - until the runtime is here, a link marked data-runtime-hash goes to that #hash instead
//     (the job page's "Start your application" shows the form there once the runtime is in);
//   - loads the runtime at the first touch, click, key, focus, wheel or scroll, when an element
//     marked data-runtime-near comes within 300 px of the screen, or on a #hash that asks for it.
// On a page rendered for its request the runtime is already in: there is nothing to bring.
// No React here: public/boot.js is small on purpose (bench: script at load).
import { countedView, landingChannel, sendInsight } from "@/lib/insights/client";
import { isLocale, localeCookie, samePageIn } from "@/lib/i18n/locales";

const ENGAGED = ["pointerdown", "touchstart", "keydown", "focusin", "wheel", "scroll"] as const;

function loadRuntime(): void {
  const held = document.querySelector("template[data-runtime]");
  if (!(held instanceof HTMLTemplateElement)) return;
  held.remove();
  for (const inert of held.content.querySelectorAll("script[src]")) {
    const script = document.createElement("script");
    script.src = inert.getAttribute("src") ?? "";
    script.async = true;
    document.body.append(script);
  }
}

function runtimeOnDemand(): void {
  if (!document.querySelector("template[data-runtime]")) return;
  let loaded = false;
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: "300px 0px" });
  const onHash = () => document.querySelector(`[data-runtime-hash="${CSS.escape(window.location.hash)}"]`) && go();
  // Kept once the runtime is in: what the link does then (show the form) is what #apply asks.
  const onEarlyClick = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-runtime-hash]") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.location.hash = link.getAttribute("data-runtime-hash") ?? "";
  };
  function go() {
    if (loaded) return;
    loaded = true;
    for (const type of ENGAGED) window.removeEventListener(type, go, true);
    window.removeEventListener("hashchange", onHash);
    observer.disconnect();
    loadRuntime();
  }
  document.addEventListener("click", onEarlyClick, true);
  for (const type of ENGAGED) window.addEventListener(type, go, { capture: true, passive: true });
  window.addEventListener("hashchange", onHash);
  for (const element of document.querySelectorAll("[data-runtime-near]")) observer.observe(element);
  onHash();
}

function languageLinks(): void {
  const nav = document.querySelector("[data-default-locale]");
  const defaultLocale = nav?.getAttribute("data-default-locale");
  if (!nav || !isLocale(defaultLocale)) return;
  for (const link of nav.querySelectorAll("a[hreflang]")) {
    const locale = link.getAttribute("hreflang");
    if (!isLocale(locale)) continue;
    link.setAttribute("href", samePageIn(locale, defaultLocale, window.location.pathname, window.location.search));
    link.addEventListener("click", () => {
      document.cookie = localeCookie(locale);
    });
  }
}

/** Listens on the document, so a form the runtime brings later (a client-side navigation) is served too. */
function autoSubmit(): void {
  document.addEventListener("change", (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    const form = select.closest("form[data-auto-submit]");
    if (!(form instanceof HTMLFormElement)) return;
    // A new country makes the chosen city meaningless.
    if (select.name === "country") {
      const city = form.elements.namedItem("city");
      if (city instanceof HTMLSelectElement) city.value = "";
    }
    form.requestSubmit();
  });
}

/** Once per page load, whichever comes first: public/boot.js or the runtime (components/page-boot.tsx). */
export function bootPage(): void {
  const page = window as Window & { careersBooted?: boolean };
  if (page.careersBooted) return;
  page.careersBooted = true;
  const view = countedView(window.location.pathname);
  if (view) sendInsight({ type: "view", path: view });
  else landingChannel();
  languageLinks();
  autoSubmit();
  runtimeOnDemand();
}
