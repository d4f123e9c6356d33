// Translations outside a React render (emails, the 503 page, feeds, the server action's
// messages): next-intl's own translator over the same catalogs, so one set of words serves all.
import { createTranslator } from "next-intl";
import { catalogs } from "./catalogs";
import type { Locale } from "./locales";

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], timeZone: "UTC" });
}

export type Translator = ReturnType<typeof translator>;
