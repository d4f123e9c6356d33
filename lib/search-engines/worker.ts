// The search-engine worker each server runs while an engine is configured: every
// SEARCH_NOTIFY_POLL_MS (and at once after a changed job list is recorded) it asks for the job
// list (which refreshes it when older than JOBS_CACHE_SECONDS, visitors or not), takes the due
// notifications' leases and tells the engines, each page in every language the site offers.
// Google's calls are spent from its daily quota (GOOGLE_INDEXING_DAILY_QUOTA, shared by every
// replica): past it they wait for the next quota day. A temporary failure (no answer, 429, 5xx)
// is tried again with backoff until SEARCH_NOTIFY_GIVE_UP_HOURS; a refusal is recorded for HR.
import "server-only";
import { retryDelay } from "@/lib/backoff";
import { getBranding } from "@/lib/branding";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { localizedPath } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
import { backgroundLoop } from "@/lib/loop";
import { metrics } from "@/lib/metrics";
import { serverId } from "@/lib/server-id";
import { configuredEngines, tellGoogle, tellIndexNow, type Answer } from "./engines";
import {
  claimDueNotifications,
  markNotificationFailed,
  markNotificationSent,
  pruneNotifications,
  quotaDay,
  scheduleNotificationRetry,
  spendQuota,
  type SearchNotification,
} from "./queue";

const logger = log("search-engines");
/** Notifications taken per pass (IndexNow takes them in one call). */
const BATCH = 100;
const LEASE_MS = 120_000;
/** A notification waiting for Google's next quota day looks again this often. */
const QUOTA_RECHECK_MS = 15 * 60_000;

type Addresses = (path: string) => string[];

/** A page's address in every language on offer (the branding read once per pass). */
async function addressesNow(): Promise<Addresses> {
  const { SITE_URL } = env();
  const { languages } = await getBranding();
  return (path) => languages.offered.map((l) => `${SITE_URL}${localizedPath(l, languages.defaultLocale, path)}`);
}

async function settle(row: SearchNotification, owner: string, answer: Answer): Promise<Answer["outcome"]> {
  const config = env();
  if (answer.outcome === "sent") {
    await markNotificationSent(row.id, owner, answer.status);
    return "sent";
  }
  if (answer.outcome === "failed") {
    await markNotificationFailed(row.id, owner, answer.error, answer.status);
    logger.warn({ engine: row.engine, status: answer.status, reason: answer.error }, "search engine refused a notification");
    return "failed";
  }
  if (Date.now() - Number(row.created_at) > config.SEARCH_NOTIFY_GIVE_UP_HOURS * 3_600_000) {
    await markNotificationFailed(row.id, owner, `Gave up after ${config.SEARCH_NOTIFY_GIVE_UP_HOURS} hours: ${answer.error}`, answer.status ?? 0);
    return "failed";
  }
  const wait = retryDelay(row.attempts, config.SEARCH_NOTIFY_RETRY_BASE_MS, config.SEARCH_NOTIFY_RETRY_MAX_MS);
  await scheduleNotificationRetry(row.id, owner, { error: answer.error, httpStatus: answer.status, nextAttemptAt: Date.now() + wait });
  return "retry";
}

/** A notification for an engine no longer configured: recorded as such, not sent. */
async function unconfigured(row: SearchNotification, owner: string): Promise<void> {
  await markNotificationFailed(row.id, owner, "Not sent: this engine is no longer configured", null);
}

