"use server";

import { redirect } from "next/navigation";
import { endSession } from "@/lib/admin/session";

// The layout's "Log out": ends this session whatever state it is in.
export async function logoutAction(): Promise<void> {
  await endSession();
  redirect("/admin/login?signedOut=1");
}
