// Every job the site has listed, by slug (job_ledger): recorded whenever a changed job list is
// shared (./shared-list.ts, in the same transaction), so every replica agrees. It answers two
// questions the current list cannot: when did this job last change (the sitemap's lastmod),
// and was this slug ever listed (a removed job's page is a 410 Gone, not a 404).
import "server-only";
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { database, type Database } from "@/lib/db";
import { configuredEngines } from "@/lib/search-engines/engines";
import { enqueueSearchChanges, type PageChange } from "@/lib/search-engines/queue";
import type { Job } from "./types";

const fingerprint = (job: Job) => createHash("sha256").update(JSON.stringify(job)).digest("hex");

/**
 * Records a list as listed at `at`: new jobs, changed ones, and the ones that left it; and
 * queues each job page's change for the search engines configured (lib/search-engines): an
 * open job's page was updated; a closed one's (noindex) and a removed one's (410) deleted.
 * Returns how many notifications it queued.
 */
export async function recordListing(trx: Transaction<Database>, jobs: Job[], at: number): Promise<number> {
  const changes: PageChange[] = [];
  const page = (slug: string) => `/jobs/${slug}`;
  const known = new Map((await trx.selectFrom("job_ledger").select(["slug", "fingerprint", "gone_at"]).execute()).map((r) => [r.slug, r]));
  const listed = new Set<string>();
  for (const job of jobs) {
    listed.add(job.slug);
    const print = fingerprint(job);
    const row = known.get(job.slug);
    if (!row) {
      await trx
        .insertInto("job_ledger")
        .values({ slug: job.slug, job_uuid: job.uuid, title: job.title, fingerprint: print, first_listed_at: at, changed_at: at, gone_at: null })
        .onConflict((oc) => oc.column("slug").doNothing())
        .execute();
      if (job.isOpen) changes.push({ path: page(job.slug), type: "URL_UPDATED" });
    } else if (row.fingerprint !== print || row.gone_at !== null) {
      await trx.updateTable("job_ledger").set({ job_uuid: job.uuid, title: job.title, fingerprint: print, changed_at: at, gone_at: null }).where("slug", "=", job.slug).execute();
      changes.push({ path: page(job.slug), type: job.isOpen ? "URL_UPDATED" : "URL_DELETED" });
    }
  }
  const left = [...known.values()].filter((r) => r.gone_at === null && !listed.has(r.slug)).map((r) => r.slug);
  if (left.length) await trx.updateTable("job_ledger").set({ gone_at: at, changed_at: at }).where("slug", "in", left).execute();
  for (const slug of left) changes.push({ path: page(slug), type: "URL_DELETED" });
  return enqueueSearchChanges(trx, configuredEngines(), changes);
}

/** A job that was listed and is gone: its title and when it left; null for a slug never listed or still listed. */
export async function goneJob(slug: string): Promise<{ title: string; goneAt: number } | null> {
  const db = await database();
  const row = await db.selectFrom("job_ledger").select(["title", "gone_at"]).where("slug", "=", slug).executeTakeFirst();
  return row && row.gone_at !== null ? { title: row.title, goneAt: Number(row.gone_at) } : null;
}

/** When each listed job last changed, by slug (the sitemap's lastmod). */
export async function lastChanged(): Promise<Map<string, number>> {
  const db = await database();
  const rows = await db.selectFrom("job_ledger").select(["slug", "changed_at"]).where("gone_at", "is", null).execute();
  return new Map(rows.map((r) => [r.slug, Number(r.changed_at)]));
}
