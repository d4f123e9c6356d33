import type { Kysely } from "kysely";
import { autoId, binary } from "../portable";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("admin_users")
    .addColumn("id", "integer", autoId(db))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("created_by", "text")
    .execute();

  await db.schema
    .createTable("admin_sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("admin_users.id").onDelete("cascade"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("branding_versions")
    .addColumn("id", "integer", autoId(db))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .execute();

  await db.schema
    .createTable("images")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("bytes", binary(db), (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["images", "branding_versions", "admin_sessions", "admin_users"]) await db.schema.dropTable(table).execute();
}
