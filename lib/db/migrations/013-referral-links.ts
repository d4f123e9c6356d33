import type { Kysely } from "kysely";

// A tracking link may carry a referrer's name (an employee recommending the job): an
// application through it names them in Occupop's source, and insights count it apart.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("tracking_links").addColumn("referrer", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("tracking_links").dropColumn("referrer").execute();
}
