// What HR can change, validated with zod on the server (and in the editor as they type).
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const SOCIAL_SLOTS = 4;

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(500, { error: `${label} can be at most 500 characters` })
    .refine((v) => v === "" || /^https?:\/\/[^\s]+\.[^\s]+/i.test(v), { error: `${label} must start with https:// (or http://)` });

const words = (max: number, label: string, required = false) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} can be at most ${max} characters` })
    .refine((v) => !required || v.length > 0, { error: `Enter the ${label.toLowerCase()}` });

const color = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: `${label} must be a colour like #14532d` })
    .transform((v) => v.toLowerCase());

/** How to reach the company about accessibility: an email address or a web page. */
const contact = (label: string) =>
  z
    .string()
    .trim()
    .max(320, { error: `${label} can be at most 320 characters` })
    .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || /^https?:\/\/[^\s]+\.[^\s]+/i.test(v), {
      error: `${label} must be an email address or a web address starting with https://`,
    });

/** The text fields of the editor (images are handled on their own). */
export const brandingFieldsSchema = z.object({
  companyName: words(80, "Company name"),
  siteTitle: words(80, "Site title"),
  heroHeadline: words(120, "Headline", true),
  heroIntro: words(400, "Introduction"),
  about: words(2000, "About us"),
  primaryColor: color("Primary colour"),
  accentColor: color("Accent colour"),
  privacyPolicyUrl: httpUrl("The privacy policy address"),
  accessibilityContact: contact("The accessibility contact"),
  sourceName: words(80, "Source name"),
  footerText: words(300, "Footer text"),
  socialLinks: z
    .array(z.object({ label: words(30, "Link label"), url: httpUrl("The link") }))
    .max(SOCIAL_SLOTS)
    .superRefine((links, ctx) => {
      links.forEach((link, i) => {
        if (link.url && !link.label) ctx.addIssue({ code: "custom", path: [i, "label"], message: "Give this link a label, like LinkedIn" });
        if (link.label && !link.url) ctx.addIssue({ code: "custom", path: [i, "url"], message: "Add the link's address" });
      });
    }),
});

/** The headline and introduction in one language other than the default (blank: the catalog's). */
const localizedTexts = z.object({ heroHeadline: words(120, "Headline"), heroIntro: words(400, "Introduction") });

/** Which languages are on offer, the default (unprefixed URLs), and the texts written per language. */
export const languageFieldsSchema = z
  .object({
    languages: z.array(z.enum(LOCALES)).min(1, { error: "Offer at least one language" }),
    defaultLanguage: z.enum(LOCALES, { error: "Choose the default language" }),
    translations: z.partialRecord(z.enum(LOCALES), localizedTexts),
  })
  .refine((v) => v.languages.includes(v.defaultLanguage), {
    path: ["defaultLanguage"],
    error: "The default language must be one of the languages on offer",
  });

export type LanguageFields = z.infer<typeof languageFieldsSchema>;

export const DEFAULT_LANGUAGE_FIELDS: LanguageFields = { languages: [...LOCALES], defaultLanguage: "en", translations: {} };

export type BrandingFields = z.infer<typeof brandingFieldsSchema>;

export const IMAGE_FIELDS = ["logo", "favicon", "heroImage"] as const;
export type ImageField = (typeof IMAGE_FIELDS)[number];

/** A saved version: the text fields, and images by content hash. */
export const storedBrandingSchema = brandingFieldsSchema.extend({
  // Added after the first releases: versions saved before it have none.
  accessibilityContact: contact("The accessibility contact").default(""),
  // Added with the translations: versions saved before them offer every language, English first.
  languages: z.array(z.enum(LOCALES)).min(1).default([...LOCALES]),
  defaultLanguage: z.enum(LOCALES).default("en"),
  translations: z.partialRecord(z.enum(LOCALES), localizedTexts).default({}),
  logo: z.string().nullable(),
  favicon: z.string().nullable(),
  heroImage: z.string().nullable(),
});

export type StoredBranding = z.infer<typeof storedBrandingSchema>;

export const IMAGE_LIMITS: Record<ImageField, { label: string; maxBytes: number }> = {
  logo: { label: "Logo", maxBytes: 1024 * 1024 },
  favicon: { label: "Favicon", maxBytes: 256 * 1024 },
  heroImage: { label: "Hero image", maxBytes: 3 * 1024 * 1024 },
};

export const DEFAULT_STORED_BRANDING: StoredBranding = {
  companyName: "",
  siteTitle: "",
  heroHeadline: "Find your next role with us",
  heroIntro: "Browse our open positions and apply in a couple of minutes. Every application is read by a person.",
  about: "",
  primaryColor: "#14532d",
  accentColor: "#b45309",
  privacyPolicyUrl: "",
  accessibilityContact: "",
  sourceName: "",
  footerText: "",
  socialLinks: [],
  ...DEFAULT_LANGUAGE_FIELDS,
  logo: null,
  favicon: null,
  heroImage: null,
};
