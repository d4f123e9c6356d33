// Translations outside a React render (emails, the 503 page, feeds, the server action's
// messages, job facts): next-intl's own translator over the same catalogs, so one set of words
// serves all. One per language for the life of the process: it keeps each message parsed.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { catalogs, type Messages } from "./catalogs";
import type { Locale } from "./locales";

const make = (locale: Locale) => createTranslator({ locale, messages: catalogs[locale], timeZone: "UTC" });

export type Translator = ReturnType<typeof make>;

const made = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  let t = made.get(locale);
  if (!t) {
    t = make(locale);
    made.set(locale, t);
  }
  return t;
}

const scoped = new Map<string, unknown>();

/**
 * The words of one namespace ("apply", "job", …) in one language, for server components and
 * pages. Like next-intl's getTranslations, but kept for the life of the process rather than a
 * request, so a page rendered per request (a filtered listing) does not parse its messages again.
 */
export function words<const N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  type Scoped = ReturnType<typeof createTranslator<Messages, N>>;
  const key = `${locale} ${namespace}`;
  let t = scoped.get(key) as Scoped | undefined;
  if (!t) {
    t = createTranslator({ locale, messages: catalogs[locale], namespace, timeZone: "UTC" });
    scoped.set(key, t);
  }
  return t;
}
