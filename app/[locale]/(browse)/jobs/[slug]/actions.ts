"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { saveForLater } from "@/lib/applications/drafts";
import { INTENT_FIELD, LATER_INTENT } from "@/lib/applications/schema";
import { submitApplication, TOKEN_FIELD, type FormLanguage } from "@/lib/applications/submit";
import { getBranding } from "@/lib/branding";
import { ALL_LANGUAGES, localePrefix, offeredLocale } from "@/lib/i18n/locales";
import { offeredLanguages } from "@/lib/i18n/offered";
import { translator } from "@/lib/i18n/translator";
import type { ApplyState } from "@/lib/applications/schema";
import { clientIp } from "@/lib/client-ip";
import { log } from "@/lib/log";
import { RECEIPT_COOKIE, receiptCookieOptions } from "@/lib/receipts/cookie";

/** The application form's server action: (prevState, formData) → state, or a redirect. */
export async function applyAction(given: ApplyState, formData: FormData): Promise<ApplyState> {
  // The arguments come from the network: a crafted call can send anything.
  const prev: ApplyState = given && typeof given === "object" && typeof given.formToken === "string" ? given : { status: "idle", formToken: "" };
  if (!(formData instanceof FormData)) {
    return { status: "error", message: translator("en")("apply.status.notAForm"), formToken: prev.formToken };
  }
  const language = await formLanguage(formData);
  const t = translator(language.locale);
  const ip = await clientIp();
  // What was typed, for a form rendered again without JavaScript (only when something went wrong).
  const typed = () => Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  // The second button: keep it to finish later (the rest of the form may be unfinished).
  if (formData.get(INTENT_FIELD) === LATER_INTENT) {
    const values = typed();
    const resume = formData.get("resume");
    const resumeNeedsReselect = resume instanceof File && resume.size > 0;
    try {
      return await saveForLater({ formToken: String(formData.get(TOKEN_FIELD) ?? prev.formToken), values, resumeNeedsReselect }, formData, ip, language);
    } catch (error) {
      log("applications").error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "draft could not be saved");
      return { status: "error", message: t("apply.later.failed"), formToken: String(formData.get(TOKEN_FIELD) ?? prev.formToken), values, resumeNeedsReselect };
    }
  }
  let result: Awaited<ReturnType<typeof submitApplication>>;
  try {
    result = await submitApplication(prev, formData, ip, language);
  } catch (error) {
    log("applications").error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "application could not be stored");
    return {
      status: "error",
      message: t("apply.status.saveFailed"),
      formToken: String(formData.get(TOKEN_FIELD) ?? prev.formToken),
      values: typed(),
      resumeNeedsReselect: true,
    };
  }
  if ("redirectTo" in result) {
    // The private status link, for the thank-you page only: a cookie there, never in a URL.
    if (result.receiptToken) (await cookies()).set(RECEIPT_COOKIE, result.receiptToken, receiptCookieOptions(result.redirectTo.split("?")[0]!));
    // The page's script navigates itself (sturdier than the router applying an action's
    // redirect); a form posted without JavaScript gets a real 303.
    if ((await headers()).has("next-action")) return { status: "sent", formToken: String(formData.get(TOKEN_FIELD) ?? ""), redirectTo: result.redirectTo };
    redirect(result.redirectTo);
  }
  return result.state;
}

/**
 * The language the form was shown in (its hidden "locale" field), if the site offers it. Read
 * before anything can fail, so it must not fail itself: with the database away, the languages
 * this server last read.
 */
async function formLanguage(formData: FormData): Promise<FormLanguage> {
  const languages = await getBranding().then(
    (b) => b.languages,
    () => offeredLanguages() ?? ALL_LANGUAGES,
  );
  const locale = offeredLocale(languages, formData.get("locale")) ?? languages.defaultLocale;
  return { locale, prefix: localePrefix(locale, languages.defaultLocale) };
}
