import { longDate, relativeDate } from "@/lib/jobs/format";
import type { Locale } from "@/lib/i18n/locales";

/** "3 days ago", with the exact date in the <time> element (in the page's language). */
export function RelativeTime({ iso, locale, format }: { iso: string; locale: Locale; format?: (when: string) => string }) {
  const when = relativeDate(iso, undefined, locale);
  return (
    <time dateTime={iso} title={longDate(iso, locale)}>
      {format ? format(when) : when}
    </time>
  );
}
