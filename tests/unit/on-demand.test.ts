// A cached page's runtime held for later (lib/on-demand/defer.mjs), on the tags Next.js 16
// writes (copied from a built listing page), and the views the boot script counts.
import { describe, expect, it } from "vitest";
import { countedView } from "@/lib/insights/client";
import { BOOT_SCRIPT, deferRuntime } from "@/lib/on-demand/defer.mjs";

const CHUNK_TAGS = ["085_ss_6fo-bx", "34ookwui_8bpc", "turbopack-077hmtqrhcoji", "3nd0e-k5hxqgc"].map((name) => `<script src="/_next/static/chunks/${name}.js" async=""></script>`);
const PRELOAD = '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/3nd0e-k5hxqgc.js"/>';
const POLYFILLS = '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>';
const FLIGHT = '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>';
const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/0ly6qgiwilurt.css" data-precedence="next"/>${head}</head><body><main><a href="/jobs/x">A job</a></main>${body}</body></html>`;

describe("a cached page's runtime, held until the visitor engages", () => {
  const rendered = page(`${PRELOAD}${CHUNK_TAGS.slice(0, 3).join("")}`, `${POLYFILLS}${CHUNK_TAGS[3]}${FLIGHT}`);
  const held = deferRuntime(rendered);

  it("moves every chunk script into one inert template at the end of the body, in order, after the script that loads them, and drops their preloads", () => {
    expect(held).toContain(`${BOOT_SCRIPT}<template data-runtime>${CHUNK_TAGS.join("")}</template></body></html>`);
    expect(BOOT_SCRIPT).toBe('<script src="/boot.js" async=""></script>');
    expect(held.replace(/<template data-runtime>[\s\S]*<\/template>/, "")).not.toContain("/_next/static/chunks/085_ss_6fo-bx.js");
    expect(held).not.toContain('rel="preload" as="script"');
  });

  it("keeps the rest as it was: the styles, the polyfills for old browsers, the inline flight data", () => {
    for (const kept of ['<link rel="stylesheet" href="/_next/static/chunks/0ly6qgiwilurt.css" data-precedence="next"/>', POLYFILLS, FLIGHT, '<a href="/jobs/x">A job</a>']) {
      expect(held).toContain(kept);
    }
    expect(held.replace(BOOT_SCRIPT, "").replace(/<template data-runtime>[\s\S]*<\/template>/, "")).toBe(rendered.replace(PRELOAD, "").replace(/<script src="\/_next\/static\/chunks\/[^"]+" async=""><\/script>/g, ""));
  });

  it("is the same page when applied twice, and leaves a page without a runtime alone", () => {
    expect(deferRuntime(held)).toBe(held);
    const plain = page("", "<p>No script</p>");
    expect(deferRuntime(plain)).toBe(plain);
  });
});

describe("the views a page counts", () => {
  it("counts the listing and job pages in every language as the same view, and nothing else", () => {
    expect(countedView("/")).toBe("/");
    expect(countedView("/de")).toBe("/");
    expect(countedView("/jobs/store-manager-1")).toBe("/jobs/store-manager-1");
    expect(countedView("/fr/jobs/store-manager-1")).toBe("/jobs/store-manager-1");
    for (const other of ["/jobs/x/apply", "/de/jobs/x/applied", "/admin", "/alerts/new", "/de/accessibility", "/xx/jobs/y"]) expect(countedView(other), other).toBeNull();
  });
});
