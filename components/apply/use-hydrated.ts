"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** False while rendering on the server (or without JavaScript), true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
