"use client";

// On a page rendered for its request (its scripts carry a nonce, so public/boot.js could not
// run), the runtime does what boot.js does on a cached page: lib/on-demand/page.ts. On a cached
// page boot.js came first, and this does nothing.
import { useEffect } from "react";
import { bootPage } from "@/lib/on-demand/page";

export function PageBoot() {
  useEffect(() => bootPage(), []);
  return null;
}
