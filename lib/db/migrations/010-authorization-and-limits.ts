import { sql, type Kysely } from "kysely";

// Hardening after an attacker's afternoon:
// - admin_users.totp_pending_secret: a new authenticator being set up, kept apart from the one
//   in force, so beginning (or replacing) two-factor never turns it off on the way.
// - login_throttle: failed-sign-in counters with growing delays, claimed atomically before a
//   password hash runs (per address, per account and address, per trusted device).
// - applications.duplicate_of: a second application to the same job with the same email is
//   kept (held for HR), pointing at the earlier one, never dropped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("admin_users").addColumn("totp_pending_secret", "text").execute();
  // A setup begun before this version kept its secret where the one in force lives.
  await sql`update admin_users set totp_pending_secret = totp_secret, totp_secret = null where totp_enabled_at is null and totp_secret is not null`.execute(db);
  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("next_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("applications").addColumn("duplicate_of", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("duplicate_of").execute();
  await db.schema.dropTable("login_throttle").execute();
  await db.schema.alterTable("admin_users").dropColumn("totp_pending_secret").execute();
}
