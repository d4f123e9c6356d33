// What the form learns of its finished upload (POST /api/resume-check): whether the file passes
// the same checks a posted resume does (name and size, then its content: lib/applications/
// resume.ts), in the form's language, and the contact details its text holds for the form's
// empty fields (lib/autofill). Nothing leaves the server but these few fields.
import "server-only";
import { z } from "zod";
import { resumeProblem, type ErrorText } from "@/lib/applications/schema";
import { DOCX_MIME, PDF_MIME, sniffResume } from "@/lib/applications/resume";
import { fieldsFromText, type CvFields } from "@/lib/autofill/fields";
import { cvText } from "@/lib/autofill/text";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { finishedUploadFile, isUploadId } from "./store";

export const CheckRequest = z.object({ upload: z.string().refine(isUploadId), locale: z.string().max(8).optional() });

export type CheckAnswer = { ok: true; fields: CvFields } | { ok: false; problem: string } | { ok: false; lost: true };

export async function checkUpload(id: string, locale: unknown): Promise<CheckAnswer> {
  const t = translator(isLocale(locale) ? locale : "en");
  const errorText: ErrorText = (key, v) => t(`apply.errors.${key}`, v);
  const uploaded = await finishedUploadFile(id);
  if (!uploaded) return { ok: false, lost: true };
  try {
    const problem = resumeProblem(uploaded.file, errorText);
    if (problem) return { ok: false, problem };
    const sniffed = await sniffResume(uploaded.file, errorText);
    if (!sniffed.ok) return { ok: false, problem: sniffed.problem };
    const text = await cvText(uploaded.file, sniffed.mime === PDF_MIME ? "pdf" : sniffed.mime === DOCX_MIME ? "docx" : "doc");
    return { ok: true, fields: text ? fieldsFromText(text) : {} };
  } finally {
    await uploaded.dispose();
  }
}
