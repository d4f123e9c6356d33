// The contact details a CV's text holds, for filling in the application form's empty fields:
// name, email, phone, LinkedIn address, city and country. Extraction only: nothing here judges,
// scores or ranks a candidate. The text comes from ./text.ts as lines (a PDF's lines split
// where its columns part; a Word file's paragraphs, headers and footers), plus the lines set in
// the largest type on the first page, where a CV's name usually is.
//
// Phone numbers are found by libphonenumber-js (Google's libphonenumber metadata: what is a
// valid number in which country), never by a pattern of digits, so dates and postcodes are not
// taken for numbers.
import { findPhoneNumbersInText, type CountryCode as PhoneCountry } from "libphonenumber-js/max";
import { COUNTRY_CODES, type CountryCode } from "@/lib/applications/countries";
import type { CvFields } from "./shape";

export { CV_FIELDS, type CvField, type CvFields } from "./shape";
export type CvText = { lines: string[]; largest: string[] };

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/i;
const LINKEDIN = /(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/([A-Za-z0-9\-_%.]+)/i;
/** Labels that may precede a value on its line ("E-Mail: …", "Téléphone : …"). */
const LABEL = /^\s*(?:name|nom|nombre|e-?mail|courriel|correo(?: electrónico)?|phone|mobile|tel(?:efon|éfono|éphone)?\.?|handy|móvil|portable|address|adresse|anschrift|wohnort|dirección|domicilio|location|lieu|ort|ubicación|city|ville|stadt|ciudad)\s*:\s*/i;
/** Words that head a CV or a section, never a person's name. */
const NOT_A_NAME = new Set(
  "curriculum vitae cv resume résumé lebenslauf profile profil perfil contact kontakt contacto experience erfahrung expérience experiencia berufserfahrung education ausbildung formation formación skills kenntnisse compétences habilidades languages sprachen langues idiomas summary about me über mich sobre mí à propos personal details persönliche daten datos personales informations personnelles"
    .split(" "),
);
const NAME_TOKEN = /^[\p{Lu}][\p{L}'’.-]*$/u;
const PARTICLES = new Set(["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "y", "zu"]);
/** Spanish CVs: a person's two surnames follow one given name more often than not. */
const SPANISH = /\b(?:experiencia|formación|teléfono|idiomas|habilidades|sobre mí|datos personales)\b/i;

const COUNTRY_NAMES = (() => {
  const names = new Map<string, CountryCode>();
  for (const locale of ["en", "de", "fr", "es"]) {
    const display = new Intl.DisplayNames([locale], { type: "region" });
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (name && name !== code) names.set(name.toLowerCase(), code);
    }
  }
  for (const [name, code] of [["uk", "GB"], ["england", "GB"], ["scotland", "GB"], ["usa", "US"], ["u.s.a.", "US"], ["united states of america", "US"], ["holland", "NL"], ["great britain", "GB"]] as const) names.set(name, code);
  // Longest first, so "United States" wins over "States" in "United States of America".
  return [...names.entries()].sort((a, b) => b[0].length - a[0].length);
})();

const clean = (line: string) => line.replace(/\s+/g, " ").trim();
const withoutLabel = (line: string) => clean(line).replace(LABEL, "");

function findCountry(line: string): { code: CountryCode; at: number; length: number } | null {
  const lower = line.toLowerCase();
  for (const [name, code] of COUNTRY_NAMES) {
    const at = lower.indexOf(name);
    if (at < 0) continue;
    const before = at === 0 ? " " : lower[at - 1]!;
    const after = lower[at + name.length] ?? " ";
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    return { code, at, length: name.length };
  }
  return null;
}

/** "10115 Berlin, Germany" → Berlin; "Calle Mayor 5, 28013 Madrid, España" → Madrid. */
function cityBefore(text: string): string | null {
  const parts = text
    .split(/[,·|•(]/)
    .map((part) => part.replace(/\b[\p{L}]*\d[\p{L}\d-]*\b/gu, " ").replace(/[–—-]\s*$/, ""))
    .map(clean)
    .filter(Boolean);
  const last = parts.at(-1);
  return last && /^[\p{L}][\p{L}' .-]{1,40}$/u.test(last) && last.split(" ").length <= 4 ? last : null;
}

function nameOf(line: string): string[] | null {
  const text = withoutLabel(line).replace(/[,|·•].*$/, "").trim();
  const tokens = text.split(" ");
  if (tokens.length < 2 || tokens.length > 5) return null;
  if (NOT_A_NAME.has(text.toLowerCase()) || tokens.some((token) => NOT_A_NAME.has(token.toLowerCase()))) return null;
  if (!tokens.every((token) => NAME_TOKEN.test(token) || PARTICLES.has(token))) return null;
  if (text === text.toUpperCase() && tokens.length > 3) return null;
  return tokens;
}

function splitName(tokens: string[], spanish: boolean): { firstName: string; lastName: string } {
  const particle = tokens.findIndex((token, i) => i > 0 && PARTICLES.has(token.toLowerCase()));
  const split = particle > 0 ? particle : tokens.length === 2 ? 1 : spanish ? 1 : tokens.length - 1;
  const proper = (token: string) => (token === token.toUpperCase() && token.length > 1 ? token[0] + token.slice(1).toLowerCase() : token);
  return { firstName: tokens.slice(0, split).map(proper).join(" "), lastName: tokens.slice(split).map(proper).join(" ") };
}

/** A line's parts: "email · phone · place" is three. */
const partsOf = (line: string) => line.split(/\s+[·|•]\s+/).map(clean).filter(Boolean);
/** Years and year ranges are never phone numbers (libphonenumber would take "2013 – 2017" for one). */
const withoutYears = (text: string) => text.replace(/\b(?:19|20)\d{2}\b/g, " ");
const PHONE_LABEL = /^\s*(?:phone|mobile|tel|handy|móvil|portable)/i;

type Part = { text: string; line: number };

export function fieldsFromText({ lines: given, largest }: CvText): CvFields {
  const lines = given.map(clean).filter(Boolean);
  const all = lines.join("\n");
  const fields: CvFields = {};
  const email = EMAIL.exec(all)?.[0];
  if (email) fields.email = email.toLowerCase();
  const linkedin = LINKEDIN.exec(all)?.[1];
  if (linkedin) fields.linkedin = `https://www.linkedin.com/in/${linkedin.replace(/[.]+$/, "")}`;

  // Contact details sit together: parts are tried nearest the email address (or the LinkedIn
  // address, or a phone label) first.
  const anchors = lines.flatMap((line, i) => (EMAIL.test(line) || LINKEDIN.test(line) || PHONE_LABEL.test(line) ? [i] : []));
  const distance = (i: number) => (anchors.length ? Math.min(...anchors.map((a) => Math.abs(a - i))) : i);
  const parts: Part[] = lines.flatMap((line, i) => partsOf(line).map((text) => ({ text, line: i })));
  const byNearness = [...parts].sort((a, b) => distance(a.line) - distance(b.line) || a.line - b.line);

  // The country, and the city before it, from an address-like part near the contact details.
  for (const part of byNearness) {
    if (distance(part.line) > 4 && part.line > 12) break;
    const text = withoutLabel(part.text);
    if (text.length > 80 || EMAIL.test(text) || LINKEDIN.test(text)) continue;
    const found = findCountry(text);
    if (!found) continue;
    fields.country = found.code;
    const previous = parts[parts.indexOf(part) - 1];
    const city = cityBefore(text.slice(0, found.at)) ?? (found.at === 0 && previous ? cityBefore(withoutLabel(previous.text)) : null);
    if (city) fields.city = city;
    break;
  }

  // The phone: a labelled or mostly-digits part first, then by nearness.
  const phoneLike = (text: string) => PHONE_LABEL.test(text) || /^[+()\d\s./-]{7,}$/.test(text);
  const phoneOrder = [...byNearness].sort((a, b) => Number(!phoneLike(a.text)) - Number(!phoneLike(b.text)));
  for (const part of phoneOrder) {
    if (EMAIL.test(part.text) || LINKEDIN.test(part.text)) continue;
    const found = findPhoneNumbersInText(withoutYears(withoutLabel(part.text)), { defaultCountry: fields.country as PhoneCountry | undefined });
    const number = found[0]?.number;
    if (number) {
      fields.phone = number.formatInternational();
      break;
    }
  }

  // The name: set in the largest type, else among the first lines; one whose words the email
  // address repeats is preferred.
  const local = (email ?? "").split("@")[0]!.toLowerCase();
  const named = [...largest, ...lines.slice(0, 15), ...lines.filter((_, i) => distance(i) <= 3)]
    .map((line) => nameOf(line))
    .filter((tokens): tokens is string[] => tokens !== null);
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const tokens = named.find((t) => t.some((token) => token.length > 2 && fold(local).includes(fold(token)))) ?? named[0];
  if (tokens) Object.assign(fields, splitName(tokens, SPANISH.test(all)));
  return fields;
}
