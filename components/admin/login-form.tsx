"use client";

import { useActionState } from "react";
import { loginAction } from "@/app/admin/login/actions";

/** Email and password; a refused attempt keeps the email (never the password). */
export function LoginForm() {
  const [result, formAction, pending] = useActionState(loginAction, null, "/admin/login");
  const error = result && !result.ok ? result.message : null;
  return (
    <form action={formAction} className="mt-6 space-y-4" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="login-email" className="block font-medium text-slate-900">
          Email
        </label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={result?.email ?? ""}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="login-password" className="block font-medium text-slate-900">
          Password
        </label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 w-full rounded-md bg-brand px-4 font-semibold text-brand-contrast disabled:opacity-60">
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
