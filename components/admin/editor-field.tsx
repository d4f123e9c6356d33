import type { ReactNode } from "react";

/** The ids a control is described by: its hint, its error, and anything else shown for it. */
export function describedBy(id: string, parts: { hint?: boolean; error?: boolean; extra?: string[] }): string | undefined {
  return [parts.hint ? `${id}-hint` : null, ...(parts.extra ?? []), parts.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A labelled editor control with its hint above and its error below, wired by id. */
export function EditorField({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
