"use server";

// Applications on their way to Occupop: send a failed or held one again now, or delete one.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/admin/action";
import { discard, releaseHeld, retryNow } from "@/lib/applications/outbox";

const applicationIdSchema = z.uuid();

export const retryApplicationAction = adminAction(async (_admin, formData) => {
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await retryNow(id.data))) return { ok: false, message: "That application is no longer waiting." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "Queued to be sent again now." };
});

export const sendHeldApplicationAction = adminAction(async (_admin, formData) => {
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await releaseHeld(id.data))) return { ok: false, message: "That application is no longer held." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "Queued to be sent to Occupop now." };
});

export const discardApplicationAction = adminAction(async (_admin, formData) => {
  if (formData.get("confirm") !== "yes") return { ok: false, message: "Tick the box to confirm the application should be deleted." };
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await discard(id.data))) return { ok: false, message: "That application is no longer there." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "The application and its resume were deleted." };
});
