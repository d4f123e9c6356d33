import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Deployed as a standalone Node.js server (scripts/server.mjs runs it).
  output: "standalone",
  poweredByHeader: false,
  // Native and worker-thread packages stay plain Node requires.
  serverExternalPackages: ["better-sqlite3", "pino"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // The site (and above all /admin) cannot be framed by another site.
          { key: "Content-Security-Policy", value: "frame-ancestors 'self'; base-uri 'self'; form-action 'self'" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
  experimental: {
    serverActions: {
      // A 50 MiB resume plus the form's text fields.
      bodySizeLimit: "51mb",
    },
  },
};

export default nextConfig;
