"use client";

import { useActionState } from "react";
import { verifySecondFactorAction } from "@/app/admin/login/actions";

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
export function SecondFactorForm() {
  const [result, formAction, pending] = useActionState(verifySecondFactorAction, null, "/admin/login/verify");
  const error = result && !result.ok ? result.message : null;
  return (
    <form action={formAction} className="mt-6 space-y-4">
      {error ? (
        <p id="code-error" role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="code" className="block font-medium text-slate-900">
          Code
        </label>
        <p id="code-hint" className="text-sm text-slate-700">
          The 6 digits your authenticator app shows for the careers site, or one of your recovery codes.
        </p>
        <input
          id="code"
          name="code"
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          required
          maxLength={32}
          aria-describedby={error ? "code-hint code-error" : "code-hint"}
          aria-invalid={Boolean(error)}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-lg tracking-widest"
        />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 w-full rounded-md bg-brand px-4 font-semibold text-brand-contrast disabled:opacity-60">
        {pending ? "Checking…" : "Continue"}
      </button>
    </form>
  );
}
