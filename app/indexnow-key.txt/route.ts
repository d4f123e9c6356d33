// IndexNow's proof that the key the site sends is its own (lib/search-engines/engines.ts): the
// key, as plain text, at the keyLocation each call names. A 404 while IndexNow is not configured.
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const key = env().INDEXNOW_KEY;
  if (!key) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(key, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
