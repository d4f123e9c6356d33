import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Deployed as a standalone Node.js server (scripts/server.mjs runs it).
  output: "standalone",
  poweredByHeader: false,
  // Native and worker-thread packages stay plain Node requires.
  serverExternalPackages: ["better-sqlite3", "pino"],
  experimental: {
    serverActions: {
      // A 50 MiB resume plus the form's text fields.
      bodySizeLimit: "51mb",
    },
  },
};

export default nextConfig;
