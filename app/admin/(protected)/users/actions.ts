"use server";

// Administrators: adding or removing one asks for the acting administrator's password.
import { revalidatePath } from "next/cache";
import { adminAction, formText, passwordMatches } from "@/lib/admin/action";
import { AdminUserError, createAdminUser, removeAdminUser } from "@/lib/admin/users";

const WRONG_PASSWORD = "Your password is not right, so nothing was changed.";

export const addUserAction = adminAction(async (admin, formData) => {
  if (!(await passwordMatches(admin, formData, "yourPassword"))) return { ok: false, message: WRONG_PASSWORD, fieldErrors: { yourPassword: "Not your password" } };
  try {
    const user = await createAdminUser(formText(formData, "email", 320), formText(formData, "password", 1024), admin.email);
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.email} can now log in.` };
  } catch (error) {
    if (error instanceof AdminUserError) return { ok: false, message: error.message };
    throw error;
  }
});

export const removeUserAction = adminAction(async (admin, formData) => {
  if (!(await passwordMatches(admin, formData, "yourPassword"))) return { ok: false, message: WRONG_PASSWORD, fieldErrors: { yourPassword: "Not your password" } };
  const email = formText(formData, "email", 320);
  if (email.trim().toLowerCase() === admin.email) return { ok: false, message: "You cannot remove yourself: ask another administrator." };
  try {
    await removeAdminUser(email, admin.id);
    revalidatePath("/admin/users");
    return { ok: true, message: `${email} can no longer log in, and is signed out everywhere.` };
  } catch (error) {
    if (error instanceof AdminUserError) return { ok: false, message: error.message };
    throw error;
  }
});
