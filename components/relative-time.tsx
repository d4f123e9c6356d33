import { longDate, relativeDate } from "@/lib/jobs/format";

/** "3 days ago", with the exact date in the <time> element. */
export function RelativeTime({ iso, prefix }: { iso: string; prefix?: string }) {
  return (
    <time dateTime={iso} title={longDate(iso)}>
      {prefix}
      {relativeDate(iso)}
    </time>
  );
}
