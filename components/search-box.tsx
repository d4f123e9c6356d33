import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

export async function SearchBox({ locale, prefix }: { locale: Locale; prefix: string }) {
  const t = words(locale, "filters");
  return (
    <form action={prefix || "/"} method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1 text-left">
        <label htmlFor="search-q" className="block text-sm font-medium text-slate-800">
          {t("searchLabel")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          maxLength={100}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand px-5 font-semibold text-brand-contrast">
        {t("search")}
      </button>
    </form>
  );
}
