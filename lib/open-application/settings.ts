// Which Occupop job the open application at /join sends CVs to: HR's choice in the admin (a
// "General application" job, typically). While none is chosen, or the chosen one is no longer
// open, /join offers no form.
import "server-only";
import { isBuildPhase } from "@/lib/build-phase";
import { database } from "@/lib/db";
import { invalidatePages } from "@/lib/page-cache";
import { processSingleton } from "@/lib/process-state.mjs";
import { getJobsSnapshot } from "@/lib/jobs";
import type { Job } from "@/lib/jobs/types";

const SETTING = "open_application_job";

/** The choice this server last saw, to render its pages again when another server changes it. */
const known = () => processSingleton<{ uuid?: string | null }>("open-application", () => ({}));

export async function openApplicationJobUuid(): Promise<string | null> {
  const db = await database();
  const row = await db.selectFrom("settings").select("value").where("key", "=", SETTING).executeTakeFirst();
  return row?.value || null;
}

/**
 * HR's choice as this server knows it, without a query per page: read once, then kept current by
 * this server's own changes and, within SYNC_POLL_MS, by lib/sync (which renders the pages again).
 * Deciding what a posted form counts as reads the database itself (openApplicationJobUuid).
 */
async function knownChoice(): Promise<string | null> {
  const k = known();
  if (k.uuid === undefined) k.uuid = await openApplicationJobUuid();
  return k.uuid;
}

/** The chosen job while it is open; null otherwise (the job list's link and /join). */
export async function openApplicationJob(): Promise<Job | null> {
  if (isBuildPhase()) return null;
  const uuid = await knownChoice();
  if (!uuid) return null;
  const { jobs } = await getJobsSnapshot();
  return jobs.find((j) => j.uuid === uuid && j.isOpen) ?? null;
}

export async function setOpenApplicationJob(uuid: string | null): Promise<void> {
  const db = await database();
  const value = uuid ?? "";
  await db
    .insertInto("settings")
    .values({ key: SETTING, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
  known().uuid = uuid;
  // The job list links to /join while there is one.
  invalidatePages("open application changed");
}

/** lib/sync: HR's choice made on another server renders this server's pages again. */
export async function syncOpenApplication(): Promise<void> {
  const uuid = await openApplicationJobUuid();
  const k = known();
  if (k.uuid !== undefined && k.uuid !== uuid) invalidatePages("open application changed on another server");
  k.uuid = uuid;
}
