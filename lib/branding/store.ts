// Branding versions, stored: every save is a new row (who, when, what changed); the newest is
// in effect. A save names the version it was based on, so a stale one is refused instead of
// silently overwriting someone else's change. Persistence only: showing a saved version is
// ./save.ts's (saveAndPublish), keeping servers in step ./sync.ts's.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import { database } from "@/lib/db";
import { log } from "@/lib/log";
import { DEFAULT_STORED_BRANDING, storedBrandingSchema, type StoredBranding } from "./schema";

export type BrandingVersion = {
  id: number;
  data: StoredBranding;
  createdBy: string;
  createdAt: number;
  changes: string[];
  note: string | null;
};

function parse(row: { id: number; data: string; created_by: string; created_at: number; changes: string; note: string | null }): BrandingVersion {
  const data = storedBrandingSchema.safeParse(JSON.parse(row.data));
  return {
    id: Number(row.id),
    data: data.success ? data.data : DEFAULT_STORED_BRANDING,
    createdBy: row.created_by,
    createdAt: row.created_at,
    changes: JSON.parse(row.changes) as string[],
    note: row.note,
  };
}

/** The version in effect, or null when nothing was ever saved (defaults apply). */
export async function currentVersion(): Promise<BrandingVersion | null> {
  const db = await database();
  const row = await db.selectFrom("branding_versions").selectAll().orderBy("id", "desc").limit(1).executeTakeFirst();
  return row ? parse({ ...row, id: Number(row.id) }) : null;
}

/** The id of the version in effect (0: the defaults). */
export async function latestVersionId(): Promise<number> {
  const db = await database();
  const row = await db.selectFrom("branding_versions").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function versionById(id: number): Promise<BrandingVersion | null> {
  const db = await database();
  const row = await db.selectFrom("branding_versions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? parse({ ...row, id: Number(row.id) }) : null;
}

export async function history(limit = 50): Promise<BrandingVersion[]> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db.selectFrom("branding_versions").selectAll().orderBy("id", "desc").limit(limit).execute();
  return rows.map((row) => parse({ ...row, id: Number(row.id) }));
}

export function changedFields(before: StoredBranding, after: StoredBranding): string[] {
  return (Object.keys(after) as Array<keyof StoredBranding>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export type SaveResult = { ok: true; version: BrandingVersion } | { ok: false; reason: "stale"; current: number };

/**
 * Saves `data` as a new version, if `baseVersion` (0 = the defaults) is still the newest.
 * The check and the insert happen in one transaction.
 */
export async function saveVersion(data: StoredBranding, baseVersion: number, by: string, note: string | null = null): Promise<SaveResult> {
  const db = await database();
  const result = await db.transaction().execute(async (trx) => {
    const latest = await trx.selectFrom("branding_versions").select(["id", "data"]).orderBy("id", "desc").limit(1).executeTakeFirst();
    const latestId = latest ? Number(latest.id) : 0;
    if (latestId !== baseVersion) return { ok: false as const, reason: "stale" as const, current: latestId };
    const before = latest ? storedBrandingSchema.catch(DEFAULT_STORED_BRANDING).parse(JSON.parse(latest.data)) : DEFAULT_STORED_BRANDING;
    const changes = changedFields(before, data);
    const row = await trx
      .insertInto("branding_versions")
      .values({ data: JSON.stringify(data), created_by: by, created_at: Date.now(), changes: JSON.stringify(changes), note })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true as const, version: parse({ ...row, id: Number(row.id) }) };
  });
  if (result.ok) log("branding").info({ version: result.version.id, changes: result.version.changes, note }, "branding saved");
  return result;
}
