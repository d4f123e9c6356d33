// `next build` renders the cacheable public pages once, with no configuration, database or
// Occupop at hand. What it renders is never served (lib/page-cache/cache-handler.mjs starts
// empty, so each page's first visit renders it with live data), so during the build the data
// functions answer with placeholders instead of failing the build.

export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
