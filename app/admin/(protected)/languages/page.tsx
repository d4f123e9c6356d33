import { requireAdmin } from "@/lib/admin/access";
import type { Metadata } from "next";
import { saveLanguagesAction } from "./actions";
import { ActionForm } from "@/components/admin/action-form";
import { translationField } from "@/lib/branding/languages";
import { DEFAULT_STORED_BRANDING } from "@/lib/branding/schema";
import { currentVersion } from "@/lib/branding/store";
import { catalogs } from "@/lib/i18n/catalogs";
import { LOCALE_NAMES, LOCALES, localizedPath } from "@/lib/i18n/locales";

export const metadata: Metadata = { title: "Languages" };

const inputClass = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2";

// Which languages candidates can read the site in, the default, and the headline and
// introduction per language. The site's own words come from the catalogs (lib/i18n/messages);
// job descriptions stay as Occupop gives them.
export default async function LanguagesPage() {
  await requireAdmin();
  const current = await currentVersion();
  const data = current?.data ?? DEFAULT_STORED_BRANDING;
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Languages</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        The site&apos;s own words (the job list, filters, the application form and its errors, emails) are translated into each language on
        offer. Job titles and descriptions stay as they are in Occupop. The default language has the plain addresses (/jobs/…); the others
        have their own (/de/jobs/…), and a first visit from a browser set to one of them goes there.
      </p>
      <ActionForm action={saveLanguagesAction} submitLabel="Save languages" pendingLabel="Saving…" tone="primary" className="mt-6 space-y-8">
        <input type="hidden" name="baseVersion" value={current?.id ?? 0} />
        <fieldset>
          <legend className="text-lg font-semibold text-slate-900">Languages on offer</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {LOCALES.map((l) => (
              <label key={l} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="languages" value={l} defaultChecked={data.languages.includes(l)} className="h-5 w-5" />
                <span lang={l}>{LOCALE_NAMES[l]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="default-language" className="block text-lg font-semibold text-slate-900">
            Default language
          </label>
          <p id="default-language-hint" className="text-sm text-slate-700">
            For visitors whose browser asks for none of the others, and for search engines&apos; plain addresses. It must be on offer.
          </p>
          <select id="default-language" name="defaultLanguage" defaultValue={data.defaultLanguage} aria-describedby="default-language-hint" className={`${inputClass} max-w-xs`}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="text-lg font-semibold text-slate-900">Headline and introduction per language</legend>
          <p className="text-sm text-slate-700">
            Each language shows what you write for it here. Left blank, the default language shows the headline and introduction from the
            Branding page, and the others show the suggested words (the placeholder).
          </p>
          <div className="mt-3 grid gap-6 md:grid-cols-2">
            {LOCALES.map((l) => {
              const own = data.translations[l];
              const hero = catalogs[l].hero;
              return (
                <fieldset key={l} className="rounded-lg border border-slate-200 p-4" data-testid={`texts-${l}`}>
                  <legend className="px-1 font-semibold">
                    {LOCALE_NAMES[l]} <span className="font-normal text-slate-600">({localizedPath(l, data.defaultLanguage, "/")})</span>
                  </legend>
                  <label htmlFor={`headline-${l}`} className="mt-2 block font-medium">
                    Headline
                  </label>
                  <input
                    id={`headline-${l}`}
                    name={translationField(l, "heroHeadline")}
                    lang={l}
                    maxLength={120}
                    defaultValue={own?.heroHeadline ?? ""}
                    placeholder={hero.defaultHeadline}
                    className={inputClass}
                  />
                  <label htmlFor={`intro-${l}`} className="mt-3 block font-medium">
                    Introduction
                  </label>
                  <textarea
                    id={`intro-${l}`}
                    name={translationField(l, "heroIntro")}
                    lang={l}
                    maxLength={400}
                    rows={3}
                    defaultValue={own?.heroIntro ?? ""}
                    placeholder={hero.defaultIntro}
                    className={inputClass}
                  />
                </fieldset>
              );
            })}
          </div>
        </fieldset>
      </ActionForm>
    </main>
  );
}
