// The pages and route handlers under app/, found on disk: tests that must cover every page
// (admin-access.spec, html-validity.spec) list them from here, so a new one is covered
// without touching them.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const APP = join(process.cwd(), "app");

/** A page.tsx or route.ts, with its segments below app/ (route groups and dynamic ones included). */
export type AppRoute = { file: string; kind: "page" | "route"; segments: string[] };

/** Every page and route handler under app/`under` (all of app/ when omitted). */
export function appRoutes(under = ""): AppRoute[] {
  const found: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/^(page|route)\.(tsx?|jsx?)$/.test(name)) {
        const segments = relative(APP, dir).split(sep).filter(Boolean);
        found.push({ file: relative(process.cwd(), path), kind: name.startsWith("page") ? "page" : "route", segments });
      }
    }
  };
  walk(join(APP, under));
  return found;
}

export const isGroup = (segment: string) => /^\(.+\)$/.test(segment);
/** The parameter name of a dynamic segment ("[slug]" → "slug"), or undefined. */
export const dynamicName = (segment: string) => /^\[(.+)\]$/.exec(segment)?.[1];
