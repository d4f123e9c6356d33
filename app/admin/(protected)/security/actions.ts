"use server";

// "Your sign-in": password and two-factor. Every change asks for the current password and
// ends the administrator's other sessions (a stolen session cannot outlive a credential change).
import { revalidatePath } from "next/cache";
import { adminAction, formText, passwordMatches, type ActionResult } from "@/lib/admin/action";
import { endOtherSessions } from "@/lib/admin/session";
import { beginSetup, cancelSetup, confirmSetup, disableTwoFactor, replaceRecoveryCodes } from "@/lib/admin/two-factor";
import { AdminUserError, setPassword } from "@/lib/admin/users";

const WRONG_PASSWORD = "That password is not right, so nothing was changed.";

export const beginTwoFactorAction = adminAction(async (admin, formData) => {
  if (!(await passwordMatches(admin, formData))) return { ok: false, message: WRONG_PASSWORD };
  await beginSetup(admin.id, admin.email);
  revalidatePath("/admin/security");
  return { ok: true, message: "Scan the QR code with your authenticator app, then enter the code it shows." };
});

export const cancelTwoFactorSetupAction = adminAction(async (admin) => {
  await cancelSetup(admin.id);
  revalidatePath("/admin/security");
  return { ok: true, message: "Set-up cancelled. Nothing about your sign-in changed." };
});

export const confirmTwoFactorAction = adminAction(async (admin, formData) => {
  const codes = await confirmSetup(admin.id, admin.email, formText(formData, "code", 16));
  if (!codes) return { ok: false, message: "That code is not right. Enter the 6-digit code your app shows now (codes change every 30 seconds)." };
  await endOtherSessions(admin.id);
  // No revalidation here: the page would re-render without this form, and the codes with it.
  return { ok: true, message: "Two-factor sign-in is on. Keep these recovery codes somewhere safe: each works once, and they are shown only now.", codes };
});

export const newRecoveryCodesAction = adminAction(async (admin, formData) => {
  if (!(await passwordMatches(admin, formData))) return { ok: false, message: WRONG_PASSWORD };
  const codes = await replaceRecoveryCodes(admin.id);
  await endOtherSessions(admin.id);
  return { ok: true, message: "Your old recovery codes no longer work. Keep these somewhere safe: each works once, and they are shown only now.", codes };
});

export const disableTwoFactorAction = adminAction(async (admin, formData) => {
  if (!(await passwordMatches(admin, formData))) return { ok: false, message: "That password is not right, so two-factor sign-in stays on." };
  await disableTwoFactor(admin.id);
  await endOtherSessions(admin.id);
  revalidatePath("/admin/security");
  return { ok: true, message: "Two-factor sign-in is off. Your password alone now signs you in." };
});

export const changePasswordAction = adminAction(async (admin, formData): Promise<ActionResult> => {
  if (!(await passwordMatches(admin, formData, "current"))) return { ok: false, message: "Your current password is not right, so it was not changed.", fieldErrors: { current: "Not your current password" } };
  const next = formText(formData, "next", 1024);
  if (next !== formText(formData, "confirm", 1024)) return { ok: false, message: "The two new passwords differ, so nothing was changed.", fieldErrors: { confirm: "Type the same new password twice" } };
  try {
    await setPassword(admin.id, next);
  } catch (error) {
    if (error instanceof AdminUserError) return { ok: false, message: `${error.message}. Nothing was changed.`, fieldErrors: { next: error.message } };
    throw error;
  }
  const ended = await endOtherSessions(admin.id);
  return { ok: true, message: `Your password is changed.${ended ? ` ${ended} other ${ended === 1 ? "session was" : "sessions were"} signed out.` : ""}` };
});
