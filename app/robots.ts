import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

// Served from the page cache; rendered again when the job list or the branding changes.
export const revalidate = 3600;

export default function robots(): MetadataRoute.Robots {
  const { SITE_URL } = env();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/"] }],
    sitemap: `${SITE_URL}/sitemap.xml`,
  };
}
