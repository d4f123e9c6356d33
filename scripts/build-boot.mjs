// @ts-check
// Bundles the public pages' first script (lib/on-demand/boot.ts) into public/boot.js, and the
// widget for other sites (lib/embed/widget.ts) into public/embed.js: each one small classic
// script, no framework. `npm run build` and `npm run dev` run this first. esbuild is
// the bundler tsx already brings; it reads tsconfig.json's "@/" paths.
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bundles = [
  { entry: join(root, "lib", "on-demand", "boot.ts"), out: join(root, "public", "boot.js") },
  { entry: join(root, "lib", "embed", "widget.ts"), out: join(root, "public", "embed.js") },
];
await Promise.all(
  bundles.map(({ entry, out }) =>
    build({
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      minify: true,
      format: "iife",
      // The browsers Next.js 16 builds for by default.
      target: ["chrome111", "edge111", "firefox111", "safari16.4"],
      legalComments: "none",
      logLevel: "warning",
    }),
  ),
);
