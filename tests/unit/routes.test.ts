// The route table (lib/routes.ts) against the files under app/: every page and route handler
// on disk is in it, as what it is (the front must not read a handler's body); the proxy's
// literal matcher is what the table derives; the body rules say what each route takes; the
// front door's facts (gated, first visit, read-only) are the table's.
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { readFileSync } from "node:fs";
import { bodyRuleFor, CREDENTIAL_PARAMS, isRouteHandler, KiB, MiB, privateLinkSources, proxyMatcher, ROUTES, routeOf, UPLOAD_BODY_BYTES } from "@/lib/routes";
import { config } from "@/proxy";

const APP = join(process.cwd(), "app");

/** Every file under app/ with the URL it answers (a sample value for each dynamic segment). */
function files(): Array<{ file: string; url: string }> {
  const out: Array<{ file: string; url: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const segments = relative(APP, dir)
          .split(sep)
          .filter((s) => s && !/^\(.+\)$/.test(s))
          .map((s) => (s === "[locale]" ? "de" : /^\[.+\]$/.test(s) ? "sample" : s));
        const url = (leaf: string) => `/${[...segments, leaf].filter(Boolean).join("/")}`;
        if (/^route\.tsx?$/.test(name)) out.push({ file: relative(APP, path), url: url("") });
        else if (/^opengraph-image\.tsx?$/.test(name)) out.push({ file: relative(APP, path), url: url("opengraph-image") });
        else if (name === "robots.ts") out.push({ file: relative(APP, path), url: url("robots.txt") });
        else if (name === "sitemap.ts") out.push({ file: relative(APP, path), url: url("sitemap.xml") });
        else if (/^icon\.\w+$/.test(name)) out.push({ file: relative(APP, path), url: url(name) });
        else if (/^page\.tsx?$/.test(name)) out.push({ file: relative(APP, path), url: url("") });
      }
    }
  };
  walk(APP);
  return out;
}

