"use server";

// A job's tracking links: one per channel (a referral link: one per referrer), made and deleted by HR.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, formText } from "@/lib/admin/action";
import { createTrackingLink, deleteTrackingLink, isCode, TrackingLinkError } from "@/lib/insights/links";
import { getJobBySlug } from "@/lib/jobs";

const jobUuidSchema = z.string().min(1).max(64);

export const createTrackingLinkAction = adminAction(async (admin, formData) => {
  const uuid = jobUuidSchema.safeParse(formData.get("job"));
  const job = uuid.success ? await getJobBySlug(uuid.data).catch(() => null) : null;
  if (!job) return { ok: false, message: "That job is no longer listed, so no link was made." };
  try {
    const link = await createTrackingLink(job.uuid, formText(formData, "channel", 200), admin.email, formText(formData, "referrer", 200));
    revalidatePath(`/admin/jobs/${job.uuid}`);
    return { ok: true, message: `Made /r/${link.code} for "${link.channel}"${link.referrer ? `, referring as ${link.referrer}` : ""}.` };
  } catch (error) {
    if (error instanceof TrackingLinkError) return { ok: false, message: error.message };
    throw error;
  }
});

export const deleteTrackingLinkAction = adminAction(async (_admin, formData) => {
  const code = formText(formData, "code", 16);
  if (!isCode(code) || !(await deleteTrackingLink(code))) return { ok: false, message: "That link was already deleted." };
  const uuid = jobUuidSchema.safeParse(formData.get("job"));
  if (uuid.success) revalidatePath(`/admin/jobs/${uuid.data}`);
  return { ok: true, message: `/r/${code} no longer works.` };
});
