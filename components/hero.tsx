import type { Branding } from "@/lib/branding";
import type { Locale } from "@/lib/i18n/locales";
import { words } from "@/lib/i18n/translator";

export async function Hero({ branding, openCount, locale }: { branding: Branding; openCount: number; locale: Locale }) {
  const t = words(locale, "hero");
  return (
    <section className="bg-brand text-brand-contrast" aria-labelledby="hero-heading">
      {/* Short on a phone, so the search box and the first jobs share the first screen with it. */}
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-5 sm:px-6 sm:py-12 md:grid-cols-[1fr_auto] md:items-center">
        <div>
          <h1 id="hero-heading" className="text-2xl font-bold tracking-tight sm:text-4xl">
            {branding.heroHeadline}
          </h1>
          <p className="mt-2 max-w-2xl leading-snug opacity-95 sm:mt-3 sm:text-lg sm:leading-normal">{branding.heroIntro}</p>
          <p className="mt-5 hidden items-center sm:inline-flex gap-2 rounded-full bg-white/15 px-4 py-1.5 text-sm font-semibold">
            {t("openCount", { count: openCount })}
          </p>
        </div>
        {branding.heroImageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a content-hashed image from our own store
          <img src={branding.heroImageUrl} alt="" className="hidden max-h-56 w-auto rounded-lg object-cover md:block" />
        ) : null}
      </div>
    </section>
  );
}
