"use client";

import { useSyncExternalStore } from "react";
import { localeCookie, samePageIn, type Locale } from "@/lib/i18n/locales";

type Props = {
  current: Locale;
  defaultLocale: Locale;
  languages: Array<{ locale: Locale; name: string; home: string }>;
  label: string;
};

/**
 * Links to this page in the other languages on offer. The header is the same for every page of
 * a language (it is in the layout, and cached), so it is rendered with links to each language's
 * listing, and once in the browser each link points at this very page in that language.
 * Choosing one remembers it (the cookie the first-visit redirect reads). Before the runtime is
 * in, public/boot.js (lib/on-demand/boot.ts) does both from the data-default-locale below.
 */
const noChanges = () => () => {};
const location = () => `${window.location.pathname}${window.location.search}`;

function remember(locale: Locale): void {
  document.cookie = localeCookie(locale);
}

export function LanguageSwitcher({ current, defaultLocale, languages, label }: Props) {
  // null on the server and while hydrating (the cached HTML's links), then this page's address.
  const address = useSyncExternalStore(noChanges, location, () => null);
  if (languages.length < 2) return null;
  const [pathname = "/", query] = address?.split("?") ?? [];
  const links = (className: string) =>
    languages.map(({ locale, name, home }) => (
      <li key={locale}>
        <a
          href={address ? samePageIn(locale, defaultLocale, pathname, query === undefined ? "" : `?${query}`) : home}
          hrefLang={locale}
          lang={locale}
          aria-current={locale === current ? "true" : undefined}
          onClick={() => remember(locale)}
          className={`${className} min-h-11 items-center rounded text-sm font-medium text-slate-800 underline-offset-4 hover:underline aria-[current=true]:font-bold aria-[current=true]:text-brand aria-[current=true]:underline`}
        >
          {name}
        </a>
      </li>
    ));
  const currentName = languages.find((l) => l.locale === current)?.name ?? current;
  return (
    <nav aria-label={label} data-default-locale={defaultLocale}>
      {/* A phone: one control that opens the list (a disclosure, no script needed). */}
      <details className="relative sm:hidden">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded px-2 text-sm font-medium text-slate-800 [&::-webkit-details-marker]:hidden">
          <span className="sr-only">{label}: </span>
          {currentName}
          <span aria-hidden="true" className="text-xs">
            ▾
          </span>
        </summary>
        <ul className="absolute right-0 z-30 mt-1 min-w-40 rounded-md border border-slate-200 bg-white py-1 shadow-lg">{links("flex w-full px-4")}</ul>
      </details>
      {/* Wider screens: the languages side by side. */}
      <ul className="hidden flex-wrap gap-1 sm:flex">{links("inline-flex px-2")}</ul>
    </nav>
  );
}
