// next-intl's request configuration (wired up by the plugin in next.config.ts): the catalog of
// the language the page asked for. Pages name their language with setRequestLocale
// (./server.ts), so the cached public pages stay static.
import { getRequestConfig } from "next-intl/server";
import { isLocale } from "./locales";
import { catalogs } from "./catalogs";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : "en";
  return { locale, messages: catalogs[locale], timeZone: "UTC" };
});
