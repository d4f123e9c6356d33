import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/admin/access";
import { getBranding } from "@/lib/branding";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { knownStatuses, readStatusWords } from "@/lib/receipts/status-words";
import { saveStatusWordsAction } from "./actions";

export const metadata: Metadata = { title: "Candidate statuses" };

// What candidates read on their private status page about where their application is in
// Occupop: HR's own words for each status and step Occupop's webhooks have reported. Internal
// names are never shown: a status or step without words shows only "the hiring team has your
// application".
export default async function StatusesAdminPage() {
  await requireAdmin();
  const [known, words, branding] = await Promise.all([knownStatuses(), readStatusWords(), getBranding()]);
  const languages = branding.languages.offered;
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Candidate statuses</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        After applying, every candidate gets a private status page. Once their application reaches Occupop, it shows the latest news from
        Occupop&apos;s webhooks, in the words you write here for each status and hiring-flow step. Occupop&apos;s own names stay hidden: a
        status or step left empty shows only &ldquo;The hiring team has your application&rdquo;. A step&apos;s words win over its
        status&apos;s; a language left empty falls back to the site&apos;s default language.
      </p>
      {known.length ? (
        <ActionForm action={saveStatusWordsAction} submitLabel="Save the words" pendingLabel="Saving…" tone="primary" className="mt-6">
          <table className="w-full border-collapse text-left" data-testid="status-words">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  In Occupop
                </th>
                {languages.map((locale) => (
                  <th key={locale} scope="col" className="py-2 pr-4">
                    Candidates read ({LOCALE_NAMES[locale]})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {known.map((row, i) => (
                <tr key={row.key} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <input type="hidden" name={`key:${i}`} value={row.key} />
                    <span className="font-medium">{row.name}</span>
                    <span className="block text-sm text-slate-700">
                      {row.kind === "step" ? "Hiring-flow step" : "Status"} · {row.candidates} candidate(s) now
                    </span>
                  </th>
                  {languages.map((locale) => (
                    <td key={locale} className="py-2 pr-4">
                      <label className="sr-only" htmlFor={`words-${i}-${locale}`}>
                        {row.name}, {LOCALE_NAMES[locale]}
                      </label>
                      <input
                        id={`words-${i}-${locale}`}
                        name={`words:${i}:${locale}`}
                        defaultValue={words[row.key]?.[locale] ?? ""}
                        maxLength={300}
                        placeholder="Hidden from candidates"
                        className="min-h-11 w-full rounded-md border border-slate-400 px-3"
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ActionForm>
      ) : (
        <p className="mt-6 rounded-md border border-slate-300 p-4" data-testid="status-words-empty">
          No status has come from Occupop yet. Statuses and steps appear here as Occupop&apos;s webhooks report them: set{" "}
          <code>OCCUPOP_WEBHOOK_SECRET</code> and give Occupop the address <code>/api/occupop/webhook?secret=…</code> (see the README).
        </p>
      )}
    </main>
  );
}
