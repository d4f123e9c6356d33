import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/components/admin/second-factor-form";
import { pendingSecondFactor } from "@/lib/admin/session";

export const metadata: Metadata = { title: "Enter your code", robots: { index: false, follow: false } };

export default async function VerifyPage() {
  if (!(await pendingSecondFactor())) redirect("/admin/login");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Enter your code</h1>
      <p className="mt-2 text-slate-700">Your password was right. Two-factor sign-in is on for your account: one more step.</p>
      <SecondFactorForm />
      <p className="mt-6 text-sm text-slate-700">
        Lost your phone and your recovery codes? Another administrator can remove your account and add it again.{" "}
        <Link href="/admin/login" className="font-medium text-brand underline">
          Start again
        </Link>
      </p>
    </main>
  );
}
