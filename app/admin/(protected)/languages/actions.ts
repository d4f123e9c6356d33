"use server";

// The languages on offer, the default, and the headline and introduction per language.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { saveLanguagesForm } from "@/lib/branding/languages";

export const saveLanguagesAction = adminAction(async (admin, formData) => {
  const result = await saveLanguagesForm(formData, admin.email);
  if (result.ok) revalidatePath("/admin/languages");
  return result;
});
