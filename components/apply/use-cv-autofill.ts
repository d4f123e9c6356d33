"use client";

// Fills the form's empty fields from the CV's contact details (read on the server:
// /api/resume-check, lib/autofill). Typed text is never overwritten: a field is filled only when
// it is empty (the country: while it still shows the job's default and was not chosen). Each
// filled field says "from your CV: please check" until it is edited.
import { useCallback, useMemo, useState } from "react";
import type { UseFormGetFieldState, UseFormGetValues, UseFormSetValue } from "react-hook-form";
import { CV_FIELDS, type CvFields } from "@/lib/autofill/shape";
import { FIELDS } from "@/lib/applications/schema";

type Values = Record<string, unknown>;

type Options = {
  getValues: UseFormGetValues<Values>;
  setValue: UseFormSetValue<Values>;
  getFieldState: UseFormGetFieldState<Values>;
  defaultCountry: string | null;
  countryCodes: ReadonlySet<string>;
  /** Called after filling, so what was filled is kept like typing (./use-kept-typing.ts). */
  onFilled: () => void;
};

export function useCvAutofill({ getValues, setValue, getFieldState, defaultCountry, countryCodes, onFilled }: Options) {
  const [filled, setFilled] = useState<ReadonlySet<string>>(new Set());

  const fill = useCallback(
    (fields: CvFields) => {
      const now = new Set<string>();
      for (const field of CV_FIELDS) {
        const value = fields[field]?.trim();
        if (!value) continue;
        const name = FIELDS[field];
        const current = String(getValues(name) ?? "").trim();
        const empty = field === "country" ? (current === "" || current === defaultCountry) && !getFieldState(name).isDirty : current === "";
        if (!empty || (field === "country" && !countryCodes.has(value))) continue;
        setValue(name, value, { shouldDirty: true });
        now.add(name);
      }
      if (now.size) {
        setFilled((before) => new Set([...before, ...now]));
        onFilled();
      }
    },
    [getValues, setValue, getFieldState, defaultCountry, countryCodes, onFilled],
  );

  /** The candidate edited a field: it is theirs now. */
  const unmark = useCallback((name: string) => setFilled((before) => (before.has(name) ? new Set([...before].filter((n) => n !== name)) : before)), []);

  return useMemo(() => ({ fill, unmark, fromCv: (name: string) => filled.has(name), count: filled.size }), [fill, unmark, filled]);
}
