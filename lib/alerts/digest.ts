// Telling subscribers about new jobs. Each pass (every ALERTS_POLL_MS, on every server):
// 1. note when each open job was first seen (the first server to insert it sets the time);
// 2. for each confirmed subscription due an email (none in the last ALERTS_MIN_HOURS_BETWEEN),
//    find open jobs first seen after it was confirmed, matching its filters, never sent to it;
// 3. in one transaction: take the subscription (a conditional update on last_digest_at, so of
//    several servers only one wins), record the jobs as sent, and queue one email for all of
//    them. Nothing is recorded as sent without its email queued, and no job goes out twice.
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import type { Selectable } from "kysely";
import { getBranding, type Branding } from "@/lib/branding";
import { database } from "@/lib/db";
import type { AlertSubscriptionsTable } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { getOpenJobs, type Job } from "@/lib/jobs";
import { metrics } from "@/lib/metrics";
import { enqueueMail } from "@/lib/mail/outbox";
import { appSecret } from "@/lib/secrets";
import { alertLinks, digestEmail, mailLanguage } from "./emails";
import { jobMatchesAlert } from "./filters";
import { toSubscription } from "./subscriptions";
import { alertsOffered } from "./switch";
import { alertToken } from "./tokens";

const HOUR = 60 * 60 * 1000;
/** Subscriptions read at a time. */
const PAGE = 500;

type Sub = Selectable<AlertSubscriptionsTable>;
type Context = { suppressed: Set<string>; branding: Branding };

// First sightings never change once written: each server keeps those it has read (per
// database), so a pass with no new job writes and reads nothing for them.

function seenCache(db: object): Map<string, number> {
  const seen = processSingleton("alerts-seen", () => new WeakMap<object, Map<string, number>>());
  let cache = seen.get(db);
  if (!cache) seen.set(db, (cache = new Map()));
  return cache;
}

/** Records the open jobs' first sighting; returns when each was first seen. */
export async function noteSeenJobs(jobs: Job[], now = Date.now()): Promise<Map<string, number>> {
  const db = await database();
  const cache = seenCache(db);
  const unknown = jobs.filter((j) => !cache.has(j.uuid)).map((j) => j.uuid);
  if (unknown.length) {
    await db
      .insertInto("alert_jobs_seen")
      .values(unknown.map((uuid) => ({ job_uuid: uuid, first_seen_at: now })))
      .onConflict((oc) => oc.column("job_uuid").doNothing())
      .execute();
    const rows = await db.selectFrom("alert_jobs_seen").select(["job_uuid", "first_seen_at"]).where("job_uuid", "in", unknown).execute();
    for (const r of rows) cache.set(r.job_uuid, Number(r.first_seen_at));
  }
  return cache;
}

/** One pass (over the open jobs given, or the site's); returns how many digests were queued. */
export async function planDigests({ now = Date.now(), openJobs }: { now?: number; openJobs?: Job[] } = {}): Promise<number> {
  const jobs = openJobs ?? (await getOpenJobs());
  // Sightings are noted even while alerts are off, so switching them on does not announce
  // every job that opened meanwhile as new.
  const seen = await noteSeenJobs(jobs, now);
  if (!(await alertsOffered())) return 0;
  const db = await database();
  const dueBefore = now - env().ALERTS_MIN_HOURS_BETWEEN * HOUR;
  let context: Context | null = null;
  let queued = 0;
  // Every due subscription, a page at a time in id order (keyset pagination), so none waits
  // behind others that have nothing new.
  for (let after = ""; ; ) {
    const page = await db
      .selectFrom("alert_subscriptions")
      .selectAll()
      .where("status", "=", "confirmed")
      .where("id", ">", after)
      .where((eb) => eb.or([eb("last_digest_at", "is", null), eb("last_digest_at", "<=", dueBefore)]))
      .orderBy("id", "asc")
      .limit(PAGE)
      .execute();
    if (!page.length) return queued;
    after = page.at(-1)!.id;
    const wanting = page
      .map((row) => ({ row, sub: toSubscription(row) }))
      .map((w) => ({ ...w, candidates: jobs.filter((j) => (seen.get(j.uuid) ?? 0) > (w.sub.confirmedAt ?? now) && jobMatchesAlert(j, w.sub.filters)) }))
      .filter((w) => w.candidates.length);
    if (!wanting.length) continue;
    // Which of those jobs each was already sent: one query for the page.
    const sent = await db
      .selectFrom("alert_sent")
      .select(["subscription_id", "job_uuid"])
      .where(
        "subscription_id",
        "in",
        wanting.map((w) => w.row.id),
      )
      .where("job_uuid", "in", [...new Set(wanting.flatMap((w) => w.candidates.map((j) => j.uuid)))])
      .execute();
    const already = new Set(sent.map((r) => `${r.subscription_id} ${r.job_uuid}`));
    context ??= await contextOf();
    for (const { row, sub, candidates } of wanting) {
      const fresh = candidates.filter((j) => !already.has(`${sub.id} ${j.uuid}`));
      if (fresh.length && !context.suppressed.has(sub.email) && (await queueDigest(row, fresh, context, now))) {
        queued++;
        metrics().alertDigests.inc();
      }
    }
  }
}

/** What every digest of a pass needs, read once, and only when there is one to send. */
async function contextOf(): Promise<Context> {
  const db = await database();
  const suppressed = new Set((await db.selectFrom("mail_suppressions").select("email").execute()).map((r) => r.email));
  // Tokens are signed inside the transaction: load the secret first (on SQLite a query outside
  // an open transaction would wait for it).
  await appSecret();
  return { suppressed, branding: await getBranding() };
}

/** Takes the subscription (one server wins), records the jobs as sent and queues the email. */
async function queueDigest(row: Sub, fresh: Job[], { branding }: Context, now: number): Promise<boolean> {
  const sub = toSubscription(row);
  const language = mailLanguage(row.locale, branding);
  const links = alertLinks({ manage: await alertToken("manage", sub.id, now) }, language.prefix);
  const mail = digestEmail(sub.email, sub.id, sub.filters, fresh, language, links);
  const db = await database();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("alert_subscriptions")
      .set((eb) => ({ last_digest_at: now, jobs_sent: eb("jobs_sent", "+", fresh.length) }))
      .where("id", "=", sub.id)
      .where("status", "=", "confirmed")
      .where((eb) => (row.last_digest_at === null ? eb("last_digest_at", "is", null) : eb("last_digest_at", "=", row.last_digest_at)))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return false;
    await trx
      .insertInto("alert_sent")
      .values(fresh.map((j) => ({ subscription_id: sub.id, job_uuid: j.uuid, sent_at: now })))
      .onConflict((oc) => oc.columns(["subscription_id", "job_uuid"]).doNothing())
      .execute();
    await enqueueMail(mail, trx); // sent now, whatever clock the plan ran on
    return true;
  });
}
