"use server";

// Branding: save (a new version), restore an older version, reset to the defaults. Every page
// shows the branding, so each change is shown everywhere at once.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction, adminStateAction } from "@/lib/admin/action";
import type { BrandingFormState } from "@/lib/branding/editor";
import { resetToDefaults, restoreVersion, saveBrandingForm, versionIdSchema } from "@/lib/branding/save";

const baseOf = (prev: BrandingFormState) => (prev && typeof prev === "object" && typeof prev.baseVersion === "number" ? prev.baseVersion : 0);

export const saveBrandingAction = adminStateAction<BrandingFormState>(
  (prev, { signedOut, message }) => ({ status: signedOut ? "refused" : "error", message, baseVersion: baseOf(prev) }),
  async (admin, formData) => {
    const state = await saveBrandingForm(formData, admin.email);
    if (state.status === "saved") revalidatePath("/", "layout");
    return state;
  },
);

export const restoreBrandingAction = adminAction(async (admin, formData) => {
  const id = versionIdSchema.safeParse(formData.get("version"));
  if (!id.success) return { ok: false, message: "Choose a version to restore." };
  const result = await restoreVersion(id.data, admin.email);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/admin/branding?restored=${result.version}&from=${id.data}`);
});

export const resetBrandingAction = adminAction(async (admin) => {
  const result = await resetToDefaults(admin.email);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/admin/branding?restored=${result.version}&from=defaults`);
});
