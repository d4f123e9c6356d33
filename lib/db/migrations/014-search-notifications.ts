import type { Kysely } from "kysely";

// Telling search engines about job pages (lib/search-engines): one row per page address and
// engine waiting to be sent, sent, or given up on; a later change to a page still waiting
// replaces what it will say. search_quota counts the calls spent per engine and day, so
// every replica together stays within an engine's daily quota.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("search_notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("engine", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("lease_owner", "text")
    .addColumn("last_error", "text")
    .addColumn("http_status", "integer")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .execute();
  await db.schema.createIndex("search_notifications_due").on("search_notifications").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("search_notifications_page").on("search_notifications").columns(["engine", "url", "status"]).execute();
  await db.schema
    .createTable("search_quota")
    .addColumn("engine", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("used", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_quota_pk", ["engine", "day"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("search_quota").execute();
  await db.schema.dropTable("search_notifications").execute();
}
