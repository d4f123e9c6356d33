// Labelled form controls with their hint and error wired up for assistive technology.
import { useTranslations } from "next-intl";
import type { ComponentPropsWithoutRef, ReactNode } from "react";

export const inputClass =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

export const fieldId = (name: string) => `apply-${name}`;
export const errorId = (name: string) => `apply-${name}-error`;
export const hintId = (name: string) => `apply-${name}-hint`;
export const fromCvId = (name: string) => `apply-${name}-from-cv`;

export function describedBy(name: string, hasHint: boolean, error: string | undefined, fromCv = false): string | undefined {
  return [hasHint ? hintId(name) : null, fromCv ? fromCvId(name) : null, error ? errorId(name) : null].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ name, error }: { name: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={errorId(name)} className="mt-1 text-sm font-medium text-red-800">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

type FieldProps = {
  name: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  /** Filled in from the candidate's CV, to be checked (components/apply/use-cv-autofill.ts). */
  fromCv?: boolean;
  children: ReactNode;
};

export function Field({ name, label, required, hint, error, fromCv, children }: FieldProps) {
  const t = useTranslations("apply");
  return (
    <div>
      <label htmlFor={fieldId(name)} className="block font-medium text-slate-900">
        {label}
        {required ? <span className="text-slate-700"> {t("required")}</span> : <span className="font-normal text-slate-600"> {t("optional")}</span>}
      </label>
      {hint ? (
        <p id={hintId(name)} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {fromCv ? (
        <p id={fromCvId(name)} className="mt-1 text-sm font-medium text-amber-900" data-testid="from-cv">
          {t("upload.fromCv")}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
    </div>
  );
}

export function TextInput(props: ComponentPropsWithoutRef<"input">) {
  return <input {...props} className={inputClass} />;
}
