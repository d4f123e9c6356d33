"use client";

// The application form's memory in this browser (./kept-typing.ts holds the storage): fills in
// what was typed here before, keeps what is typed now a moment after each keystroke (and when
// the tab goes away), clears it on request, and forgets it once the application is received.
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { UseFormSetValue } from "react-hook-form";
import { keptFields } from "@/lib/applications/schema";
import { currentValue, forgetKept, pageValue, readKept, untouched, writeKept } from "./kept-typing";

/** What the form's note about it says: that typing is kept, that it was filled in again, or that it was cleared. */
export type KeptNotice = "note" | "restored" | "cleared";

type Options = {
  jobUuid: string;
  questions: number;
  formRef: RefObject<HTMLFormElement | null>;
  setValue: UseFormSetValue<Record<string, unknown>>;
  /** Fill nothing in (a draft opened from its link is what the applicant asked for). */
  noRestore: boolean;
};

export function useKeptTyping({ jobUuid, questions, formRef, setValue, noRestore }: Options) {
  const [notice, setNotice] = useState<KeptNotice>("note");
  const timer = useRef<number | undefined>(undefined);
  const keep = useMemo(() => keptFields(questions), [questions]);

  // Only fields still as the page brought them are filled: nothing typed since is overwritten.
  useEffect(() => {
    const form = formRef.current;
    const saved = form && !noRestore ? readKept(jobUuid) : null;
    if (!form || !saved) return;
    let restored = 0;
    for (const name of keep) {
      const value = saved.values[name];
      if (value === undefined || !untouched(form, name) || currentValue(form, name) === value) continue;
      setValue(name, value, { shouldDirty: true });
      restored++;
    }
    if (restored) setNotice("restored");
  }, [jobUuid, keep, setValue, noRestore, formRef]);

  /** Keeps the fields changed on this page, now. */
  const keepNow = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const form = formRef.current;
    if (form) writeKept(jobUuid, Object.fromEntries(keep.filter((name) => !untouched(form, name)).map((name) => [name, currentValue(form, name)])));
  };

  // A tab closed or sent to the background before the next save keeps its last keystrokes too.
  useEffect(() => {
    const flush = () => {
      if (timer.current !== undefined) keepNow();
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  });

  /** The application was received: nothing of it stays on this device. */
  const forget = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    forgetKept(jobUuid);
  };

  return {
    notice,
    forget,
    /** After a keystroke: kept 400 ms after the last one. */
    keepSoon() {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(keepNow, 400);
    },
    /** "Clear the form": every kept field back to the page's own value, and nothing kept. */
    clear() {
      forget();
      const form = formRef.current;
      if (form) for (const name of keep) setValue(name, pageValue(form, name), { shouldDirty: false });
      setNotice("cleared");
    },
  };
}
