"use server";

// Signing in: the only admin actions that run without a session.
import { redirect } from "next/navigation";
import { formText, isForm, NOT_A_FORM, type ActionResult } from "@/lib/admin/action";
import { completeSecondFactor, logIn } from "@/lib/admin/login";
import { clientIp } from "@/lib/client-ip";

export async function loginAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return { ok: false, message: NOT_A_FORM };
  const email = formText(formData, "email", 320);
  const password = formText(formData, "password", 1024);
  if (!email.trim() || !password) return { ok: false, message: "Enter your email address and password.", email };
  const result = await logIn(email, password, await clientIp());
  if (!result.ok) return { ok: false, message: result.message, email };
  redirect(result.next);
}

export async function verifySecondFactorAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  if (!isForm(formData)) return { ok: false, message: NOT_A_FORM };
  const code = formText(formData, "code", 64).trim();
  if (!code) return { ok: false, message: "Enter the 6-digit code from your authenticator app, or a recovery code." };
  const result = await completeSecondFactor(code, await clientIp());
  if (!result.ok && result.expired) redirect("/admin/login?expired=1");
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/admin");
}
