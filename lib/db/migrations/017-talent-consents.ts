import type { Kysely } from "kysely";

// The open application's talent-database consent (lib/open-application): who agreed to be kept
// for future jobs, until when, and whether the renewal email went. Its renewal link is found by
// the SHA-256 of its token. A lapsed or withdrawn consent is kept (without the token) for HR to
// act on in Occupop, then deleted with the erasure of the address or 90 days after it ended.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("talent_consents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("application_id", "text", (c) => c.notNull())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("consented_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("renewal_sent_at", "bigint")
    .addColumn("ended_at", "bigint")
    .addColumn("ended", "text")
    .execute();
  await db.schema.createIndex("talent_consents_email").on("talent_consents").column("email").execute();
  await db.schema.createIndex("talent_consents_expiry").on("talent_consents").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("talent_consents").execute();
}
