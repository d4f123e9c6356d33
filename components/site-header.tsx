import Link from "next/link";
import type { Branding } from "@/lib/branding";

export function SiteHeader({ branding }: { branding: Branding }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex min-h-11 items-center gap-3 rounded font-semibold text-slate-900">
          {branding.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a content-hashed image from our own store
            <img src={branding.logoUrl} alt="" className="h-9 w-auto max-w-40 object-contain" />
          ) : null}
          <span className="text-lg">{branding.companyName}</span>
        </Link>
        <nav aria-label="Site">
          <Link href="/" className="inline-flex min-h-11 items-center rounded px-3 font-medium text-brand hover:underline">
            All jobs
          </Link>
        </nav>
      </div>
    </header>
  );
}
