"use client";

import { usePathname } from "next/navigation";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/admin/action";

type Props = {
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  submitLabel: string;
  children: ReactNode;
  tone?: "primary" | "secondary" | "danger";
};

const TONES = { primary: "bg-brand text-brand-contrast", secondary: "border border-slate-400 bg-white text-slate-900", danger: "bg-red-800 text-white" };

/** A sign-in form whose answer may carry recovery codes, shown once, with a way to keep them. */
export function TwoFactorForm({ action, submitLabel, children, tone = "primary" }: Props) {
  const [result, formAction, pending] = useActionState(action, null, usePathname());
  return (
    <div>
      {result?.codes ? null : (
        <form action={formAction} className="mt-3 space-y-3">
          {children}
          <button
            type="submit"
            disabled={pending}
            className={`min-h-11 rounded-md px-4 font-semibold disabled:opacity-60 ${TONES[tone]}`}
          >
            {pending ? "Working…" : submitLabel}
          </button>
        </form>
      )}
      <p role="status" className={`mt-2 text-sm ${result && !result.ok ? "font-medium text-red-800" : "text-green-900"}`}>
        {result?.message ?? ""}
      </p>
      {result?.codes ? (
        <div className="mt-3 rounded-lg border border-slate-300 bg-slate-50 p-4">
          <ul className="grid gap-1 font-mono text-lg sm:grid-cols-2" data-testid="recovery-codes" aria-label="Recovery codes">
            {result.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <a
            download="careers-admin-recovery-codes.txt"
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${result.codes.join("\n")}\n`)}`}
            className="mt-3 inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 font-medium"
          >
            Save the codes as a file
          </a>{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a whole page load: the security page is read afresh, without the codes */}
          <a href="/admin/security" className="ml-2 inline-flex min-h-11 items-center font-medium text-brand underline">
            I have kept them: done
          </a>
        </div>
      ) : null}
    </div>
  );
}
