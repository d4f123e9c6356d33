// Where a visitor came from, as HR reads it: the utm_source a link carried, or else the site of
// the referring page, grouped. Only the group is kept, never the address it came from.

/** The groups a referrer falls into, as HR sees them. */
export const REFERRER_GROUPS = ["LinkedIn", "Indeed", "Google", "Facebook", "other", "direct"] as const;

const GROUPS: Array<[RegExp, (typeof REFERRER_GROUPS)[number]]> = [
  [/(^|\.)linkedin\.com$|(^|\.)lnkd\.in$/, "LinkedIn"],
  [/(^|\.)indeed\.[a-z.]+$/, "Indeed"],
  [/(^|\.)google\.[a-z.]+$/, "Google"],
  [/(^|\.)(facebook|fb)\.com$|(^|\.)fb\.me$/, "Facebook"],
];

/** A utm_source as a channel: lower case, letters, digits and a few separators, 40 at most. */
export function cleanUtm(value: string | null | undefined): string | null {
  const clean = (value ?? "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ._-]/gu, "")
    .trim()
    .slice(0, 40);
  return clean || null;
}

/**
 * The channel for a visit: its utm_source if it had one; else the referrer's site grouped
 * (LinkedIn, Indeed, Google, Facebook, other); "direct" without a referrer or from this site.
 */
export function channelOf(utm: string | null | undefined, referrer: string | null | undefined, ownHost: string): string {
  const tagged = cleanUtm(utm);
  if (tagged) return tagged;
  let host: string;
  try {
    host = new URL(referrer ?? "").hostname.toLowerCase();
  } catch {
    return "direct";
  }
  if (!host || host === ownHost.toLowerCase()) return "direct";
  for (const [pattern, group] of GROUPS) if (pattern.test(host)) return group;
  return "other";
}

/** A channel a browser reported, made safe to store: one of the groups, or a cleaned utm_source. */
export function sourceOf(reported: string | null | undefined): string {
  const value = (reported ?? "").trim();
  if ((REFERRER_GROUPS as readonly string[]).includes(value)) return value;
  return cleanUtm(value) ?? "direct";
}
