"use client";

import { useEffect } from "react";

/** Remembers the utm_source a visitor landed with, for the application's source. */
export function UtmCapture() {
  useEffect(() => {
    const source = new URLSearchParams(window.location.search).get("utm_source");
    if (source) window.sessionStorage.setItem("utm_source", source.slice(0, 60));
  }, []);
  return null;
}
