import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/login-form";
import { currentAdmin } from "@/lib/admin/session";

export const metadata: Metadata = { title: "Log in", robots: { index: false, follow: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ signedOut?: string; expired?: string }> }) {
  if (await currentAdmin()) redirect("/admin");
  const query = await searchParams;
  const signedOut = query.signedOut === "1";
  const expired = query.expired === "1";
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Careers site admin</h1>
      <p className="mt-2 text-slate-700">Log in to change how the careers site looks.</p>
      {signedOut ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-green-900">
          You are logged out.
        </p>
      ) : null}
      {expired ? (
        <p role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-amber-950">
          Your sign-in took too long. Please log in again.
        </p>
      ) : null}
      <LoginForm />
    </main>
  );
}
