"use server";

// HR's switch for job alerts, for every replica at once.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { setAlertsSwitch } from "@/lib/alerts/switch";

export const setAlertsAction = adminAction(async (_admin, formData) => {
  const on = formData.get("on") === "true";
  await setAlertsSwitch(on);
  revalidatePath("/admin/alerts");
  return { ok: true, message: on ? "Job alerts are on: the sign-up form is back on the site." : "Job alerts are off: no sign-ups, no alert emails. Subscribers are kept." };
});
