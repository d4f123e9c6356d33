import type { Metadata } from "next";
import { adminTime } from "@/components/admin/when";
import { requireAdmin } from "@/lib/admin/access";
import { env } from "@/lib/env";
import { configuredEngines, INDEXNOW_KEY_PATH } from "@/lib/search-engines/engines";
import { quotaUsedToday, recentNotifications, type SearchNotification } from "@/lib/search-engines/queue";

export const metadata: Metadata = { title: "Search engines" };

const ENGINE = { google: "Google", indexnow: "IndexNow" } as const;

function outcome(n: SearchNotification): { label: string; detail: string; tone: string } {
  if (n.status === "sent") return { label: "Sent", detail: `${n.sent_at ? adminTime(Number(n.sent_at)) : ""} · HTTP ${n.http_status ?? "?"}`, tone: "text-green-800" };
  if (n.status === "failed") return { label: "Failed", detail: n.last_error ?? "", tone: "text-red-800" };
  return {
    label: n.attempts || n.last_error ? "Waiting to try again" : "Waiting",
    detail: `${n.last_error ? `${n.last_error} · ` : ""}next try ${adminTime(Math.max(Date.now(), Number(n.next_attempt_at)))}`,
    tone: "text-amber-800",
  };
}

export default async function SearchEnginesPage() {
  await requireAdmin();
  const config = env();
  const engines = configuredEngines();
  const [notifications, googleUsed] = await Promise.all([recentNotifications(30), engines.includes("google") ? quotaUsedToday("google") : Promise.resolve(0)]);
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Search engines</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        When a job is posted, changed, closed or removed in Occupop, the site tells the search engines configured here within seconds of learning of it, in every
        language on offer, so they update or drop the job page without waiting to crawl the sitemap.
      </p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2" data-testid="search-engines">
        <li className="rounded-lg border border-slate-200 p-4">
          <h2 className="text-lg font-semibold">Google Indexing API {engines.includes("google") ? "is on" : "is off"}</h2>
          {config.GOOGLE_INDEXING_CREDENTIALS ? (
            <p className="mt-1 text-slate-700" data-testid="google-quota">
              As {config.GOOGLE_INDEXING_CREDENTIALS.client_email}. {googleUsed} of {config.GOOGLE_INDEXING_DAILY_QUOTA} calls spent today (Google&apos;s day starts at
              midnight Pacific time); each change costs one call per language. Past the quota, changes wait for the next day.
            </p>
          ) : (
            <p className="mt-1 text-slate-700">
              Set <code>GOOGLE_INDEXING_CREDENTIALS</code> to a service account&apos;s JSON key, and add that account as an owner of the site in Search Console.
            </p>
          )}
        </li>
        <li className="rounded-lg border border-slate-200 p-4">
          <h2 className="text-lg font-semibold">IndexNow {engines.includes("indexnow") ? "is on" : "is off"}</h2>
          {config.INDEXNOW_KEY ? (
            <p className="mt-1 text-slate-700">
              Bing, Yandex, Seznam, Naver and the others that take IndexNow share what one of them is told. The key is served at{" "}
              <a className="underline" href={INDEXNOW_KEY_PATH}>
                {INDEXNOW_KEY_PATH}
              </a>
              .
            </p>
          ) : (
            <p className="mt-1 text-slate-700">
              Set <code>INDEXNOW_KEY</code> to a key of your own (8 to 128 letters, digits or dashes).
            </p>
          )}
        </li>
      </ul>

      <section aria-labelledby="recent-heading" className="mt-10">
        <h2 id="recent-heading" className="text-xl font-semibold">
          Latest notifications
        </h2>
        {notifications.length ? (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="search-notifications">
              <caption className="sr-only">The latest 30 notifications, newest first</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  {["Job page", "Engine", "Told", "Queued", "Outcome"].map((h) => (
                    <th key={h} scope="col" className="px-2 py-2 font-semibold text-slate-900">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {notifications.map((n) => {
                  const { label, detail, tone } = outcome(n);
                  return (
                    <tr key={n.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="px-2 py-2 font-medium text-slate-900">
                        {n.url}
                      </th>
                      <td className="px-2 py-2">{ENGINE[n.engine]}</td>
                      <td className="px-2 py-2">{n.engine === "indexnow" ? "Changed" : n.type === "URL_UPDATED" ? "Updated" : "Removed"}</td>
                      <td className="px-2 py-2 whitespace-nowrap">{adminTime(Number(n.created_at))}</td>
                      <td className="px-2 py-2">
                        <span className={`font-semibold ${tone}`}>{label}</span>
                        <span className="block text-slate-700">{detail}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-slate-700" data-testid="search-notifications-empty">
            {engines.length ? "None yet: the next change to a job will show here." : "None: no search engine is configured."}
          </p>
        )}
      </section>
    </main>
  );
}
