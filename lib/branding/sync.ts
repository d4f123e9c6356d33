// Which branding version this server's pages show, so a save on any server (found by
// lib/sync) renders the public pages again here too.
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import { invalidatePages } from "@/lib/page-cache";
import { publishLanguages } from "@/lib/i18n/offered";
import { DEFAULT_STORED_BRANDING, type StoredBranding } from "./schema";
import { currentVersion, latestVersionId } from "./store";

type Known = { version?: number };

const known = () => processSingleton<Known>("branding-known-version", () => ({}));

/** A version was saved on this server: its pages (and languages) change now, not at the next poll. */
export function brandingSaved(version: number, data: StoredBranding): void {
  known().version = version;
  publish(data);
  invalidatePages("branding saved");
}

/** Compares the newest version in the database with the one this server's pages show. */
export async function syncBrandingFromDatabase(): Promise<void> {
  const latest = await latestVersionId();
  const k = known();
  if (k.version !== undefined && k.version !== latest) invalidatePages("branding saved on another server");
  // At start (nothing known yet) and after another server's save.
  if (k.version !== latest) publish((await currentVersion())?.data ?? DEFAULT_STORED_BRANDING);
  k.version = latest;
}

/** Tells the HTTP front's first-visit redirect which languages are on offer now. */
function publish(data: StoredBranding): void {
  publishLanguages({ offered: data.languages, defaultLocale: data.defaultLanguage });
}
