// The job list shared by every server, stored in the database (job_snapshot, one row): a
// server that fetched a list writes it here, the others take it from here. Storage only: when
// to fetch, adopt or serve stale is ./cache.ts's. A list with new content is also recorded in
// the job ledger (./ledger.ts), in the same transaction, with what search engines are to be
// told (lib/search-engines), whose worker is then woken.
import "server-only";
import { database } from "@/lib/db";
import { kickSearchNotifications } from "@/lib/search-engines/worker";
import { recordListing } from "./ledger";
import type { Job } from "./types";

const SNAPSHOT_ID = "current";

/** A job list as held in memory and stored: its jobs, when it was fetched, and its content's hash. */
export type HeldList = { jobs: Job[]; fetchedAt: number; hash: string };
export type StoredMeta = { version: number; hash: string; fetchedAt: number };

/** Where the shared list lives (the database here; memory in the cache policy's own tests). */
export type JobListStorage = {
  meta(): Promise<StoredMeta | null>;
  read(): Promise<HeldList | null>;
  /** Shares a freshly fetched list; the version goes up only when the content changed. */
  write(held: HeldList, data: string): Promise<void>;
};

export const databaseStorage: JobListStorage = {
  async meta() {
    const db = await database();
    const row = await db.selectFrom("job_snapshot").select(["version", "hash", "fetched_at"]).where("id", "=", SNAPSHOT_ID).executeTakeFirst();
    return row ? { version: Number(row.version), hash: row.hash, fetchedAt: Number(row.fetched_at) } : null;
  },
  async read() {
    const db = await database();
    const row = await db.selectFrom("job_snapshot").select(["hash", "data", "fetched_at"]).where("id", "=", SNAPSHOT_ID).executeTakeFirst();
    return row ? { jobs: JSON.parse(row.data) as Job[], hash: row.hash, fetchedAt: Number(row.fetched_at) } : null;
  },
  async write(held, data) {
    const db = await database();
    let queued = 0;
    await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom("job_snapshot").select(["version", "hash", "fetched_at"]).where("id", "=", SNAPSHOT_ID).executeTakeFirst();
      if (!current) {
        await trx
          .insertInto("job_snapshot")
          .values({ id: SNAPSHOT_ID, version: 1, hash: held.hash, data, fetched_at: held.fetchedAt })
          .onConflict((oc) => oc.column("id").doUpdateSet({ hash: held.hash, data, fetched_at: held.fetchedAt }))
          .execute();
        queued = await recordListing(trx, held.jobs, held.fetchedAt);
      } else if (held.fetchedAt <= Number(current.fetched_at)) {
        // Another server stored a list fetched later than this one: it stays.
      } else if (current.hash === held.hash) {
        await trx.updateTable("job_snapshot").set({ fetched_at: held.fetchedAt }).where("id", "=", SNAPSHOT_ID).execute();
      } else {
        await trx
          .updateTable("job_snapshot")
          .set({ version: Number(current.version) + 1, hash: held.hash, data, fetched_at: held.fetchedAt })
          .where("id", "=", SNAPSHOT_ID)
          .execute();
        queued = await recordListing(trx, held.jobs, held.fetchedAt);
      }
    });
    if (queued) void kickSearchNotifications();
  },
};
