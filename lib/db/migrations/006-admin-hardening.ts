import type { Kysely } from "kysely";
import { autoId } from "../portable";

// Admin sign-in hardening:
// - admin_sessions.stage: "full", or "second-factor" while a password was right and a
//   one-time code is still owed; last_seen_at drives the idle timeout (expires_at stays the
//   absolute one).
// - admin_users: an optional TOTP secret, when it was turned on, and the last time step a code
//   was accepted for (a code is good once).
// - admin_recovery_codes: single-use codes for a lost authenticator, stored as sha256.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("admin_sessions").addColumn("stage", "text", (c) => c.notNull().defaultTo("full")).execute();
  await db.schema.alterTable("admin_sessions").addColumn("last_seen_at", "bigint").execute();
  await db.schema.alterTable("admin_users").addColumn("totp_secret", "text").execute();
  await db.schema.alterTable("admin_users").addColumn("totp_enabled_at", "bigint").execute();
  await db.schema.alterTable("admin_users").addColumn("totp_last_step", "bigint").execute();
  await db.schema
    .createTable("admin_recovery_codes")
    .addColumn("id", "integer", autoId(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("admin_users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("admin_recovery_codes").execute();
  for (const column of ["totp_last_step", "totp_enabled_at", "totp_secret"]) await db.schema.alterTable("admin_users").dropColumn(column).execute();
  for (const column of ["last_seen_at", "stage"]) await db.schema.alterTable("admin_sessions").dropColumn(column).execute();
}
