import type { Kysely } from "kysely";

// The language a job alert was signed up in: its emails and links are in that language.
// Alerts from before the site had languages were made in English.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("alert_subscriptions").addColumn("locale", "text", (c) => c.notNull().defaultTo("en")).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("alert_subscriptions").dropColumn("locale").execute();
}
