// The contract with Next.js and React (lib/next-adapter.mjs): every detail the site relies on
// that is not their public API, checked against the installed code. It names the version it
// was written for: on any other, it fails first, so an upgrade fails here and not in production.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cacheEntry, NEXT_VERSION, plainReply, renderedPath, renderedPathOfKey, routerStateProblem } from "@/lib/next-adapter.mjs";

const require = createRequire(import.meta.url);
type ParseRouterState = (header: string) => unknown;
const { parseAndValidateFlightRouterState } = require("next/dist/server/app-render/parse-and-validate-flight-router-state") as { parseAndValidateFlightRouterState: ParseRouterState };
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: (value: unknown) => Promise<string | FormData> };
const { CachedRouteKind } = require("next/dist/server/response-cache/types") as { CachedRouteKind: Record<string, string> };
type Owner = { kind: string; sourceRoute: string };
const { getRouteCacheKey } = require("next/dist/server/lib/route-cache-key") as { getRouteCacheKey: (pathname: string, owner: Owner) => string };

describe("the Next.js contract", () => {
  it("is the installed version: read lib/next-adapter.mjs again against any other before changing this", () => {
    const installed = (JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string }).version;
    expect(installed).toBe(NEXT_VERSION);
  });

  it("names the cache entries as Next does", () => {
    expect(CachedRouteKind.APP_PAGE).toBe("APP_PAGE");
    expect(CachedRouteKind.APP_ROUTE).toBe("APP_ROUTE");
    const page = { kind: CachedRouteKind.APP_PAGE, html: "<p>x</p>", status: 200, headers: { "x-next-cache-tags": "a,b" } };
    expect(cacheEntry.pageHtml(page)).toBe("<p>x</p>");
    expect(cacheEntry.tags(page)).toEqual(["a", "b"]);
    expect(cacheEntry.isRoute({ kind: CachedRouteKind.APP_ROUTE })).toBe(true);
    expect(cacheEntry.headers(page)).toEqual({});
    const feed = { kind: CachedRouteKind.APP_ROUTE, body: Buffer.from("[]"), status: 200, headers: { "content-type": "application/json" } };
    expect(cacheEntry.routeBody(feed)?.toString()).toBe("[]");
    expect(cacheEntry.routeBody(page)).toBeNull();
  });

  it("files pages and route handlers under their rendered path, as Next keys them", () => {
    // The default language's pages are rendered under app/[locale]'s "_" segment (next.config.ts).
    const cases: [Owner, string][] = [
      [{ kind: "APP_PAGE", sourceRoute: "/[locale]/(browse)/page" }, renderedPath("/", false)],
      [{ kind: "APP_PAGE", sourceRoute: "/[locale]/(browse)/jobs/[slug]/page" }, renderedPath("/jobs/a-job", false)],
      [{ kind: "APP_PAGE", sourceRoute: "/[locale]/(browse)/jobs/[slug]/page" }, renderedPath("/de/jobs/a-job", true)],
      [{ kind: "APP_ROUTE", sourceRoute: "/[locale]/jobs.json/route" }, renderedPath("/jobs.json", false)],
      [{ kind: "APP_ROUTE", sourceRoute: "/sitemap.xml/route" }, "/sitemap.xml"],
    ];
    for (const [owner, path] of cases) expect(renderedPathOfKey(getRouteCacheKey(path, owner))).toBe(path);
    expect(renderedPath("/", false)).toBe("/_");
    expect(renderedPath("/de", true)).toBe("/de");
    expect(renderedPathOfKey(getRouteCacheKey("/_", { kind: "PAGES", sourceRoute: "/x" }))).toBeNull();
  });

  it("takes every text body React sends for plain values, and no reference a text body cannot have", async () => {
    const sent = [[], [null], [1, "a", "$x", undefined, Number.NaN, -0, Number.POSITIVE_INFINITY, 10n, new Date(0), { a: "$b", c: ["$$"] }]];
    for (const args of sent) {
      const body = await encodeReply(args);
      expect(typeof body).toBe("string");
      expect(plainReply(JSON.parse(body as string)), String(body)).toBe(true);
    }
    for (const forged of [["$K1"], ["$@1"], ["$F0"], [{ $a: 1 }], "not an array"]) expect(plainReply(forged)).toBe(false);
  });
});

describe("the router state header", () => {
  // Next's own parser for it: the front must refuse exactly what Next would fail on (with a 500).
  const nextAccepts = (header: string) => {
    try {
      parseAndValidateFlightRouterState(header);
      return true;
    } catch {
      return false;
    }
  };
  const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const page = ["__PAGE__", {}, null, null, 0];
  const valid = [
    ["", { children: ["admin", { children: ["(protected)", { children: ["insights", { children: page }, null, null, 0] }, null, null, 0] }, null, null, 0] }, null, null, 1040],
    ["", { children: ["jobs", { children: [["slug", "a-job", "d", null], { children: page }] }] }, ["/jobs/a", "/jobs/a"], "refetch"],
    ["", { children: [["locale", "de", "d", ["en"]], {}, null, "inside-shared-layout", 3, "x"] }],
  ];
  const invalid = [
    "not json",
    ["", {}, null, null, 0, "x", "too long"],
    ["", { children: [["slug", "a-job", "d"], {}] }],
    ["", { children: [["slug", "a-job", "nope", null], {}] }],
    ["", {}, ["/only-one"]],
    ["", {}, null, "sometimes"],
    [1, {}],
    {},
  ];

  it("passes what Next's router sends and refuses what Next cannot parse, as Next itself decides", () => {
    for (const tree of valid) {
      expect(routerStateProblem(encode(tree)), JSON.stringify(tree)).toBeNull();
      expect(nextAccepts(encode(tree))).toBe(true);
    }
    for (const tree of invalid) {
      const header = typeof tree === "string" ? tree : encode(tree);
      expect(routerStateProblem(header), header).not.toBeNull();
      expect(nextAccepts(header)).toBe(false);
    }
    expect(routerStateProblem(undefined)).toBeNull();
    expect(routerStateProblem("%%%")).not.toBeNull();
  });

  it("agrees with Next on any JSON at all", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const header = encode(value);
        expect(routerStateProblem(header) === null).toBe(nextAccepts(header));
      }),
      { numRuns: 3000 },
    );
  });
});
