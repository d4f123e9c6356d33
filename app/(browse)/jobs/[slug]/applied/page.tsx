import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getBranding } from "@/lib/branding";
import { getJobBySlug } from "@/lib/jobs";

export const metadata: Metadata = { title: "Application received", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ queued?: string }> };

// No personal data here, and none in the URL: only whether delivery is still under way.
export default async function AppliedPage({ params, searchParams }: Props) {
  const job = await getJobBySlug((await params).slug);
  if (!job) notFound();
  const queued = (await searchParams).queued === "1";
  const branding = await getBranding();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <div className="rounded-lg border border-green-700 bg-green-50 p-6">
        <h1 className="text-2xl font-bold text-slate-900">Thank you: we have your application</h1>
        <p className="mt-2 text-slate-800">
          Your application for <strong>{job.title}</strong> at {branding.companyName} is safely received.
        </p>
        {queued ? (
          <p className="mt-2 text-slate-800" data-testid="queued-note">
            Our hiring system is slow to answer right now, so we are passing your application on in the background. It will reach
            the hiring team; you don’t need to do anything or send it again.
          </p>
        ) : null}
      </div>
      <h2 className="mt-8 text-xl font-semibold text-slate-900">What happens next</h2>
      <ol className="mt-3 list-decimal space-y-2 pl-6 text-slate-800">
        <li>The hiring team reads every application, usually within a few working days.</li>
        <li>If your experience fits the role, they will contact you by email or phone to arrange a conversation.</li>
        <li>Either way, we aim to let you know the outcome. Keep an eye on your inbox, including the spam folder.</li>
      </ol>
      <p className="mt-8">
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-brand underline">
          See our other open jobs
        </Link>
      </p>
    </main>
  );
}