/** Returns false when Google's last answer was a temporary failure (the pass stops there). */
async function sendToGoogle(rows: SearchNotification[], owner: string, addresses: Addresses): Promise<boolean> {
  const quota = env().GOOGLE_INDEXING_DAILY_QUOTA;
  for (const [i, row] of rows.entries()) {
    const urls = addresses(row.url);
    if (!(await spendQuota("google", urls.length, quota))) {
      // Today's quota is spent: this one and the rest wait for the next quota day.
      for (const waiting of rows.slice(i)) {
        await scheduleNotificationRetry(waiting.id, owner, {
          error: `Waiting for Google's next quota day: ${quota} calls a day are spent (${quotaDay("google")}, Pacific time)`,
          httpStatus: waiting.http_status,
          nextAttemptAt: Date.now() + QUOTA_RECHECK_MS,
          spent: false,
        });
        metrics().searchNotifications.inc({ engine: "google", outcome: "retry" });
      }
      return true;
    }
    let answer: Answer = { outcome: "sent", status: 200 };
    for (const url of urls) {
      answer = await tellGoogle(url, row.type);
      if (answer.outcome !== "sent") break;
    }
    const outcome = await settle(row, owner, answer);
    metrics().searchNotifications.inc({ engine: "google", outcome });
    if (outcome === "retry") {
      // Google is struggling (or rate-limiting): the rest wait for the next pass.
      const next = Date.now() + env().SEARCH_NOTIFY_POLL_MS;
      for (const later of rows.slice(i + 1)) {
        await scheduleNotificationRetry(later.id, owner, { error: "Waiting: Google's last answer was a temporary failure", httpStatus: later.http_status, nextAttemptAt: next, spent: false });
      }
      return false;
    }
  }
  return true;
}

/** Returns false when IndexNow's answer was a temporary failure. */
async function sendToIndexNow(rows: SearchNotification[], owner: string, addresses: Addresses): Promise<boolean> {
  const urls = [...new Set(rows.flatMap((r) => addresses(r.url)))];
  const answer = await tellIndexNow(urls);
  for (const row of rows) metrics().searchNotifications.inc({ engine: "indexnow", outcome: await settle(row, owner, answer) });
  return answer.outcome !== "retry";
}

/** One pass: every due notification, a batch at a time. Returns how many were taken. */
export async function runSearchNotificationsOnce(): Promise<number> {
  const engines = configuredEngines();
  // Asking for the job list refreshes it once it is older than JOBS_CACHE_SECONDS, so a change
  // is found with no visitor and no webhook too. (Loaded here: the cache's storage wakes this worker.)
  const { getJobsSnapshot } = await import("@/lib/jobs/cache");
  await getJobsSnapshot().catch(() => null);
  const owner = serverId();
  let taken = 0;
  for (;;) {
    const batch = await claimDueNotifications(owner, BATCH, LEASE_MS);
    if (!batch.length) break;
    taken += batch.length;
    for (const row of batch.filter((r) => !engines.includes(r.engine))) await unconfigured(row, owner);
    const google = batch.filter((r) => r.engine === "google" && engines.includes("google"));
    const indexNow = batch.filter((r) => r.engine === "indexnow" && engines.includes("indexnow"));
    const addresses = await addressesNow();
    const fine = await Promise.all([google.length ? sendToGoogle(google, owner, addresses) : true, indexNow.length ? sendToIndexNow(indexNow, owner, addresses) : true]);
    if (batch.length < BATCH || fine.includes(false)) break;
  }
  return taken;
}

const searchLoop = () =>
  backgroundLoop("search-engines", { everyMs: env().SEARCH_NOTIFY_POLL_MS, run: runSearchNotificationsOnce, failure: "could not tell search engines about changed jobs" });

/** A pass now (a changed job list was just recorded), or right after the one under way, when an engine is configured. */
export function kickSearchNotifications(): Promise<void> {
  return configuredEngines().length ? searchLoop().kick() : Promise.resolve();
}

export function startSearchNotifications(): void {
  registerHousekeeping({ name: "search-engine notifications", run: () => pruneNotifications(30) });
  const engines = configuredEngines();
  if (!engines.length) return;
  searchLoop().start();
  logger.info({ engines, pollMs: env().SEARCH_NOTIFY_POLL_MS, server: serverId() }, "search-engine notifications started");
}
