// The front door's fast path (lib/page-cache/front.ts): a cached page or feed the cache handler
// holds fresh is answered without Next.js, with the bytes and headers Next stored, and nothing
// that is not the same for everyone is ever answered from it.
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import PageCacheHandler from "@/lib/page-cache/cache-handler.mjs";
import { cachedPageAnswer } from "@/lib/page-cache/front";
import { invalidatePages } from "@/lib/page-cache/index";

const HTML = '<!DOCTYPE html><html><head></head><body><h1>Jobs</h1><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>';
const pageKey = (path: string) => `/route-cache/APP_PAGE/0123abcd/$${path}`;
const routeKey = (path: string) => `/route-cache/APP_ROUTE/4567ef01/$${path}`;
const page = (html = HTML, status = 200) => ({ kind: "APP_PAGE", html, rscData: Buffer.from("0:{}"), headers: { "x-next-cache-tags": "_N_T_/layout" }, postponed: undefined, status, segmentData: new Map() });
const fresh = { cacheControl: { revalidate: 3600 } };

async function store(key: string, data: Record<string, unknown>, ctx = fresh) {
  const handler = new PageCacheHandler();
  await handler.get(key);
  await handler.set(key, data, ctx);
}

const get = (pathname: string, headers: Record<string, string> = {}, search = "") => cachedPageAnswer({ method: "GET", pathname, search, headers });

afterEach(() => vi.useRealTimers());

describe("cached pages served by the front door", () => {
  it("serves a stored page with its script policy, an ETag, a 304 for it, and gzip when asked", async () => {
    invalidatePages("test");
    await store(pageKey("/_"), page());
    const answer = get("/");
    expect(answer?.status).toBe(200);
    expect(String(answer?.body)).toBe(HTML);
    const headers = answer?.headers ?? {};
    expect(headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
    expect(headers["cache-control"]).toMatch(/^public, /);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["x-next-cache-tags"]).toBeUndefined();
    expect(headers.etag).toMatch(/^".+"$/);

    const again = get("/", { "if-none-match": headers.etag ?? "" });
    expect(again).toMatchObject({ status: 304, body: "" });

    const zipped = get("/", { "accept-encoding": "br, gzip;q=0.8" });
    expect(zipped?.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped?.body as Buffer).toString()).toBe(HTML);
    expect(zipped?.headers["content-length"]).toBe(String((zipped?.body as Buffer).length));
  });

  it("finds each language's page under its own path", async () => {
    invalidatePages("test");
    await store(pageKey("/_/jobs/a-job"), page("<p>en</p><script>(self.__next_f=self.__next_f||[]).push([0])</script>"));
    await store(pageKey("/de/jobs/a-job"), page("<p>de</p><script>(self.__next_f=self.__next_f||[]).push([0])</script>"));
    expect(String(get("/jobs/a-job")?.body)).toContain("<p>en</p>");
    expect(String(get("/de/jobs/a-job")?.body)).toContain("<p>de</p>");
    expect(get("/fr/jobs/a-job")).toBeNull();
  });

  it("leaves to Next a router request, a filtered listing, another method, an odd path, an error page and a page after a change", async () => {
    invalidatePages("test");
    await store(pageKey("/_"), page());
    expect(get("/")).not.toBeNull();
    expect(get("/", { rsc: "1" })).toBeNull();
    expect(get("/", { "next-router-prefetch": "1" })).toBeNull();
    expect(get("/", {}, "?q=store")).toBeNull();
    expect(get("/", {}, "?department=")).toBeNull();
    expect(cachedPageAnswer({ method: "POST", pathname: "/", search: "", headers: {} })).toBeNull();
    expect(get("/%6Aobs/a-job")).toBeNull();
    expect(get("/admin")).toBeNull();

    await store(pageKey("/_/jobs/gone"), page(undefined, 404));
    expect(get("/jobs/gone")).toBeNull();

    invalidatePages("the job list changed");
    expect(get("/")).toBeNull();
  });

  it("leaves to Next a page past the lifetime Next gave it, and sends every page with a script policy", async () => {
    invalidatePages("test");
    await store(pageKey("/_"), page());
    vi.useFakeTimers({ now: Date.now() + 3601_000 });
    expect(get("/")).toBeNull();
    vi.useRealTimers();
    // Script tags of no known shape are left out of the policy, but the policy is still there:
    // what has no policy at all is an entry the handler did not write, and is never served.
    await store(pageKey("/_/jobs/b-job"), { ...page(), kind: "APP_PAGE", html: "<p>x</p>" });
    expect(get("/jobs/b-job")?.headers["content-security-policy"]).toBeTruthy();
  });

  it("serves a cached feed with its own content type, and never a feed entry of another method", async () => {
    invalidatePages("test");
    const feed = { kind: "APP_ROUTE", body: Buffer.from('[{"title":"Retail assistant"}]'), status: 200, headers: { "content-type": "application/json", "access-control-allow-origin": "*", "x-next-cache-tags": "t" } };
    await store(routeKey("/_/jobs.json"), feed);
    const answer = get("/jobs.json");
    expect(answer?.headers["content-type"]).toBe("application/json");
    expect(answer?.headers["access-control-allow-origin"]).toBe("*");
    expect(answer?.headers["content-security-policy"]).toBeUndefined();
    expect(String(answer?.body)).toBe('[{"title":"Retail assistant"}]');

    await store(routeKey("/sitemap.xml"), { ...feed, body: Buffer.from("<urlset/>"), headers: { "content-type": "application/xml" } });
    expect(String(get("/sitemap.xml")?.body)).toBe("<urlset/>");

    await store(routeKey("/de/jobs.json"), { ...feed, status: 405 });
    expect(get("/de/jobs.json")).toBeNull();
  });
});
