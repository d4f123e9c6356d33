// The message catalogs: every language has every key English has (and no other), every message
// is valid ICU in its language, and a language lacking a key fails here, naming the key.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import fr from "@/lib/i18n/messages/fr.json";
import { localizedPath, splitLocale, LOCALES } from "@/lib/i18n/locales";
import { detectLanguage } from "@/lib/jobs/language";
import { relativeDate, salaryLabel, whereLabel } from "@/lib/jobs/format";
import { languageEntry } from "@/lib/i18n/entry";
import { publishLanguages } from "@/lib/i18n/offered";
import { applicationSchema, type ApplicationFormDefinition } from "@/lib/applications/schema";
import { translator } from "@/lib/i18n/translator";
import type { Job } from "@/lib/jobs/types";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message takes ({company}, {count, plural, …}), so translations keep them. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

const reference = leaves(en);
const catalogs = { de, fr, es } as Record<string, Tree>;

describe("message catalogs", () => {
  it("have a catalog for every language the site offers", () => {
    expect(Object.keys({ en, ...catalogs }).sort()).toEqual([...LOCALES].sort());
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale} has every key English has, and no other`, () => {
      const keys = leaves(catalog);
      expect([...reference.keys()].filter((k) => !keys.has(k)), `missing in ${locale}`).toEqual([]);
      expect([...keys.keys()].filter((k) => !reference.has(k)), `unknown in ${locale}`).toEqual([]);
    });

    it(`${locale}'s messages are valid ICU, take the same arguments as English, and are translated`, () => {
      const keys = leaves(catalog);
      for (const [key, message] of keys) {
        expect(() => new IntlMessageFormat(message, locale, undefined, { ignoreTag: false }), `${locale} ${key}`).not.toThrow();
        expect(argumentsOf(message), `${locale} ${key}`).toEqual(argumentsOf(reference.get(key)!));
        expect(message.trim(), `${locale} ${key} is empty`).not.toBe("");
      }
      // Copying English is not translating: most messages must differ (names like "Hybrid" or "Links" may not).
      const same = [...keys].filter(([key, message]) => message === reference.get(key));
      expect(same.length / keys.size, `${locale} repeats English in ${same.map(([k]) => k).join(", ")}`).toBeLessThan(0.05);
    });
  }

  it("fails when a language lacks a key", () => {
    const withoutOne = structuredClone(de) as Tree;
    delete (withoutOne.hero as Tree).openCount;
    const broken = leaves(withoutOne);
    expect([...reference.keys()].filter((k) => !broken.has(k))).toEqual(["hero.openCount"]);
  });
});

describe("localized paths", () => {
  it("put the language before the path, except the default's", () => {
    expect(localizedPath("de", "en", "/jobs/x")).toBe("/de/jobs/x");
    expect(localizedPath("de", "en", "/")).toBe("/de");
    expect(localizedPath("en", "en", "/jobs/x")).toBe("/jobs/x");
    expect(localizedPath("en", "de", "/")).toBe("/en");
    expect(splitLocale("/de/jobs/x")).toEqual({ locale: "de", path: "/jobs/x" });
    expect(splitLocale("/de")).toEqual({ locale: "de", path: "/" });
    expect(splitLocale("/deutsch")).toEqual({ locale: null, path: "/deutsch" });
    expect(splitLocale("/jobs/de")).toEqual({ locale: null, path: "/jobs/de" });
  });
});

