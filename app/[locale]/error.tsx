"use client";

import Link from "next/link";
import { useErrorWords } from "@/components/error-words";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  const t = (key: keyof typeof words) => words[key];
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("body")}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand px-5 font-semibold text-brand-contrast">
          {t("retry")}
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center px-3 font-medium text-brand underline">
          {t("allJobs")}
        </Link>
      </div>
    </main>
  );
}
