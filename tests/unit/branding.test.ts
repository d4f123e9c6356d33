import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/admin/passwords";
import { contrastProblems, contrastRatio, nearestPassingShade, textOn } from "@/lib/branding/colors";
import { storeImage } from "@/lib/branding/images";
import { brandingIn, resolveBranding } from "@/lib/branding";
import { saveLanguagesForm, translationField } from "@/lib/branding/languages";
import { DEFAULT_STORED_BRANDING } from "@/lib/branding/schema";
import { asServer } from "@/lib/admin/access";
import { saveAndPublish } from "@/lib/branding/save";
import { currentVersion, history, latestVersionId, saveVersion } from "@/lib/branding/store";
import { syncBrandingFromDatabase } from "@/lib/branding/sync";
import { database } from "@/lib/db";
import { pageGeneration } from "@/lib/page-cache";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { pixelFlood, png } from "../helpers/png";

describe("contrast", () => {
  it("measures WCAG ratios and picks readable text", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(textOn("#14532d")).toBe("#ffffff");
    expect(textOn("#fde68a")).toBe("#0f172a");
  });

  it("finds the nearest passing shade, keeping the hue", () => {
    const shade = nearestPassingShade("#ffcc00", "#ffffff", 4.5);
    expect(contrastRatio(shade, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(shade).toMatch(/^#[0-9a-f]{6}$/);
    expect(nearestPassingShade("#14532d", "#ffffff", 4.5)).toBe("#14532d");
  });

  it("reports the primary for text (4.5:1) and the accent for outlines (3:1)", () => {
    expect(contrastProblems("#14532d", "#b45309")).toEqual([]);
    const problems = contrastProblems("#ffd54f", "#fde68a");
    expect(problems.map((p) => p.field)).toEqual(["primaryColor", "accentColor"]);
    for (const p of problems) expect(contrastRatio(p.suggestion, "#ffffff")).toBeGreaterThanOrEqual(p.field === "primaryColor" ? 4.5 : 3);
  });
});

describe("passwords", () => {
  it("hashes with a salt and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).not.toBe(b);
    // OWASP ASVS 5.0: N = 2^17, r = 8, p = 1.
    expect(a.startsWith("scrypt$131072$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it("still verifies a hash made with the old parameters, and asks for it to be remade", async () => {
    // Made by the previous release (N = 2^15) for "correct horse battery".
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync("correct horse battery", salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    expect(await verifyPassword("correct horse battery", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    // Absurd stored parameters are refused rather than computed.
    expect(await verifyPassword("x", ["scrypt", 2 ** 30, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$"))).toBe(false);
  });
});

describe.each(DATABASES)("branding versions on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
  });

  it("keeps every save as a version with who and what changed", async () => {
    expect(await currentVersion()).toBeNull();
    const first = await saveVersion({ ...DEFAULT_STORED_BRANDING, companyName: "A" }, 0, "ann@example.com");
    expect(first).toMatchObject({ ok: true, version: { id: 1, createdBy: "ann@example.com", changes: ["companyName"] } });
    const second = await saveVersion({ ...DEFAULT_STORED_BRANDING, companyName: "A", primaryColor: "#1d4ed8" }, 1, "bob@example.com");
    expect(second).toMatchObject({ ok: true, version: { id: 2, changes: ["primaryColor"] } });
    expect((await asServer("unit test", () => history())).map((v) => v.id)).toEqual([2, 1]);
  });

  it("reads a version saved before the accessibility contact existed, losing nothing", async () => {
    const { accessibilityContact, ...older } = { ...DEFAULT_STORED_BRANDING, companyName: "Kestrel", primaryColor: "#1d4ed8" };
    expect(accessibilityContact).toBe("");
    const db = await database();
    await db.insertInto("branding_versions").values({ data: JSON.stringify(older), created_by: "ann@example.com", created_at: Date.now(), changes: "[]", note: null }).execute();
    expect((await currentVersion())?.data).toEqual({ ...older, accessibilityContact: "" });
  });

  it("reads a version saved before languages existed: all four on offer, English the default", async () => {
    const { languages, defaultLanguage, translations, ...older } = { ...DEFAULT_STORED_BRANDING, companyName: "Kestrel", heroHeadline: "Gear up" };
    expect([languages, defaultLanguage, translations]).toEqual([["en", "de", "fr", "es"], "en", {}]);
    const db = await database();
    await db.insertInto("branding_versions").values({ data: JSON.stringify(older), created_by: "ann@example.com", created_at: Date.now(), changes: "[]", note: null }).execute();
    expect((await currentVersion())?.data).toEqual({ ...older, languages: ["en", "de", "fr", "es"], defaultLanguage: "en", translations: {} });
  });

  it("saves HR's languages as a version, keeping the rest of the branding; refuses a default not on offer, and a stale form", async () => {
    await saveVersion({ ...DEFAULT_STORED_BRANDING, companyName: "Kestrel", heroHeadline: "Gear up" }, 0, "ann@example.com");
    const form = (fields: Record<string, string | string[]>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
      return data;
    };
    const wrong = await saveLanguagesForm(form({ baseVersion: "1", languages: ["en", "fr"], defaultLanguage: "de" }), "ann@example.com");
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { defaultLanguage: "The default language must be one of the languages on offer" } });
    expect(await saveLanguagesForm(form({ baseVersion: "1", defaultLanguage: "en" }), "ann@example.com")).toMatchObject({ ok: false, fieldErrors: { languages: "Offer at least one language" } });

    const saved = await saveLanguagesForm(
      form({ baseVersion: "1", languages: ["de", "en"], defaultLanguage: "de", [translationField("de", "heroHeadline")]: "Rüste dich aus", [translationField("en", "heroIntro")]: "" }),
      "ann@example.com",
    );
    expect(saved.ok).toBe(true);
    const data = (await currentVersion())!.data;
    expect(data).toMatchObject({ companyName: "Kestrel", heroHeadline: "Gear up", languages: ["de", "en"], defaultLanguage: "de" });
    expect(data.translations).toEqual({ de: { heroHeadline: "Rüste dich aus", heroIntro: "" } });
    expect(await saveLanguagesForm(form({ baseVersion: "1", languages: ["en"], defaultLanguage: "en" }), "bob@example.com")).toMatchObject({ ok: false, message: expect.stringContaining("Someone else saved") });
  });

  it("stores a real image, and refuses one whose header claims an absurd size without decoding it", async () => {
    const logo = new File([new Uint8Array(png(64, 32, [200, 30, 30]))], "logo.png", { type: "image/png" });
    expect(await storeImage("logo", logo)).toMatchObject({ ok: true, hash: expect.stringMatching(/^[a-f0-9]{64}$/) });
    const flood = new File([new Uint8Array(pixelFlood())], "logo.png", { type: "image/png" });
    expect(await storeImage("logo", flood)).toEqual({ ok: false, problem: expect.stringContaining("60000 × 60000 pixels") });
  });

  it("refuses a save based on a stale version instead of overwriting", async () => {
    await saveVersion({ ...DEFAULT_STORED_BRANDING, companyName: "A" }, 0, "ann@example.com");
    const stale = await saveVersion({ ...DEFAULT_STORED_BRANDING, companyName: "B" }, 0, "bob@example.com");
    expect(stale).toEqual({ ok: false, reason: "stale", current: 1 });
    expect((await currentVersion())?.data.companyName).toBe("A");
  });

  it("renders the public pages again after a save, here at once and on another server at its next sync", async () => {
    await syncBrandingFromDatabase();
    const before = pageGeneration().value;
    const saved = await saveAndPublish({ ...DEFAULT_STORED_BRANDING, companyName: "A" }, 0, "ann@example.com");
    expect(saved.ok).toBe(true);
    expect(pageGeneration().value).toBe(before + 1);
    // Nothing new since: the next sync changes nothing.
    await syncBrandingFromDatabase();
    expect(pageGeneration().value).toBe(before + 1);
    // A save made by another server (written straight to the database) is found by the sync.
    const db = await database();
    await db.insertInto("branding_versions").values({ data: JSON.stringify(DEFAULT_STORED_BRANDING), created_by: "other", created_at: Date.now(), changes: "[]", note: null }).execute();
    expect(await latestVersionId()).toBe(2);
    await syncBrandingFromDatabase();
    expect(pageGeneration().value).toBe(before + 2);
  });
});

describe("branding per language", () => {
  const base = { ...DEFAULT_STORED_BRANDING, companyName: "Kestrel" };
  it("shows the catalog's words while HR has written none, in every language", () => {
    const branding = resolveBranding(base, 1, null);
    expect(brandingIn(branding, "en")).toMatchObject({ siteTitle: "Careers at Kestrel", heroHeadline: "Find your next role with us" });
    expect(brandingIn(branding, "de")).toMatchObject({ siteTitle: "Karriere bei Kestrel", heroHeadline: "Finden Sie Ihre nächste Stelle bei uns" });
  });

  it("shows HR's own words: the Branding page's in the default language, those written per language elsewhere", () => {
    const branding = resolveBranding({ ...base, siteTitle: "Kestrel jobs", heroHeadline: "Gear up", heroIntro: "", translations: { fr: { heroHeadline: "Équipez-vous", heroIntro: "" } } }, 1, null);
    expect(brandingIn(branding, "en")).toMatchObject({ siteTitle: "Kestrel jobs", heroHeadline: "Gear up", heroIntro: "" });
    expect(brandingIn(branding, "fr")).toMatchObject({ heroHeadline: "Équipez-vous", heroIntro: expect.stringContaining("Parcourez nos offres") });
    expect(brandingIn(branding, "es")).toMatchObject({ heroHeadline: "Encuentra tu próximo empleo con nosotros" });
  });
});
