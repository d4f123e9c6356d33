"use server";

// The admin area's server actions. Each one checks the session on the server first:
// called without a valid session (or with a forged or expired cookie), it changes nothing.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { logIn } from "@/lib/admin/login";
import { currentAdmin, endSession } from "@/lib/admin/session";
import { AdminUserError, createAdminUser } from "@/lib/admin/users";
import { discard, retryNow } from "@/lib/applications/outbox";
import type { BrandingFormState } from "@/lib/branding/editor";
import { resetToDefaults, restoreVersion, saveBrandingForm, versionIdSchema } from "@/lib/branding/save";
import { clientIp } from "@/lib/client-ip";

export type ActionResult = { ok: boolean; message: string; fieldErrors?: Record<string, string> } | null;

const REFUSED = "Your session has ended, so nothing was changed. Log in again to continue.";

export async function loginAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  if (!email.trim() || !password) return { ok: false, message: "Enter your email address and password." };
  const result = await logIn(email, password, await clientIp());
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/admin");
}

export async function logoutAction(): Promise<void> {
  await endSession();
  redirect("/admin/login?signedOut=1");
}

export async function saveBrandingAction(prev: BrandingFormState, formData: FormData): Promise<BrandingFormState> {
  const admin = await currentAdmin();
  if (!admin) return { status: "refused", message: REFUSED, baseVersion: prev.baseVersion };
  const state = await saveBrandingForm(formData, admin.email);
  // Every page shows the branding: show the change everywhere at once.
  if (state.status === "saved") revalidatePath("/", "layout");
  return state;
}

export async function restoreBrandingAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const id = versionIdSchema.safeParse(formData.get("version"));
  if (!id.success) return { ok: false, message: "Choose a version to restore." };
  const result = await restoreVersion(id.data, admin.email);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/admin/branding?restored=${result.version}&from=${id.data}`);
}

export async function resetBrandingAction(): Promise<ActionResult> {
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const result = await resetToDefaults(admin.email);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/admin/branding?restored=${result.version}&from=defaults`);
}

const newUserSchema = z.object({ email: z.string(), password: z.string() });

export async function addUserAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const input = newUserSchema.parse({ email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") });
  try {
    const user = await createAdminUser(input.email, input.password, admin.email);
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} can now log in.` };
  } catch (error) {
    if (error instanceof AdminUserError) return { ok: false, message: error.message };
    throw error;
  }
}

const applicationIdSchema = z.uuid();

export async function retryApplicationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await retryNow(id.data))) return { ok: false, message: "That application is no longer waiting." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "Queued to be sent again now." };
}

export async function discardApplicationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  if (formData.get("confirm") !== "yes") return { ok: false, message: "Tick the box to confirm the application should be deleted." };
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await discard(id.data))) return { ok: false, message: "That application is no longer there." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "The application and its resume were deleted." };
}
