// Saving the editor: validate (zod, contrast, images by content), then store a new version
// if nobody saved in between. Returns a state for the form; never throws on bad input.
import "server-only";
import { z } from "zod";
import { log } from "@/lib/log";
import { contrastProblems } from "./colors";
import { fieldsFromForm, socialField, type BrandingFormState } from "./editor";
import { storeImage } from "./images";
import { brandingFieldsSchema, DEFAULT_STORED_BRANDING, IMAGE_FIELDS, type StoredBranding } from "./schema";
import { currentVersion, saveVersion, versionById, type SaveResult } from "./store";
import { brandingSaved } from "./sync";

/** Saves a version and, when it took, shows it on this server at once (the others follow at their next sync). */
export async function saveAndPublish(data: StoredBranding, baseVersion: number, by: string, note: string | null = null): Promise<SaveResult> {
  const result = await saveVersion(data, baseVersion, by, note);
  if (result.ok) brandingSaved(result.version.id, result.version.data);
  return result;
}

function fileFrom(formData: FormData, name: string): File | null {
  const v = formData.get(name);
  return v instanceof File && v.size > 0 ? v : null;
}

export async function saveBrandingForm(formData: FormData, by: string): Promise<BrandingFormState> {
  const baseVersion = Number(formData.get("baseVersion") ?? NaN);
  if (!Number.isInteger(baseVersion) || baseVersion < 0) return { status: "error", message: "The form is missing its version. Reload the page.", baseVersion: 0 };

  const parsed = brandingFieldsSchema.safeParse(fieldsFromForm(formData));
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, part] = issue.path;
      const name = first === "socialLinks" && typeof index === "number" && (part === "label" || part === "url") ? socialField(index, part) : String(first);
      fieldErrors[name] ??= issue.message;
    }
  } else {
    for (const problem of contrastProblems(parsed.data.primaryColor, parsed.data.accentColor)) fieldErrors[problem.field] = problem.message;
  }

  const current = await currentVersion();
  const base = current?.data ?? DEFAULT_STORED_BRANDING;
  const images: Pick<StoredBranding, "logo" | "favicon" | "heroImage"> = { logo: base.logo, favicon: base.favicon, heroImage: base.heroImage };
  for (const field of IMAGE_FIELDS) {
    const file = fileFrom(formData, field);
    if (file) {
      const check = await storeImage(field, file);
      if (check.ok) images[field] = check.hash;
      else fieldErrors[field] = check.problem;
    } else if (formData.get(`${field}Remove`) === "on") {
      images[field] = null;
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length) {
    return { status: "invalid", message: "Nothing was saved: some fields need another look.", fieldErrors, baseVersion };
  }
  // The languages and their texts are saved on their own page (/admin/languages) and kept here.
  const result = await saveAndPublish({ ...base, ...parsed.data, ...images }, baseVersion, by);
  if (!result.ok) {
    return {
      status: "stale",
      message: `Someone else saved the branding (version ${result.current}) after you opened this page, so your changes were not saved over theirs. Load the latest version, then make your changes again.`,
      baseVersion,
    };
  }
  return {
    status: "saved",
    message: result.version.changes.length
      ? `Saved as version ${result.version.id}. The public site shows it now.`
      : `Saved as version ${result.version.id} (nothing had changed).`,
    baseVersion: result.version.id,
  };
}

export type RestoreResult = { ok: true; version: number } | { ok: false; message: string };

/** Puts an earlier version back in effect, as a new version (history keeps everything). */
export async function restoreVersion(versionId: number, by: string): Promise<RestoreResult> {
  const version = await versionById(versionId);
  if (!version) return { ok: false, message: "That version no longer exists." };
  const current = await currentVersion();
  const result = await saveAndPublish(version.data, current?.id ?? 0, by, `Restored version ${versionId}`);
  if (!result.ok) return { ok: false, message: "Someone saved at the same moment. Please try again." };
  log("branding").info({ restored: versionId }, "branding version restored");
  return { ok: true, version: result.version.id };
}

export async function resetToDefaults(by: string): Promise<RestoreResult> {
  const current = await currentVersion();
  const result = await saveAndPublish(DEFAULT_STORED_BRANDING, current?.id ?? 0, by, "Reset to defaults");
  return result.ok ? { ok: true, version: result.version.id } : { ok: false, message: "Someone saved at the same moment. Please try again." };
}

export const versionIdSchema = z.coerce.number().int().positive();
