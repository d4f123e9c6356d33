// Telling subscribers about new jobs. Each pass (every ALERTS_POLL_MS, on every server):
// 1. note when each open job was first seen (the first server to insert it sets the time);
// 2. for each confirmed subscription due an email (none in the last ALERTS_MIN_HOURS_BETWEEN),
//    find open jobs first seen after it was confirmed, matching its filters, never sent to it;
// 3. in one transaction: take the subscription (a conditional update on last_digest_at, so of
//    several servers only one wins), record the jobs as sent, and queue one email for all of
//    them. Nothing is recorded as sent without its email queued, and no job goes out twice.
import "server-only";
import type { Selectable } from "kysely";
import { getBranding } from "@/lib/branding";
import { database } from "@/lib/db";
import type { AlertSubscriptionsTable } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { getOpenJobs, type Job } from "@/lib/jobs";
import { enqueueMail } from "@/lib/mail/outbox";
import { appSecret } from "@/lib/secrets";
import { alertLinks, digestEmail } from "./emails";
import { jobMatchesAlert } from "./filters";
import { toSubscription } from "./subscriptions";
import { alertsOffered } from "./switch";
import { alertToken } from "./tokens";

const HOUR = 60 * 60 * 1000;
/** Subscriptions read at a time. */
const PAGE = 500;

/** Records the open jobs' first sighting; returns when each was first seen. */
export async function noteSeenJobs(jobs: Job[], now = Date.now()): Promise<Map<string, number>> {
  if (!jobs.length) return new Map();
  const db = await database();
  await db
    .insertInto("alert_jobs_seen")
    .values(jobs.map((j) => ({ job_uuid: j.uuid, first_seen_at: now })))
    .onConflict((oc) => oc.column("job_uuid").doNothing())
    .execute();
  const rows = await db
    .selectFrom("alert_jobs_seen")
    .select(["job_uuid", "first_seen_at"])
    .where(
      "job_uuid",
      "in",
      jobs.map((j) => j.uuid),
    )
    .execute();
  return new Map(rows.map((r) => [r.job_uuid, Number(r.first_seen_at)]));
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
  const suppressed = new Set((await db.selectFrom("mail_suppressions").select("email").execute()).map((r) => r.email));
  const branding = await getBranding();
  await appSecret();
  let queued = 0;
  // Every due subscription, a page at a time in id order (keyset pagination), so none waits
  // behind others that have nothing new.
  let after = "";
  for (;;) {
    const due = await db
      .selectFrom("alert_subscriptions")
      .selectAll()
      .where("status", "=", "confirmed")
      .where("id", ">", after)
      .where((eb) => eb.or([eb("last_digest_at", "is", null), eb("last_digest_at", "<=", dueBefore)]))
      .orderBy("id", "asc")
      .limit(PAGE)
      .execute();
    if (!due.length) break;
    after = due.at(-1)!.id;
    queued += await planPage(due);
  }
  return queued;

  async function planPage(due: Array<Selectable<AlertSubscriptionsTable>>): Promise<number> {
    let planned = 0;
    for (const row of due) {
      const sub = toSubscription(row);
      if (suppressed.has(sub.email) || sub.confirmedAt === null) continue;
      const candidates = jobs.filter((j) => (seen.get(j.uuid) ?? 0) > (sub.confirmedAt ?? now) && jobMatchesAlert(j, sub.filters));
      if (!candidates.length) continue;
      const sent = new Set(
        (
          await db
            .selectFrom("alert_sent")
            .select("job_uuid")
            .where("subscription_id", "=", sub.id)
            .where(
              "job_uuid",
              "in",
              candidates.map((j) => j.uuid),
            )
            .execute()
        ).map((r) => r.job_uuid),
      );
      const fresh = candidates.filter((j) => !sent.has(j.uuid));
      if (!fresh.length) continue;
      const links = alertLinks({ manage: await alertToken("manage", sub.id, now) });
      const mail = digestEmail(sub.email, sub.id, sub.filters, fresh, branding, links);
      const took = await db.transaction().execute(async (trx) => {
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
      if (took) planned++;
    }
    return planned;
  }
}
