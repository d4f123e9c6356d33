// A first visit in the visitor's language. The front door (lib/site/front-door.ts) asks this
// before Next.js runs: a GET of an unprefixed public page, from a browser that has no language cookie
// yet and prefers (Accept-Language) another language on offer, is sent to that language's URL
// once (307), and the cookie is set so it never happens again. The pages themselves stay the
// same bytes for everyone, so the page cache is untouched; a prefixed URL, a visitor with the
// cookie, a crawler without Accept-Language, or a default-language browser go straight through.
// No loop is possible: only unprefixed URLs are redirected, and the redirect sets the cookie.
import "server-only";
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import type { PlainAnswer } from "@/lib/front/hooks";
import { routeOf } from "@/lib/routes";
import { LOCALE_COOKIE, localeCookie, localizedPath, splitLocale } from "./locales";
import { offeredLanguages } from "./offered";

export type EntryRequest = { pathname: string; search: string; headers: Record<string, string | string[] | undefined> };
export type EntryAnswer = PlainAnswer;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function languageEntry({ pathname, search, headers }: EntryRequest): EntryAnswer | null {
  const languages = offeredLanguages();
  if (!languages || languages.offered.length < 2) return null;
  // Only unprefixed pages the route table marks for it (lib/routes.ts).
  if (splitLocale(pathname).locale || !routeOf(pathname)?.firstVisit) return null;
  if (headers["next-action"] || headers["next-router-prefetch"] || headers["rsc"] || first(headers["sec-purpose"]).includes("prefetch")) return null;
  if (new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=`).test(first(headers.cookie))) return null;
  const requested = new Negotiator({ headers: { "accept-language": first(headers["accept-language"]) } }).languages();
  if (!first(headers["accept-language"]) || requested.length === 0 || requested[0] === "*") return null;
  let chosen: string;
  try {
    chosen = match(requested, languages.offered, languages.defaultLocale, { algorithm: "best fit" });
  } catch {
    return null;
  }
  const locale = languages.offered.find((l) => l === chosen);
  if (!locale || locale === languages.defaultLocale) return null;
  const location = `${localizedPath(locale, languages.defaultLocale, pathname)}${search}`;
  return {
    status: 307,
    headers: {
      Location: location,
      "Set-Cookie": localeCookie(locale),
      "Cache-Control": "private, no-store",
      Vary: "Accept-Language, Cookie",
      "Content-Type": "text/plain; charset=utf-8",
    },
    body: `${location}\n`,
  };
}


