// HR's choice of languages (/admin/languages): which are on offer, the default (the one with
// unprefixed URLs), and the headline and introduction written per language. Saved as a new
// branding version like any other change, so it has history, a stale-save check, and reaches
// every server (lib/sync) and every cached page.
import "server-only";
import { LOCALES } from "@/lib/i18n/locales";
import { DEFAULT_STORED_BRANDING, languageFieldsSchema } from "./schema";
import { saveAndPublish } from "./save";
import { currentVersion } from "./store";

export type LanguagesFormResult = { ok: boolean; message: string; fieldErrors?: Record<string, string> };

export const translationField = (locale: string, part: "heroHeadline" | "heroIntro") => `translations.${locale}.${part}`;

export async function saveLanguagesForm(formData: FormData, by: string): Promise<LanguagesFormResult> {
  const baseVersion = Number(formData.get("baseVersion") ?? NaN);
  if (!Number.isInteger(baseVersion) || baseVersion < 0) return { ok: false, message: "The form is missing its version. Reload the page." };
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const parsed = languageFieldsSchema.safeParse({
    languages: formData.getAll("languages").filter((v): v is string => typeof v === "string"),
    defaultLanguage: text("defaultLanguage"),
    translations: Object.fromEntries(
      LOCALES.map((l) => [l, { heroHeadline: text(translationField(l, "heroHeadline")), heroIntro: text(translationField(l, "heroIntro")) }]),
    ),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [first, locale, part] = issue.path;
      const name = first === "translations" && typeof locale === "string" && (part === "heroHeadline" || part === "heroIntro") ? translationField(locale, part) : String(first);
      fieldErrors[name] ??= issue.message;
    }
    return { ok: false, message: `Nothing was saved: ${Object.values(fieldErrors).join(" ")}`, fieldErrors };
  }
  // Blank texts are not kept: a language without its own words shows the catalog's.
  const translations = Object.fromEntries(Object.entries(parsed.data.translations).filter(([, t]) => t && (t.heroHeadline || t.heroIntro)));
  const current = await currentVersion();
  const base = current?.data ?? DEFAULT_STORED_BRANDING;
  const result = await saveAndPublish({ ...base, ...parsed.data, translations }, baseVersion, by, "Languages");
  if (!result.ok) {
    return { ok: false, message: `Someone else saved the branding (version ${result.current}) after you opened this page, so nothing was saved. Reload the page and make your changes again.` };
  }
  return { ok: true, message: `Saved as version ${result.version.id}. The public site shows it now.` };
}