describe("the route table", () => {
  it("has every page under app/ as a page and every route handler as a handler", () => {
    for (const { file, url } of files()) {
      const route = routeOf(url);
      expect(route, `${file} (${url}) is not in lib/routes.ts`).not.toBeNull();
      expect(route!.kind, file).toBe(/page\.tsx?$/.test(file) ? "page" : "handler");
    }
  });

  it("gives the proxy the matcher the table derives (paste the entries below into proxy.ts when they differ)", () => {
    const derived = proxyMatcher(LOCALES);
    if (JSON.stringify(config.matcher) !== JSON.stringify(derived)) {
      process.stdout.write(`proxy.ts matcher should be:\n${derived.map((e) => `    ${JSON.stringify(e)},`).join("\n")}\n`);
    }
    expect(config.matcher).toEqual(derived);
  });

  it("marks what the front door decides: the gated paths, the first-visit pages, the read-only handlers", () => {
    for (const path of ["/", "/de", "/search", "/jobs/a", "/es/jobs/a", "/jobs/a/apply", "/jobs/a/applied", "/jobs.json", "/fr/jobs.rss", "/sitemap.xml"]) expect(routeOf(path)?.gated, path).toBe(true);
    for (const path of ["/accessibility", "/alerts/new", "/admin", "/admin/login", "/api/health", "/r/abc234", "/robots.txt"]) expect(routeOf(path)?.gated, path).toBeUndefined();
    for (const path of ["/", "/search", "/accessibility", "/jobs/a", "/alerts/manage"]) expect(routeOf(path)?.firstVisit, path).toBe(true);
    for (const path of ["/jobs/a/apply", "/jobs.json", "/admin", "/api/insights"]) expect(routeOf(path)?.firstVisit, path).toBeUndefined();
    for (const path of ["/jobs.json", "/de/jobs.json", "/_/jobs.rss", "/sitemap.xml", "/robots.txt", "/icon.svg"]) expect(routeOf(path)?.readOnly, path).toBe(true);
    for (const path of ["/nowhere/at/all", "/zz/jobs/a", "/jobs.json/x"]) expect(routeOf(path), path).toBeNull();
  });

  it("marks every page that reads a credential from its address (a token, a draft link) as a private link, and gives those their headers", () => {
    const reads = new RegExp(`\\.(?:${CREDENTIAL_PARAMS.join("|")})\\b|\\[["'](?:${CREDENTIAL_PARAMS.join("|")})["']\\]`);
    const pages = files().filter((f) => /page\.tsx?$/.test(f.file));
    const readers = pages.filter(({ file }) => {
      const source = readFileSync(join(APP, file), "utf8");
      return /searchParams/.test(source) && reads.test(source);
    });
    // The ones known today, so the scan itself is known to work.
    for (const known of ["status", "alerts/manage", "alerts/confirm", "apply"]) expect(readers.map((r) => r.file).join(" "), known).toContain(`${known}/page.tsx`);
    for (const { file, url } of readers) expect(routeOf(url)?.privateLink, `${file} reads a credential from its address: mark its route privateLink`).toBe(true);
    const sources = privateLinkSources(LOCALES);
    for (const route of ROUTES.filter((r) => r.privateLink)) {
      expect(sources, route.path).toContain(route.path);
      if (route.localized) expect(sources, route.path).toContain(`/:locale(${LOCALES.join("|")})${route.path}`);
    }
  });

  it("knows every route handler under app/ as one, and no page as one", () => {
    const all = files();
    const handlers = all.filter((f) => !/page\.tsx?$/.test(f.file));
    const pages = all.filter((f) => /page\.tsx?$/.test(f.file));
    expect(handlers.length).toBeGreaterThan(10);
    expect(pages.length).toBeGreaterThan(10);
    for (const { file, url } of handlers) expect(isRouteHandler(url.replace(/^\/de(?=\/)/, "")), file).toBe(true);
    for (const { file, url } of handlers) expect(isRouteHandler(url), file).toBe(true);
    for (const { file, url } of pages) expect(isRouteHandler(url), file).toBe(false);
  });

  it("caps each body for its route: beacons and tokens small, applications at the upload limit, other pages' forms small", () => {
    expect(bodyRuleFor("POST", "/api/insights")).toMatchObject({ maxBytes: 4 * KiB, handler: true });
    expect(bodyRuleFor("POST", "/api/apply/token").maxBytes).toBeLessThanOrEqual(8 * KiB);
    expect(bodyRuleFor("POST", "/api/alerts/confirm").maxBytes).toBeLessThanOrEqual(8 * KiB);
    expect(bodyRuleFor("POST", "/api/alerts/unsubscribe").maxBytes).toBeLessThanOrEqual(8 * KiB);
    for (const locale of ["", ...LOCALES.map((l) => `/${l}`), "/_"]) {
      expect(bodyRuleFor("POST", `${locale}/jobs/a-job`), locale).toMatchObject({ maxBytes: UPLOAD_BODY_BYTES, upload: true });
      expect(bodyRuleFor("POST", `${locale}/jobs/a-job/apply`), locale).toMatchObject({ maxBytes: UPLOAD_BODY_BYTES, upload: true });
    }
    expect(bodyRuleFor("POST", "/jobs/a-job/applied").upload).toBeUndefined();
    expect(bodyRuleFor("POST", "/admin/branding").maxBytes).toBeLessThan(16 * MiB);
    for (const path of ["/", "/admin/login", "/alerts/new", "/admin/users", "/nowhere"]) expect(bodyRuleFor("POST", path).maxBytes, path).toBeLessThanOrEqual(128 * KiB);
    // A route handler that takes no body gets none worth the name, whatever the method.
    expect(bodyRuleFor("POST", "/api/health")).toMatchObject({ maxBytes: 16 * KiB, handler: true });
    expect(bodyRuleFor("PUT", "/jobs/a-job").maxBytes).toBe(16 * KiB);
    // A resumable upload's parts: capped, streamed to their handler, and counted in flight.
    for (const method of ["POST", "PATCH"]) {
      expect(bodyRuleFor(method, "/api/uploads/0123456789abcdef0123456789abcdef")).toMatchObject({ maxBytes: 8 * MiB, handler: true, upload: true, types: ["application/offset+octet-stream"] });
    }
    expect(bodyRuleFor("PATCH", "/api/insights").maxBytes).toBe(16 * KiB);
    expect(bodyRuleFor("POST", "/api/resume-check")).toMatchObject({ maxBytes: KiB, types: ["application/json"], handler: true });
    expect(bodyRuleFor("POST", "/api/insights").types).toEqual(["text/plain", "application/json"]);
  });
});
