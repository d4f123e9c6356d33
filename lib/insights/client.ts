// The browser's side of counting: which channel brought this visitor (worked out once per
// page load from the utm_source in the address or the referring site, and remembered for the
// tab in sessionStorage, never in a cookie), and a beacon that reports a view or the start of
// an application after the page has loaded. Only the channel's name leaves the browser.
import { splitLocale } from "@/lib/i18n/locales";
import { channelOf, cleanUtm } from "./channels";

const CHANNEL_KEY = "careers.channel";
const UTM_KEY = "utm_source";

let decided: string | null = null;

function stored(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null; // storage switched off: the channel is still known for this page
  }
}

function store(key: string, value: string): void {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    /* as above */
  }
}

/**
 * The channel of this visit. A utm_source in the address wins; otherwise a new arrival from
 * another site starts a new channel; otherwise the tab keeps the one it arrived with.
 */
export function landingChannel(): string {
  const utm = cleanUtm(new URLSearchParams(window.location.search).get("utm_source"));
  if (utm) {
    store(UTM_KEY, utm);
    decided = utm;
  } else if (!decided) {
    const fromReferrer = channelOf(null, document.referrer, window.location.hostname);
    decided = fromReferrer !== "direct" ? fromReferrer : (stored(CHANNEL_KEY) ?? "direct");
  }
  store(CHANNEL_KEY, decided);
  return decided;
}

/** The utm_source this visit's channel came from, or "" (for the candidate's source). */
export function landingUtm(): string {
  const channel = landingChannel();
  return stored(UTM_KEY) === channel ? channel : "";
}

/**
 * The view a page's address counts, in any language ("/de/jobs/x" counts as "/jobs/x"), or null
 * for a page whose views are not counted (only the job listing and the job pages are).
 */
export function countedView(pathname: string): string | null {
  const { path } = splitLocale(pathname);
  return /^\/(?:jobs\/[^/]+)?$/.test(path) ? path : null;
}

export type InsightBeacon = { type: "view"; path: string } | { type: "start"; job: string };

/** Sends one event, after any prerendering ends (a prerendered page nobody sees is no view). */
export function sendInsight(event: InsightBeacon): void {
  const send = () => {
    const body = JSON.stringify({ ...event, source: landingChannel() });
    // text/plain: a "simple" request, no preflight, and sendBeacon survives leaving the page.
    const blob = new Blob([body], { type: "text/plain" });
    if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/insights", blob)) return;
    void fetch("/api/insights", { method: "POST", body: blob, keepalive: true }).catch(() => undefined);
  };
  const doc = document as Document & { prerendering?: boolean };
  if (doc.prerendering) document.addEventListener("prerenderingchange", send, { once: true });
  else send();
}
