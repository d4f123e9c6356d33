// The branding editor's form, both sides: FormData ↔ fields, and the state the save returns.
import { SOCIAL_SLOTS, type BrandingFields } from "./schema";

export type BrandingFormState = {
  status: "idle" | "saved" | "invalid" | "stale" | "refused" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The version the form now stands on (send it with the next save). */
  baseVersion: number;
};

export const TEXT_FIELDS = [
  "companyName",
  "siteTitle",
  "heroHeadline",
  "heroIntro",
  "about",
  "primaryColor",
  "accentColor",
  "privacyPolicyUrl",
  "accessibilityContact",
  "sourceName",
  "footerText",
] as const;

export const socialField = (i: number, part: "label" | "url") => `socialLinks.${i}.${part}`;

/** The editor's fields from a submitted form (names as react-hook-form writes them). */
export function fieldsFromForm(formData: FormData): Record<keyof BrandingFields, unknown> {
  const get = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const links = Array.from({ length: SOCIAL_SLOTS }, (_, i) => ({ label: get(socialField(i, "label")), url: get(socialField(i, "url")) })).filter(
    (l) => l.label.trim() || l.url.trim(),
  );
  return { ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, get(f)])) as Record<(typeof TEXT_FIELDS)[number], string>), socialLinks: links };
}
