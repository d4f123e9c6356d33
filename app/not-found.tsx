import { NotFoundContent } from "@/components/not-found-content";
import { SiteShell } from "@/components/site-shell";
import { brandingIn, getBranding } from "@/lib/branding";

// A path that is no page at all (nor a language's): the whole document, in the default language.
export default async function RootNotFound() {
  const stored = await getBranding();
  const locale = stored.languages.defaultLocale;
  return (
    <SiteShell branding={brandingIn(stored, locale)} locale={locale} prefix="">
      <NotFoundContent locale={locale} prefix="" />
    </SiteShell>
  );
}
