import type { Kysely } from "kysely";

// Why an application failed: "rejected" (Occupop refused the data), "closed" (the job is
// gone or closed), "auth" (the token was refused: retried by itself once the token works) or
// "unreachable" (Occupop did not answer for OUTBOX_GIVE_UP_HOURS).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("failure_kind", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("applications").dropColumn("failure_kind").execute();
}
