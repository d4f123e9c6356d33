import type { Kysely } from "kysely";
import { binary } from "../portable";

// Resumable uploads (tus, lib/uploads): an upload's facts, and its bytes in rows of up to
// 1 MiB, in the database every replica shares, so any replica can continue an upload another
// began, and server memory stays flat whatever the file's size.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("uploads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("size", "bigint")
    .addColumn("offset", "bigint", (c) => c.notNull())
    .addColumn("metadata", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("upload_chunks")
    .addColumn("upload_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("data", binary(db), (c) => c.notNull())
    .addPrimaryKeyConstraint("upload_chunks_pk", ["upload_id", "seq"])
    .execute();
  await db.schema.createIndex("uploads_expiry").on("uploads").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("upload_chunks").execute();
  await db.schema.dropTable("uploads").execute();
}
