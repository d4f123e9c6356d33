// The languages on offer, as the branding was last saved here or synced from another server
// (lib/branding/sync), for the HTTP front's first-visit redirect (scripts/server.mjs asks
// ./entry.ts before Next.js runs, so it cannot read the database per request). Kept on
// globalThis: Next.js loads the app's modules in more than one bundle, and they must all see
// the same value.
import type { Languages } from "./locales";
import { processSingleton } from "@/lib/process-state.mjs";

const holder = () => processSingleton<{ languages: Languages | null }>("languages", () => ({ languages: null }));

export function publishLanguages(languages: Languages): void {
  holder().languages = languages;
}

/** null until the branding was first read (the front then redirects no one). */
export function offeredLanguages(): Languages | null {
  return holder().languages;
}
