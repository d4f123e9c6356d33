// The front door's answer to other methods than GET and HEAD at the read-only route handlers
// Next.js keeps in the page cache (lib/site/front-door.ts): never passed on, so never cached as
// the GET.
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { ROUTES } from "@/lib/routes";
import { methodAnswer } from "@/lib/site/front-door";

/** The read-only route handlers, as visitors reach them, in every language. */
const routes = ROUTES.filter((r) => r.readOnly).flatMap((r) => (r.localized ? [r.path, ...LOCALES.map((l) => `/${l}${r.path}`), `/_${r.path}`] : [r.path]));

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
