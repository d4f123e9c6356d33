"use client";

import { usePathname } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/admin/action";

type Props = {
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  tone?: "primary" | "secondary" | "danger";
};

const TONES = {
  primary: "bg-brand text-brand-contrast",
  secondary: "border border-slate-400 bg-white text-slate-900",
  danger: "bg-red-800 text-white",
};

/**
 * A small admin form: its fields, one button, and the server's answer in a live region. What
 * was typed stays when the server refuses it (React would otherwise reset the form after every
 * action); it clears once the server has taken it.
 */
export function ActionForm({ action, submitLabel, pendingLabel = "Working…", children, className, tone = "secondary" }: Props) {
  // The page's own address as the form's action without JavaScript (HTML has no empty action).
  const [result, formAction, pending] = useActionState(action, null, usePathname());
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={form} action={formAction} onSubmit={submit} className={className}>
      {children}
      <button type="submit" disabled={pending} className={`min-h-11 rounded-md px-4 font-semibold disabled:opacity-60 ${TONES[tone]}`}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <p role="status" className={`mt-1 text-sm ${result && !result.ok ? "font-medium text-red-800" : "text-green-800"}`}>
        {result?.message ?? ""}
      </p>
    </form>
  );
}
