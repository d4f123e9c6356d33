// What the widget (./widget.ts, served as /embed.js) and the iframe page (app/[locale]/embed)
// share: the options a host page gives, which jobs they pick from /jobs.json, the links (tagged
// utm_source=embed, which insights count), and the look, in the site's brand colours. Runs in
// the browser and on the server: no imports.

/** A job as /jobs.json lists it (lib/site/feeds.ts), the fields shown here. */
export type EmbedJob = {
  title: string;
  url: string;
  department: string | null;
  location: string | null;
  countryCode: string | null;
  workplace: string | null;
  employment: string | null;
};

/** /jobs.json's `widget` part: the brand colours and the words, in the feed's language. */
export type EmbedLook = { primaryColor: string; primaryText: string; heading: string; allJobs: string; noJobs: string; unavailable: string };

export type EmbedFeed = { site: string; jobs: EmbedJob[]; widget: EmbedLook };

/** The host's choices: data-department, data-country, data-workplace, data-limit, data-lang (or the iframe's query). */
export type EmbedOptions = { department?: string; country?: string; workplace?: string; limit?: number; lang?: string };

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

const same = (a: string | null | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

/** The options from attributes or query values, cleaned: unknown or empty ones dropped, the limit kept in 1..50. */
export function embedOptions(read: (name: string) => string | null | undefined): EmbedOptions {
  const text = (name: string) => {
    const v = read(name)?.trim();
    return v ? v.slice(0, 100) : undefined;
  };
  const limit = Number.parseInt(read("limit") ?? "", 10);
  const lang = text("lang")?.toLowerCase();
  return {
    department: text("department"),
    country: text("country"),
    workplace: text("workplace")?.toLowerCase(),
    limit: Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : undefined,
    lang: lang && /^[a-z]{2}$/.test(lang) ? lang : undefined,
  };
}

/** The jobs a host asked for: by department (its name), country (ISO code or name) and workplace (remote, hybrid, on-site). */
export function pickJobs(jobs: readonly EmbedJob[], options: EmbedOptions): { shown: EmbedJob[]; matching: number } {
  const matching = jobs.filter(
    (j) =>
      (!options.department || same(j.department, options.department)) &&
      (!options.country || same(j.countryCode, options.country) || (j.location ?? "").toLowerCase().includes(options.country.toLowerCase())) &&
      (!options.workplace || same(j.workplace, options.workplace)),
  );
  return { shown: matching.slice(0, options.limit ?? DEFAULT_LIMIT), matching: matching.length };
}

/** A link from the widget or the iframe to the careers site, tagged so insights count it. */
export function embedHref(url: string, medium: "widget" | "iframe"): string {
  const u = new URL(url);
  u.searchParams.set("utm_source", "embed");
  u.searchParams.set("utm_medium", medium);
  return u.toString();
}

/** A job's one line under its title: department, place, hours. */
export const jobFacts = (j: EmbedJob) => [j.department, j.location, j.employment].filter(Boolean).join(" · ");

/** The widget's and the iframe's styles: the host's font, the brand's colour, a visible focus ring. */
export function embedCss(look: Pick<EmbedLook, "primaryColor" | "primaryText">, root: ":host" | "body"): string {
  const colour = /^#[0-9a-f]{3,8}$/i.test(look.primaryColor) ? look.primaryColor : "#1d4ed8";
  const text = /^#[0-9a-f]{3,8}$/i.test(look.primaryText) ? look.primaryText : "#ffffff";
  return `${root}{display:block;font:inherit;color:inherit;--careers-brand:${colour};--careers-on-brand:${text}}
${root === "body" ? "body{margin:0;padding:4px;font-family:system-ui,sans-serif;color:#0f172a;background:transparent}" : ""}
h2{font-size:1.25em;margin:0 0 .5em}
ul{list-style:none;margin:0;padding:0}
li{padding:.75em 0;border-bottom:1px solid rgba(100,116,139,.3)}
a{color:var(--careers-brand);font-weight:600;text-decoration:underline;text-underline-offset:2px}
a:focus-visible{outline:3px solid var(--careers-brand);outline-offset:2px;border-radius:2px}
p{margin:.25em 0 0;font-size:.9em;opacity:.85}
.all{display:inline-block;margin-top:1em;padding:.6em 1em;border-radius:.375em;background:var(--careers-brand);color:var(--careers-on-brand);text-decoration:none}
.all:focus-visible{outline-color:currentColor;outline-offset:-5px}`;
}
