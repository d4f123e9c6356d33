"use server";

// The admin area's server actions. Each one checks the session on the server first:
// called without a valid session (or with a forged or expired cookie), it changes nothing.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { completeSecondFactor, logIn } from "@/lib/admin/login";
import { verifyPassword } from "@/lib/admin/passwords";
import { currentAdmin, endSession } from "@/lib/admin/session";
import { beginSetup, confirmSetup, disableTwoFactor, replaceRecoveryCodes } from "@/lib/admin/two-factor";
import { AdminUserError, createAdminUser, findAdminByEmail } from "@/lib/admin/users";
import { discard, retryNow } from "@/lib/applications/outbox";
import type { BrandingFormState } from "@/lib/branding/editor";
import { saveLanguagesForm } from "@/lib/branding/languages";
import { resetToDefaults, restoreVersion, saveBrandingForm, versionIdSchema } from "@/lib/branding/save";
import { clientIp } from "@/lib/client-ip";
import { setAlertsSwitch } from "@/lib/alerts/switch";
import { createTrackingLink, deleteTrackingLink, isCode, TrackingLinkError } from "@/lib/insights/links";
import { getJobBySlug } from "@/lib/jobs";

export type ActionResult = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  /** The email a refused login was tried with, so the form keeps it (never the password). */
  email?: string;
  /** Recovery codes, shown once. */
  codes?: string[];
} | null;

const REFUSED = "Your session has ended, so nothing was changed. Log in again to continue.";

/** An action's arguments come from the network: a crafted call can send anything. */
const isForm = (value: unknown): value is FormData => value instanceof FormData;
const NOT_A_FORM: ActionResult = { ok: false, message: "That request did not come from this site's form, so nothing was changed." };

const text = (formData: FormData, name: string, max: number) => {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

export async function loginAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const email = text(formData, "email", 320);
  const password = text(formData, "password", 1024);
  if (!email.trim() || !password) return { ok: false, message: "Enter your email address and password.", email };
  const result = await logIn(email, password, await clientIp());
  if (!result.ok) return { ok: false, message: result.message, email };
  redirect(result.next);
}

export async function verifySecondFactorAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const code = text(formData, "code", 64).trim();
  if (!code) return { ok: false, message: "Enter the 6-digit code from your authenticator app, or a recovery code." };
  const result = await completeSecondFactor(code, await clientIp());
  if (!result.ok && result.expired) redirect("/admin/login?expired=1");
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/admin");
}

export async function beginTwoFactorAction(): Promise<void> {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  await beginSetup(admin.id, admin.email);
  redirect("/admin/security");
}

export async function confirmTwoFactorAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const codes = await confirmSetup(admin.id, admin.email, text(formData, "code", 16));
  if (!codes) return { ok: false, message: "That code is not right. Enter the 6-digit code your app shows now (codes change every 30 seconds)." };
  // No revalidation here: the page would re-render without this form, and the codes with it.
  return { ok: true, message: "Two-factor sign-in is on. Keep these recovery codes somewhere safe: each works once, and they are shown only now.", codes };
}

async function passwordOk(admin: { id: number; email: string }, formData: FormData): Promise<boolean> {
  const user = await findAdminByEmail(admin.email);
  return Boolean(user && (await verifyPassword(text(formData, "password", 1024), user.password_hash)));
}

export async function newRecoveryCodesAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  if (!(await passwordOk(admin, formData))) return { ok: false, message: "That password is not right, so nothing was changed." };
  const codes = await replaceRecoveryCodes(admin.id);
  return { ok: true, message: "Your old recovery codes no longer work. Keep these somewhere safe: each works once, and they are shown only now.", codes };
}

export async function disableTwoFactorAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  if (!(await passwordOk(admin, formData))) return { ok: false, message: "That password is not right, so two-factor sign-in stays on." };
  await disableTwoFactor(admin.id);
  revalidatePath("/admin/security");
  return { ok: true, message: "Two-factor sign-in is off. Your password alone now signs you in." };
}

export async function logoutAction(): Promise<void> {
  await endSession();
  redirect("/admin/login?signedOut=1");
}

export async function saveBrandingAction(prev: BrandingFormState, formData: FormData): Promise<BrandingFormState> {
  const baseVersion = prev && typeof prev === "object" && typeof prev.baseVersion === "number" ? prev.baseVersion : 0;
  if (!isForm(formData)) return { status: "error", message: "That request did not come from this site's form, so nothing was changed.", baseVersion };
  const admin = await currentAdmin();
  if (!admin) return { status: "refused", message: REFUSED, baseVersion };
  const state = await saveBrandingForm(formData, admin.email);
  // Every page shows the branding: show the change everywhere at once.
  if (state.status === "saved") revalidatePath("/", "layout");
  return state;
}

export async function restoreBrandingAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
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
  if (!isForm(formData)) return NOT_A_FORM;
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
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await retryNow(id.data))) return { ok: false, message: "That application is no longer waiting." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "Queued to be sent again now." };
}

export async function discardApplicationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  if (formData.get("confirm") !== "yes") return { ok: false, message: "Tick the box to confirm the application should be deleted." };
  const id = applicationIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await discard(id.data))) return { ok: false, message: "That application is no longer there." };
  revalidatePath("/admin/applications");
  return { ok: true, message: "The application and its resume were deleted." };
}

const jobUuidSchema = z.string().min(1).max(64);

export async function createTrackingLinkAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const uuid = jobUuidSchema.safeParse(formData.get("job"));
  const job = uuid.success ? await getJobBySlug(uuid.data).catch(() => null) : null;
  if (!job) return { ok: false, message: "That job is no longer listed, so no link was made." };
  try {
    const link = await createTrackingLink(job.uuid, text(formData, "channel", 200), admin.email);
    revalidatePath(`/admin/jobs/${job.uuid}`);
    return { ok: true, message: `Made /r/${link.code} for "${link.channel}".` };
  } catch (error) {
    if (error instanceof TrackingLinkError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function deleteTrackingLinkAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const code = text(formData, "code", 16);
  if (!isCode(code) || !(await deleteTrackingLink(code))) return { ok: false, message: "That link was already deleted." };
  const uuid = jobUuidSchema.safeParse(formData.get("job"));
  if (uuid.success) revalidatePath(`/admin/jobs/${uuid.data}`);
  return { ok: true, message: `/r/${code} no longer works.` };
}

export async function setAlertsAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const on = formData.get("on") === "true";
  await setAlertsSwitch(on);
  revalidatePath("/admin/alerts");
  return { ok: true, message: on ? "Job alerts are on: the sign-up form is back on the site." : "Job alerts are off: no sign-ups, no alert emails. Subscribers are kept." };
}

export async function saveLanguagesAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return NOT_A_FORM;
  const admin = await currentAdmin();
  if (!admin) return { ok: false, message: REFUSED };
  const result = await saveLanguagesForm(formData, admin.email);
  if (result.ok) revalidatePath("/admin/languages");
  return result;
}
