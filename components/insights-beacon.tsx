"use client";

// Counts a view of the job listing or of a job page reached inside the app (a client-side
// navigation): the page a visitor lands on is counted by public/boot.js as it loads (before
// this runtime is in, lib/on-demand/boot.ts). Any other page only notes the channel the visitor
// arrived by (for their application's source). The page stays the same cached bytes for everyone.
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { countedView, landingChannel, sendInsight } from "@/lib/insights/client";

/** The first path this runtime sees is the landing page, already counted by the boot script. */
let landed = false;

export function InsightsBeacon() {
  const pathname = usePathname();
  useEffect(() => {
    const landing = !landed;
    landed = true;
    const view = landing ? null : countedView(pathname);
    if (view) sendInsight({ type: "view", path: view });
    else landingChannel();
  }, [pathname]);
  return null;
}
