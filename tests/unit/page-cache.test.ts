// The script policy of a cached page (lib/page-cache/cache-handler.mjs): the hashes of the
// framework's own inline scripts, by their exact shape, and nothing else, whatever got into the HTML.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isFrameworkScript, scriptPolicyFor } from "@/lib/page-cache/cache-handler.mjs";

const hash = (code: string) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;

const BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[3975,[\\"static/chunks/a.js\\"],\\"default\\"]\\n"])';
const CHUNKS = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/29jh.js","static/chunks/a-b_c.js"],"runtimeModuleIds":[94553]});';

describe("a cached page's script policy", () => {
  it("hashes the framework's inline scripts: the flight data, its bootstrap and the chunk list", () => {
    for (const code of [BOOTSTRAP, FLIGHT, CHUNKS]) expect(isFrameworkScript(code), code).toBe(true);
    const html = `<html><head><script src="/_next/static/chunks/x.js"></script><script id="_R_">${CHUNKS}</script></head><body><script>${BOOTSTRAP}</script><script>${FLIGHT}</script><script type="application/ld+json">{"@type":"JobPosting"}</script></body></html>`;
    expect(scriptPolicyFor(html).split(" ").sort()).toEqual([hash(BOOTSTRAP), hash(FLIGHT), hash(CHUNKS)].sort());
  });

  it("leaves out any other inline script, even one dressed as the framework's, and reports it", () => {
    const foreign = [
      "alert(document.cookie)",
      `${FLIGHT};alert(1)`,
      'self.__next_f.push([1,"a"]);fetch("//evil.example")',
      'self.__next_f.push([1,"a"+alert(1)+"b"])',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[],"runtimeModuleIds":[1]});alert(1)',
    ];
    const seen: string[] = [];
    const policy = scriptPolicyFor(`${foreign.map((code) => `<script>${code}</script>`).join("")}<script>${BOOTSTRAP}</script>`, (code) => seen.push(code));
    expect(policy).toBe(hash(BOOTSTRAP));
    expect(seen).toEqual(foreign);
  });
});
