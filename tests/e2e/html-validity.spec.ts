// Every page type is valid HTML, checked by html-validate's "standard" rules (what the HTML
// standard requires, not a style). The pages are found on disk, so a new one is covered without
// touching this file: every page under app/[locale] in the default language and in German,
// every admin page signed in, and the admin's sign-in pages.
import { expect, test } from "@playwright/test";
import { HtmlValidate, type Message } from "html-validate";
import { logIn } from "./admin-support";
import { appRoutes, dynamicName, isGroup } from "./app-routes";
import { openEmulatorJobs } from "./support";

const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/**
 * Next.js (16) answers a notFound() thrown while a page rendered on demand is being prepared with
 * a bare document (`<html id="__next_error__">`, no lang, no title) that its script fills in
 * (vercel/next.js#62228, #95613). Those two rules are waived for that document only; every other
 * rule still holds for it.
 */
const waivedInNextErrorShell = (m: Message) =>
  (m.ruleId === "element-required-attributes" && m.message.includes('"lang"')) || (m.ruleId === "element-required-content" && m.message.includes("<title>"));

async function problems(html: string, url: string): Promise<string[]> {
  const report = await validator.validateString(html, url);
  const errorShell = html.includes('<html id="__next_error__"');
  const waived = (m: Message) => errorShell && waivedInNextErrorShell(m);
  return report.results.flatMap((r) => r.messages).filter((m) => !waived(m)).map((m) => `${url}: ${m.ruleId}: ${m.message} (${m.selector ?? ""})`);
}

test("every page type is valid HTML, in two languages and signed in", async ({ page }) => {
  test.setTimeout(120_000);
  const job = (await openEmulatorJobs())[0]!;
  const fill: Record<string, string> = { slug: job.unique_slug, uuid: job.uuid, code: "no-such-link" };
  const urls = new Set<string>();
  for (const { segments } of appRoutes().filter((r) => r.kind === "page")) {
    const parts = segments.filter((s) => !isGroup(s));
    const path = (locale: string) =>
      `/${parts
        .map((s) => (s === "[locale]" ? locale : (dynamicName(s) ?? s)))
        .map((s) => fill[s] ?? s)
        .filter(Boolean)
        .join("/")}`;
    if (parts[0] !== "[locale]") urls.add(path(""));
    // The filtered listing: /search is where /?q=… is rewritten to.
    else if (parts[1] === "search") ["/?q=store", "/de?q=store"].forEach((u) => urls.add(u));
    else ["", "de"].forEach((l) => urls.add(path(l)));
  }
  // A page that is not there, in both kinds of place.
  urls.add(`/jobs/no-such-job`);
  urls.add(`/no-such-page`);
  expect(urls.size).toBeGreaterThan(20);

  await logIn(page);
  const found: string[] = [];
  for (const url of urls) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBeLessThan(500);
    if (!(res.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    found.push(...(await problems(await res.text(), url)));
  }
  expect(found).toEqual([]);
});
