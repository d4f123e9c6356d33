// The thank-you page shows the new application's private status link. The link must not ride in
// the thank-you page's own URL (it would sit in the history, and in any Referer the page sends),
// so the server action hands it over in a cookie scoped to that one page's path, readable by
// the server only, gone within the hour.
import "server-only";
import { env } from "@/lib/env";

export const RECEIPT_COOKIE = "careers_receipt";

export function receiptCookieOptions(path: string) {
  return { path, httpOnly: true, sameSite: "lax" as const, secure: env().SITE_URL.startsWith("https:"), maxAge: 3600 };
}
