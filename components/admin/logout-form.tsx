"use client";

import { usePathname } from "next/navigation";
import { useActionState } from "react";
import { logoutAction } from "@/app/admin/(protected)/actions";

/** The admin header's "Log out": a form that also works without JavaScript, posted to this page. */
export function LogoutForm({ email }: { email: string }) {
  const [, formAction] = useActionState(logoutAction, undefined, usePathname());
  return (
    <form action={formAction} className="flex items-center gap-3">
      <span className="text-sm text-slate-700">{email}</span>
      <button type="submit" className="min-h-11 rounded-md border border-slate-400 px-4 font-medium">
        Log out
      </button>
    </form>
  );
}
