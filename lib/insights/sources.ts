// Which sources HR's insights keep: the referrer groups (LinkedIn, Indeed, …, other, direct),
// the channels HR made tracking links for, and the site's own (job-alert emails). Anything else
// a browser reports (a utm_source made up by anyone) counts as "other": a visitor cannot add
// rows to HR's tables, nor words to them. At most MAX_SOURCES_PER_DAY distinct sources a day
// per server; past it, "other".
import "server-only";
import { database } from "@/lib/db";
import { processSingleton } from "@/lib/process-state.mjs";
import { REFERRER_GROUPS, sourceOf } from "./channels";

/** Channels the site itself tags its links with: job-alert emails, the widget and iframe for other sites (lib/embed). */
export const OWN_CHANNELS = ["job-alert", "embed"] as const;
export const MAX_SOURCES_PER_DAY = 60;
/** The channels are read again after this long, or after this much sooner when a source is not among them (a link made on another server). */
const CHANNELS_FRESH_MS = 30_000;
const MISS_RECHECK_MS = 2_000;

type State = { channels: Set<string> | null; readAt: number; reading: Promise<Set<string>> | null; day: string; sources: Set<string> };
const state = () => processSingleton<State>("insight-sources", () => ({ channels: null, readAt: 0, reading: null, day: "", sources: new Set() }));

/** The tracking links' channels: read at most every 30 s, every 2 s while asked for one not among them, and at once after a change here. */
async function trackedChannels(wanted: string): Promise<Set<string>> {
  const s = state();
  const age = Date.now() - s.readAt;
  if (s.channels && (age < MISS_RECHECK_MS || (age < CHANNELS_FRESH_MS && s.channels.has(wanted)))) return s.channels;
  s.reading ??= (async () => {
    try {
      const db = await database();
      const rows = await db.selectFrom("tracking_links").select("channel").distinct().execute();
      s.channels = new Set(rows.map((r) => r.channel));
      s.readAt = Date.now();
      return s.channels;
    } finally {
      s.reading = null;
    }
  })();
  return s.reading;
}

/** A tracking link was made or deleted on this server: read the channels again next time. */
export function forgetTrackedChannels(): void {
  state().readAt = 0;
}

/** The source to store for what a browser (or a form) reported. */
export async function storedSource(reported: string | null | undefined, now = Date.now()): Promise<string> {
  const safe = sourceOf(reported);
  const known =
    (REFERRER_GROUPS as readonly string[]).includes(safe) || (OWN_CHANNELS as readonly string[]).includes(safe) || (await trackedChannels(safe).catch(() => new Set<string>())).has(safe);
  if (!known) return "other";
  const s = state();
  const day = new Date(now).toISOString().slice(0, 10);
  if (s.day !== day) {
    s.day = day;
    s.sources = new Set();
  }
  if (!s.sources.has(safe) && s.sources.size >= MAX_SOURCES_PER_DAY) return "other";
  s.sources.add(safe);
  return safe;
}
