import type { Kysely } from "kysely";

// Every job the site has listed, by its slug (lib/jobs/ledger.ts): when it was first listed,
// when its content last changed (the sitemap's lastmod), and when it left the list (a 410
// Gone for its page, instead of a 404 as if it never existed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("job_ledger")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("first_listed_at", "bigint", (c) => c.notNull())
    .addColumn("changed_at", "bigint", (c) => c.notNull())
    .addColumn("gone_at", "bigint")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("job_ledger").execute();
}
