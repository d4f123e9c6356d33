import type { Kysely } from "kysely";

// Rate limits become a sliding window: the count of the window before the current one is
// kept, so hits just before and just after a window boundary still count together.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("rate_limits").addColumn("previous_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("rate_limits").dropColumn("previous_count").execute();
}
