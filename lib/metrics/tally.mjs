// @ts-check
// Counts kept by the parts of the server that run outside Next.js's bundles (the HTTP front in
// scripts/server.mjs, the page cache's handler), which cannot load prom-client (the container
// image ships no node_modules beside them). They count here, on globalThis, and the app's
// metrics (lib/metrics/index.ts) read the counts when /metrics is scraped. No dependencies.
import { processSingleton } from "../process-state.mjs";

/** The counts and readings kept here, by name (lib/metrics turns each into a metric). */
export const TALLY = /** @type {const} */ ({
  /** Cached pages and feeds: "hit" or "miss" (the front and the cache handler). */
  pageCache: "page-cache",
  /** Uploads refused or cut off by the front: "busy", "too_large" or "slow". */
  uploadRefusals: "upload-refusals",
  /** A reading: the bytes of uploads the front holds in flight. */
  uploadBytesInFlight: "upload-bytes-in-flight",
});

/** @typedef {{ counts: Map<string, Map<string, number>>; probes: Map<string, () => number> }} Tallies */

/** @returns {Tallies} */
export function tallies() {
  return processSingleton("metric-tallies", () => ({ counts: new Map(), probes: new Map() }));
}

/**
 * Adds one to a count. `label` must come from a short fixed list (an outcome, a result), never
 * from a request: every distinct value becomes a time series.
 * @param {string} name @param {string} [label]
 */
export function tally(name, label = "") {
  const { counts } = tallies();
  const byLabel = counts.get(name) ?? new Map();
  byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
  counts.set(name, byLabel);
}

/** A count's values by label. @param {string} name @returns {ReadonlyMap<string, number>} */
export function counted(name) {
  return tallies().counts.get(name) ?? new Map();
}

/**
 * Names a reading taken when metrics are scraped (the bytes of uploads in flight, say).
 * @param {string} name @param {() => number} read
 */
export function probe(name, read) {
  tallies().probes.set(name, read);
}

/** A probe's reading, or null when nothing named it. @param {string} name */
export function readProbe(name) {
  const read = tallies().probes.get(name);
  return read ? read() : null;
}
