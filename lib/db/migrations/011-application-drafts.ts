import type { Kysely } from "kysely";

// "Finish later": an application not yet sent, kept on the server for the private link emailed
// to the applicant (lib/applications/drafts.ts). Found by the SHA-256 of the link's token (the
// token itself is never stored); deleted on submit, on expiry (30 days), or when replaced.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("application_drafts")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("job_slug", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("application_drafts_expiry").on("application_drafts").column("expires_at").execute();
  await db.schema.createIndex("application_drafts_owner").on("application_drafts").columns(["email", "job_uuid"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("application_drafts").execute();
}
