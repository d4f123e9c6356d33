import { sql, type Kysely } from "kysely";
import { binary, isPostgres } from "../portable";

// What several replicas must share instead of keeping on their own disk or in their own memory:
// - resume_chunks: the bytes of resumes waiting for delivery (1 MiB rows), so any replica can
//   deliver any application; deleted with their application, or once it is delivered.
// - job_snapshot: the last job list fetched from Occupop, so a refresh on one replica (or a
//   webhook) reaches the others without each asking Occupop again.
// - applications.lease_owner: which server holds a delivery lease, so only it reschedules.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("lease_owner", "text").execute();

  await db.schema
    .createTable("resume_chunks")
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("bytes", binary(db), (c) => c.notNull())
    .addPrimaryKeyConstraint("resume_chunks_pk", ["application_id", "seq"])
    .execute();
  if (isPostgres(db)) {
    // Resumes are PDFs and Word files, compressed already: storing them uncompressed saves
    // the CPU of trying.
    await sql`alter table resume_chunks alter column bytes set storage external`.execute(db);
  }

  await db.schema
    .createTable("job_snapshot")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("fetched_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("job_snapshot").execute();
  await db.schema.dropTable("resume_chunks").execute();
  await db.schema.alterTable("applications").dropColumn("lease_owner").execute();
}
