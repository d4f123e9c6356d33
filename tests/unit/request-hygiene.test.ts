// The HTTP front's checks before Next.js (scripts/request-hygiene.mjs): other methods than GET
// and HEAD at the route handlers Next.js keeps in the page cache are answered here, never passed
// on, so never cached as the GET; a router state header Next could not parse is refused here.
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { CACHED_PATHS, CACHED_PER_LANGUAGE } from "@/lib/page-cache/policy";
import fc from "fast-check";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { methodAnswer, routerStateProblem } from "../../scripts/request-hygiene.mjs";

/** The cached route handlers, as visitors reach them: every file-like cached path, in every language. */
const routes = [
  ...CACHED_PATHS.filter((p) => /\.\w+$/.test(p)),
  ...LOCALES.flatMap((l) => CACHED_PER_LANGUAGE.filter((p) => /\.\w+$/.test(p)).map((p) => `/${l}${p}`)),
  "/_/jobs.json",
  "/icon.svg",
];

describe("other methods at a cached route handler", () => {
  it("covers every cached feed in every language, the sitemap, robots.txt and the icon", () => {
    expect(routes).toEqual(expect.arrayContaining(["/jobs.json", "/jobs.rss", "/de/jobs.rss", "/es/jobs.json", "/sitemap.xml", "/robots.txt"]));
    for (const path of routes) {
      expect(methodAnswer("OPTIONS", path), path).toMatchObject({ status: 204, headers: { allow: "GET, HEAD, OPTIONS" } });
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "PROPFIND"]) {
        const answer = methodAnswer(method, path);
        expect(answer, `${method} ${path}`).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, OPTIONS", "cache-control": "no-store" } });
        expect(answer?.body).toContain(path);
      }
      expect(methodAnswer("GET", path)).toBeNull();
      expect(methodAnswer("HEAD", path)).toBeNull();
    }
  });

  it("lets other sites read the JSON feed, and only that", () => {
    expect(methodAnswer("OPTIONS", "/fr/jobs.json")?.headers["access-control-allow-origin"]).toBe("*");
    expect(methodAnswer("OPTIONS", "/jobs.rss")?.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("leaves pages, actions and the API to Next.js", () => {
    for (const path of ["/", "/de", "/jobs/a-job", "/jobs/a-job/apply", "/admin/branding", "/api/health", "/api/alerts/unsubscribe", "/jobs.json/x", "/files/jobs.json"]) {
      for (const method of ["POST", "OPTIONS", "PUT", "DELETE"]) expect(methodAnswer(method, path), `${method} ${path}`).toBeNull();
    }
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
