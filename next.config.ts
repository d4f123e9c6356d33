import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Deployed as a standalone Node.js server (scripts/server.mjs runs it).
  output: "standalone",
  // Replicas must come from one build. Building once (one image) gives that; a build made
  // more than once for the same release can pin its id with NEXT_BUILD_ID. The key that
  // seals server actions is NEXT_SERVER_ACTIONS_ENCRYPTION_KEY at build time (Next reads it).
  generateBuildId: async () => process.env.NEXT_BUILD_ID || null,
  poweredByHeader: false,
  // Native and worker-thread packages stay plain Node requires.
  serverExternalPackages: ["better-sqlite3", "pg", "pino"],
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
