import type { Kysely } from "kysely";

// HR insights, kept as daily totals only: no visitor, address, browser or cookie is stored.
// - insight_counts: per UTC day, job ("" for the listing), source and metric, a count.
// - tracking_links: short links HR makes per job and channel (/r/<code>).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("insight_counts")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("insight_counts_pk", ["day", "job_uuid", "source", "metric"])
    .execute();
  await db.schema.createIndex("insight_counts_day").on("insight_counts").column("day").execute();
  await db.schema
    .createTable("tracking_links")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("tracking_links").execute();
  await db.schema.dropTable("insight_counts").execute();
}
