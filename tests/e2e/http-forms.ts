// Sending the site's server-rendered forms over plain HTTP, the way a browser without
// JavaScript does (GET the page, keep every hidden field, POST it as multipart): fast enough
// to push hundreds of hostile inputs through the real server actions.
const ENTITIES: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#39;": "'" };
const unescapeHtml = (s: string) => s.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (e) => ENTITIES[e] ?? e);

export type FormReply = { status: number; location: string; html: string };

/**
 * The hidden fields (its server action's among them) of a page's first form, or of the first
 * form holding a field named `holding` (a page can carry several forms, each its own action).
 */
export async function hiddenFields(url: string, cookie = "", holding?: string): Promise<Map<string, string>> {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  const forms = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]);
  const form = (holding ? forms.find((f) => f.includes(`name="${holding}"`)) : forms[0]) ?? "";
  const fields = new Map<string, string>();
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) fields.set(unescapeHtml(m[1] ?? ""), unescapeHtml(m[2] ?? ""));
  return fields;
}

/** Posts a page's form with `fields` added to its hidden ones. */
export async function postForm(url: string, fields: Record<string, string | Blob>, cookie = "", hidden?: Map<string, string>): Promise<FormReply> {
  const form = new FormData();
  for (const [name, value] of hidden ?? (await hiddenFields(url, cookie))) form.set(name, value);
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(name, value);
    else form.set(name, value, (value as File).name ?? "file.bin");
  }
  const origin = new URL(url).origin;
  const res = await fetch(url, { method: "POST", body: form, redirect: "manual", headers: { Origin: origin, ...(cookie ? { cookie } : {}) } });
  return { status: res.status, location: res.headers.get("location") ?? "", html: await res.text() };
}

/** The text of an element by id in a page, tags removed. */
export function textOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return "";
  const open = html.indexOf(">", start);
  const close = html.indexOf("</", open);
  return html.slice(open + 1, close).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}

/** The cookies a Set-Cookie list sets (not those it deletes), as a Cookie header. */
export function cookieFrom(setCookies: string[]): string {
  return setCookies
    .filter((c) => !/max-age=0|expires=thu, 01 jan 1970/i.test(c))
    .map((c) => c.split(";")[0] ?? "")
    .filter((pair) => pair && !pair.endsWith("="))
    .join("; ");
}
