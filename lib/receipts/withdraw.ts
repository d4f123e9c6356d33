// Withdrawing from the status page. Before delivery the application is cancelled: its row and
// resume are deleted, so nothing reaches the hiring team. After delivery Occupop has the
// candidate and documents no way to delete one, so the receipt is marked withdrawn and the
// hiring team is told: on the admin's applications page, and by email to every administrator
// when mail is set up. An application being delivered at this very moment (its lease held) is
// waited for, then withdrawn whichever way it went.
import "server-only";
import { asServer, authorizePrivateRead } from "@/lib/admin/access";
import { listAdminUsers } from "@/lib/admin/users";
import { whileDelivering } from "@/lib/applications/lease";
import { findById } from "@/lib/applications/outbox";
import { deleteResumeChunks } from "@/lib/applications/resume-store";
import { getBranding } from "@/lib/branding";
import { database } from "@/lib/db";
import { log } from "@/lib/log";
import { enqueueMail } from "@/lib/mail/outbox";
import { mailConfigured } from "@/lib/mail/transport";
import { kickMail } from "@/lib/mail/worker";
import { withdrawalEmail } from "./emails";
import type { ReceiptRecord } from "./store";

const logger = log("receipts");

export type WithdrawOutcome = "cancelled" | "withdrawn" | "already" | "busy";


/**
 * Deletes the application (and its resume) unless it reached Occupop or is being delivered
 * right now; true when it did. Conditional on the lease being free, as the delivery's claim is,
 * so the two never both win.
 */
async function cancelBeforeDelivery(receipt: ReceiptRecord, now: number): Promise<boolean> {
  const db = await database();
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom("applications")
      .where("id", "=", receipt.application_id)
      .where("status", "in", ["pending", "held", "failed", "discarded"])
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await deleteResumeChunks(trx, receipt.application_id);
    await trx.updateTable("application_receipts").set({ withdrawn_at: now, withdrawal: "cancelled" }).where("id", "=", receipt.id).execute();
    return true;
  });
}

export async function withdrawApplication(receipt: ReceiptRecord): Promise<WithdrawOutcome> {
  if (receipt.withdrawal) return "already";
  const outcome = await whileDelivering(async (now): Promise<WithdrawOutcome | undefined> => {
    if (await cancelBeforeDelivery(receipt, now)) {
      logger.info({ receipt: receipt.id, job: receipt.job_uuid }, "application withdrawn before delivery: cancelled");
      return "cancelled";
    }
    const application = await findById(receipt.application_id);
    const db = await database();
    const fresh = await db.selectFrom("application_receipts").selectAll().where("id", "=", receipt.id).executeTakeFirst();
    if (!fresh) return "already";
    if (fresh.withdrawal) return "already";
    // Delivered (its row may since be pruned): Occupop has it.
    if (fresh.sent_at !== null || application?.status === "delivered") return withdrawAfterDelivery(fresh, now);
    if (!application) {
      // Never delivered and already gone (HR deleted a repeat): nothing reached the hiring team.
      await db.updateTable("application_receipts").set({ withdrawn_at: now, withdrawal: "cancelled" }).where("id", "=", fresh.id).where("withdrawal", "is", null).execute();
      return "cancelled";
    }
    return undefined;
  });
  return outcome ?? "busy";
}

async function withdrawAfterDelivery(receipt: ReceiptRecord, now: number): Promise<WithdrawOutcome> {
  const db = await database();
  const branding = await getBranding();
  const admins = mailConfigured() ? await asServer("withdrawal notice", () => listAdminUsers()) : [];
  const marked = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("application_receipts")
      .set({ withdrawn_at: now, withdrawal: "withdrawn" })
      .where("id", "=", receipt.id)
      .where("withdrawal", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    for (const admin of admins) await enqueueMail(withdrawalEmail(admin.email, receipt, branding, now), trx, now);
    return true;
  });
  if (!marked) return "already";
  if (admins.length) void kickMail();
  logger.info({ receipt: receipt.id, job: receipt.job_uuid, told: admins.length }, "application withdrawn after delivery: the hiring team is told");
  return "withdrawn";
}

export type Withdrawn = { id: string; jobTitle: string; name: string; email: string; candidateUuid: string | null; sentAt: number | null; withdrawnAt: number };

/** For HR (/admin/applications): applications withdrawn after they reached Occupop, newest first. */
export async function listWithdrawn(limit = 100): Promise<Withdrawn[]> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db.selectFrom("application_receipts").selectAll().where("withdrawal", "=", "withdrawn").orderBy("withdrawn_at", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    jobTitle: r.job_title,
    name: `${r.first_name} ${r.last_name}`.trim(),
    email: r.email,
    candidateUuid: r.candidate_uuid,
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
    withdrawnAt: Number(r.withdrawn_at),
  }));
}
