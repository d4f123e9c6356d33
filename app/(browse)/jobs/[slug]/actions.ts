"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitApplication, TOKEN_FIELD } from "@/lib/applications/submit";
import type { ApplyState } from "@/lib/applications/schema";
import { clientIp } from "@/lib/client-ip";
import { log } from "@/lib/log";

/** The application form's server action: (prevState, formData) → state, or a redirect. */
export async function applyAction(given: ApplyState, formData: FormData): Promise<ApplyState> {
  // The arguments come from the network: a crafted call can send anything.
  const prev: ApplyState = given && typeof given === "object" && typeof given.formToken === "string" ? given : { status: "idle", formToken: "" };
  if (!(formData instanceof FormData)) {
    return { status: "error", message: "That request did not come from the application form, so nothing was sent.", formToken: prev.formToken };
  }
  const ip = await clientIp();
  let result: Awaited<ReturnType<typeof submitApplication>>;
  try {
    result = await submitApplication(prev, formData, ip);
  } catch (error) {
    log("applications").error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "application could not be stored");
    return {
      status: "error",
      message: "We could not save your application just now, so it has not been sent. Everything you typed is still here: please press Submit application again in a minute.",
      formToken: String(formData.get(TOKEN_FIELD) ?? prev.formToken),
      values: Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string")),
      resumeNeedsReselect: true,
    };
  }
  if ("redirectTo" in result) {
    // The page's script navigates itself (sturdier than the router applying an action's
    // redirect); a form posted without JavaScript gets a real 303.
    if ((await headers()).has("next-action")) return { status: "sent", formToken: String(formData.get(TOKEN_FIELD) ?? ""), redirectTo: result.redirectTo };
    redirect(result.redirectTo);
  }
  return result.state;
}