describe("first visit in the visitor's language", () => {
  const visit = (pathname: string, headers: Record<string, string>, search = "") => languageEntry({ pathname, search, headers });

  it("sends a German browser's first visit to the German page once, and remembers it", () => {
    publishLanguages({ offered: ["en", "de", "fr", "es"], defaultLocale: "en" });
    const answer = visit("/jobs/store-manager", { "accept-language": "de-DE,de;q=0.9,en;q=0.8" }, "?utm_source=x");
    expect(answer?.status).toBe(307);
    expect(answer?.headers.Location).toBe("/de/jobs/store-manager?utm_source=x");
    expect(answer?.headers["Set-Cookie"]).toMatch(/^NEXT_LOCALE=de; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    expect(answer?.headers["Cache-Control"]).toBe("private, no-store");
    expect(visit("/", { "accept-language": "fr-CA,fr;q=0.9" })?.headers.Location).toBe("/fr");
  });

  it("never redirects a prefixed page, a chosen language, the default's browsers, crawlers, prefetches or non-pages", () => {
    publishLanguages({ offered: ["en", "de", "fr", "es"], defaultLocale: "en" });
    expect(visit("/de/jobs/x", { "accept-language": "fr" })).toBeNull();
    expect(visit("/jobs/x", { "accept-language": "de", cookie: "a=1; NEXT_LOCALE=en" })).toBeNull();
    expect(visit("/jobs/x", { "accept-language": "en-GB,en;q=0.9,de;q=0.5" })).toBeNull();
    expect(visit("/jobs/x", {})).toBeNull();
    expect(visit("/jobs/x", { "accept-language": "*" })).toBeNull();
    expect(visit("/jobs/x", { "accept-language": "de", "next-router-prefetch": "1" })).toBeNull();
    expect(visit("/jobs/x", { "accept-language": "de", "sec-purpose": "prefetch" })).toBeNull();
    expect(visit("/api/health", { "accept-language": "de" })).toBeNull();
    expect(visit("/admin", { "accept-language": "de" })).toBeNull();
    expect(visit("/jobs.rss", { "accept-language": "de" })).toBeNull();
    expect(visit("/jobs/x", { "accept-language": "ja,zh;q=0.5" })).toBeNull();
  });

  it("offers only HR's languages, from HR's default", () => {
    publishLanguages({ offered: ["de", "en"], defaultLocale: "de" });
    expect(visit("/", { "accept-language": "fr" })).toBeNull();
    expect(visit("/", { "accept-language": "de" })).toBeNull();
    expect(visit("/", { "accept-language": "en-US" })?.headers.Location).toBe("/en");
    publishLanguages({ offered: ["en"], defaultLocale: "en" });
    expect(visit("/", { "accept-language": "de" })).toBeNull();
  });
});

describe("formatting per language", () => {
  const job = { location: { city: "Berlin", region: "Berlin", country: "Germany", countryCode: "DE" }, workplace: "on-site" } as unknown as Job;
  it("names places, workplaces, salaries and dates in the page's language", () => {
    expect(whereLabel(job, "en")).toBe("Berlin, Germany · On-site");
    expect(whereLabel(job, "de")).toBe("Berlin, Deutschland · Vor Ort");
    expect(whereLabel(job, "fr")).toBe("Berlin, Allemagne · Sur site");
    const salary = { kind: "range", min: 48000, max: 56000, period: "year", label: null, details: null } as never;
    expect(salaryLabel(salary, "DE", "en")).toBe("€48,000 – €56,000 a year");
    expect(salaryLabel(salary, "DE", "de")).toBe("48.000\u00a0€ – 56.000\u00a0€ pro Jahr");
    expect(salaryLabel(salary, "DE", "es")).toBe("48.000\u00a0€ – 56.000\u00a0€ al año");
    const now = Date.parse("2026-11-30T12:00:00Z");
    expect(relativeDate("2026-11-27T12:00:00Z", now, "de")).toBe("vor 3 Tagen");
    expect(relativeDate("2026-11-30T10:00:00Z", now, "fr")).toBe("aujourd’hui");
  });

  it("counts with each language's plural rules", () => {
    expect(translator("en")("hero.openCount", { count: 1 })).toBe("1 open position");
    expect(translator("de")("hero.openCount", { count: 1 })).toBe("1 offene Stelle");
    expect(translator("de")("hero.openCount", { count: 1200 })).toBe("1.200 offene Stellen");
    expect(translator("fr")("hero.openCount", { count: 0 })).toBe("0 offre ouverte");
    expect(translator("es")("hero.openCount", { count: 2 })).toBe("2 ofertas abiertas");
  });
});

describe("the application form's errors", () => {
  const definition: ApplicationFormDefinition = {
    jobUuid: "j",
    jobSlug: "j",
    jobTitle: "J",
    requiresCv: false,
    optInJob: true,
    optInDatabase: false,
    questions: [],
    defaultCountry: null,
  };
  it("are in the form's language, with its field names", () => {
    const t = translator("de");
    const schema = applicationSchema(definition, (key, v) => t(`apply.errors.${key}`, v), de.apply.labels);
    const result = schema.safeParse({ firstName: "", lastName: "x".repeat(101), email: "nope", consentJob: "" });
    expect(result.success).toBe(false);
    const errors = result.error!.flatten().fieldErrors as Record<string, string[]>;
    expect(errors.firstName).toEqual(["Geben Sie Ihren Vornamen ein"]);
    expect(errors.lastName).toEqual(["Nachname darf höchstens 100 Zeichen lang sein"]);
    expect(errors.email).toEqual(["Geben Sie eine E-Mail-Adresse wie name@example.com ein"]);
    expect(errors.consentJob).toEqual(["Setzen Sie dieses Häkchen, damit wir Sie für diese Stelle berücksichtigen können"]);
  });
});

describe("a description's language", () => {
  it("is told for the emulator's German and English texts, and Portuguese beside Spanish; a fragment is left unmarked", () => {
    expect(detectLanguage("Wir suchen für unser Team in Berlin eine freundliche Verstärkung im Kundenservice. Du beantwortest Fragen unserer Kundinnen und Kunden am Telefon.")).toBe("de");
    expect(detectLanguage("We are looking for a Store Manager to join our team in Dublin. At Kestrel Outdoor we make gear for people who love being outside.")).toBe("en");
    expect(detectLanguage("Procuramos uma pessoa para a nossa equipa em Lisboa. Vais responder às perguntas dos nossos clientes por telefone e por correio eletrónico.")).toBe("pt");
    expect(detectLanguage("Buscamos una persona para nuestro equipo en Madrid. Responderás a las preguntas de nuestros clientes por teléfono y por correo electrónico.")).toBe("es");
    expect(detectLanguage("Barista wanted.")).toBeNull();
  });
});

describe("routing", () => {
  it("gives the proxy (per-request pages' nonce) every language's prefix, and each unprefixed page its prefixed twin", async () => {
    const { config } = await import("@/proxy");
    const sources = config.matcher.map((m) => m.source);
    const prefixed = sources.filter((s) => s.startsWith("/:locale"));
    expect(new Set(prefixed.map((s) => /^\/:locale\(([^)]*)\)/.exec(s)?.[1]))).toEqual(new Set([LOCALES.join("|")]));
    const pages = sources.filter((s) => !s.startsWith("/:locale") && !s.startsWith("/admin") && s !== "/r/:code");
    for (const page of pages) expect(prefixed, page).toContain(`/:locale(${LOCALES.join("|")})${page === "/" ? "" : page}`);
  });
});
