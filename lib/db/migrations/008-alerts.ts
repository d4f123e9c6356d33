import type { Kysely } from "kysely";

// Job alerts and the mail they send.
// - alert_subscriptions: an email address and the filters it wants alerts for; "pending"
//   until the address confirms (deleted after 7 days if it never does).
// - alert_jobs_seen: when the site first saw each job open, so "new" means new to the site.
// - alert_sent: which jobs each subscription was sent, so none is sent twice.
// - mail_outbox: every email, stored before it is sent and retried like the application
//   outbox (a lease per row, so replicas never send one twice).
// - mail_suppressions: addresses whose mail server refused our mail for good.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("alert_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("filters", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("confirmed_at", "bigint")
    .addColumn("last_digest_at", "bigint")
    .addColumn("jobs_sent", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("alert_subscriptions_email").on("alert_subscriptions").column("email").execute();
  await db.schema.createIndex("alert_subscriptions_status").on("alert_subscriptions").columns(["status", "last_digest_at"]).execute();
  await db.schema
    .createTable("alert_jobs_seen")
    .addColumn("job_uuid", "text", (c) => c.primaryKey())
    .addColumn("first_seen_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("alert_sent")
    .addColumn("subscription_id", "text", (c) => c.notNull())
    .addColumn("job_uuid", "text", (c) => c.notNull())
    .addColumn("sent_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("alert_sent_pk", ["subscription_id", "job_uuid"])
    .execute();
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subscription_id", "text")
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("lease_owner", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .execute();
  await db.schema.createIndex("mail_outbox_due").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createTable("mail_suppressions")
    .addColumn("email", "text", (c) => c.primaryKey())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["mail_suppressions", "mail_outbox", "alert_sent", "alert_jobs_seen", "alert_subscriptions"]) await db.schema.dropTable(table).execute();
}
