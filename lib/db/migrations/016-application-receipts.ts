import type { Kysely } from "kysely";

// After applying (lib/receipts): each application's receipt, reached by the candidate's private
// status link (found by the SHA-256 of its token; the token itself is never stored). It outlives
// the application row, which is deleted some days after delivery, so the status page keeps
// working: what the candidate sees, who they are (for the hiring team when they withdraw, and
// for their own export), and which Occupop candidate it became. Deleted when it expires or the
// candidate erases it. `erasures` records that an erasure happened, and how many rows of each
// kind went, never whose.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("application_receipts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("application_id", "text", (c) => c.notNull())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("job_slug", "text", (c) => c.notNull())
    .addColumn("job_title", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("candidate_uuid", "text")
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .addColumn("withdrawn_at", "bigint")
    .addColumn("withdrawal", "text")
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("application_receipts_application").on("application_receipts").column("application_id").execute();
  await db.schema.createIndex("application_receipts_email").on("application_receipts").column("email").execute();
  await db.schema.createIndex("application_receipts_expiry").on("application_receipts").column("expires_at").execute();
  await db.schema
    .createTable("erasures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("counts", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("erasures").execute();
  await db.schema.dropTable("application_receipts").execute();
}
