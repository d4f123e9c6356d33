import type { Kysely } from "kysely";

// Occupop's webhooks (lib/occupop-events): each event once, by the SHA-256 of its content (a
// repeat delivery is the same row), queued for any replica to process. Only what processing
// needs is kept: never a name or an email. candidate_statuses holds each candidate's latest
// status and step in Occupop, by the time Occupop gave it, so an older event arriving late
// changes nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("occupop_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_name", "text", (c) => c.notNull())
    .addColumn("resource_type", "text", (c) => c.notNull())
    .addColumn("resource_uuid", "text", (c) => c.notNull())
    .addColumn("resource_status", "text")
    .addColumn("resource_step", "text")
    .addColumn("occurred_at", "bigint", (c) => c.notNull())
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("lease_owner", "text")
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("occupop_events_due").on("occupop_events").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createTable("candidate_statuses")
    .addColumn("candidate_uuid", "text", (c) => c.primaryKey())
    .addColumn("status", "text")
    .addColumn("step", "text")
    .addColumn("status_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("candidate_statuses").execute();
  await db.schema.dropTable("occupop_events").execute();
}
