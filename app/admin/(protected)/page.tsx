import Link from "next/link";
import { queueStats } from "@/lib/applications/outbox";
import { currentVersion } from "@/lib/branding/store";

export default async function AdminHome() {
  const [stats, version] = await Promise.all([queueStats(), currentVersion()]);
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Overview</h1>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        <section className="rounded-lg border border-slate-200 p-5" aria-labelledby="branding-heading">
          <h2 id="branding-heading" className="text-lg font-semibold">
            Branding
          </h2>
          <p className="mt-1 text-slate-700">
            {version ? `Version ${version.id}, saved by ${version.createdBy}.` : "The default look: nothing saved yet."}
          </p>
          <Link href="/admin/branding" className="mt-3 inline-flex min-h-11 items-center font-medium text-brand underline">
            Edit the branding
          </Link>
        </section>
        <section className="rounded-lg border border-slate-200 p-5" aria-labelledby="apps-heading">
          <h2 id="apps-heading" className="text-lg font-semibold">
            Applications on their way to Occupop
          </h2>
          <p className="mt-1 text-slate-700">
            {stats.pending} waiting, {stats.failed} failed, {stats.delivered} delivered recently.
          </p>
          <Link href="/admin/applications" className="mt-3 inline-flex min-h-11 items-center font-medium text-brand underline">
            See applications
          </Link>
        </section>
      </div>
    </main>
  );
}
