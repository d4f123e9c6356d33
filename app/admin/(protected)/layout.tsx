import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutForm } from "@/components/admin/logout-form";
import { requireAdmin } from "@/lib/admin/access";

export const metadata: Metadata = { title: "Admin", robots: { index: false, follow: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <nav aria-label="Admin">
          <ul className="flex flex-wrap gap-1">
            {[
              ["/admin", "Overview"],
              ["/admin/insights", "Insights"],
              ["/admin/branding", "Branding"],
              ["/admin/languages", "Languages"],
              ["/admin/applications", "Applications"],
              ["/admin/statuses", "Candidate statuses"],
              ["/admin/open-application", "Open application"],
              ["/admin/alerts", "Job alerts"],
              ["/admin/search-engines", "Search engines"],
              ["/admin/users", "Administrators"],
              ["/admin/security", "Your sign-in"],
            ].map(([href, label]) => (
              <li key={href}>
                <Link href={href!} className="inline-flex min-h-11 items-center rounded px-3 font-medium text-slate-900 hover:bg-slate-100">
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LogoutForm email={admin.email} />
      </div>
      {children}
    </div>
  );
}
