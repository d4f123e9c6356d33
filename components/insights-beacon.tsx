"use client";

// Counts a view of the job listing or of a job page, from the visitor's browser once the page
// is shown: the page itself stays the same cached bytes for everyone. Any other page only
// notes the channel the visitor arrived by (for their application's source).
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { landingChannel, sendInsight } from "@/lib/insights/client";

const COUNTED = /^\/(?:jobs\/[^/]+)?$/;

export function InsightsBeacon() {
  const pathname = usePathname();
  useEffect(() => {
    if (COUNTED.test(pathname)) sendInsight({ type: "view", path: pathname });
    else landingChannel();
  }, [pathname]);
  return null;
}
