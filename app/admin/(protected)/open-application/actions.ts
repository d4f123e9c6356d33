"use server";

// HR's choice of the Occupop job the open application at /join sends CVs to (or none: no form).
import { revalidatePath } from "next/cache";
import { adminAction, formText } from "@/lib/admin/action";
import { getOpenJobs } from "@/lib/jobs";
import { setOpenApplicationJob } from "@/lib/open-application/settings";

export const setOpenApplicationAction = adminAction(async (_admin, formData) => {
  const uuid = formText(formData, "job", 100);
  if (uuid === "") {
    await setOpenApplicationJob(null);
    revalidatePath("/admin/open-application");
    return { ok: true, message: "The open application is off: /join shows no form." };
  }
  const job = (await getOpenJobs()).find((j) => j.uuid === uuid);
  if (!job) return { ok: false, message: "That job is not open in Occupop any more: choose another." };
  await setOpenApplicationJob(job.uuid);
  revalidatePath("/admin/open-application");
  return { ok: true, message: `Open applications at /join now go to "${job.title}" in Occupop.` };
});
