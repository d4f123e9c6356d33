import Link from "next/link";
import { SearchBox } from "@/components/search-box";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">We couldn’t find that page</h1>
      <p className="mt-4 text-slate-700">
        The job may have been filled or taken down, or the link may be mistyped. Search our open positions instead:
      </p>
      <div className="mt-6">
        <SearchBox />
      </div>
      <p className="mt-6">
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-brand underline">
          See all open jobs
        </Link>
      </p>
    </main>
  );
}
