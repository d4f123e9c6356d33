"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Messages } from "@/lib/i18n/catalogs";

export type ErrorWords = Messages["error"];

const Words = createContext<ErrorWords | null>(null);

/**
 * The error page's few words, in the page's language, for app/[locale]/error.tsx (a client
 * component the server cannot hand props to): plain strings, so no translation library ships.
 */
export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <Words value={words}>{children}</Words>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(Words);
  if (!words) throw new Error("useErrorWords outside ErrorWordsProvider");
  return words;
}
