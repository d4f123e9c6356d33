"use server";

// HR's words for Occupop's statuses and steps, as candidates read them on their status page.
import { revalidatePath } from "next/cache";
import { adminAction, formText } from "@/lib/admin/action";
import { LOCALES } from "@/lib/i18n/locales";
import { saveStatusWords, type StatusWords } from "@/lib/receipts/status-words";

export const saveStatusWordsAction = adminAction(async (_admin, formData) => {
  const words: StatusWords = {};
  for (let i = 0; i < 500; i++) {
    const key = formText(formData, `key:${i}`, 110);
    if (!key) break;
    if (!/^(status|step):.{1,100}$/.test(key)) continue;
    words[key] = Object.fromEntries(LOCALES.map((locale) => [locale, formText(formData, `words:${i}:${locale}`, 300).trim()]));
  }
  await saveStatusWords(words);
  revalidatePath("/admin/statuses");
  return { ok: true, message: "Saved. Candidates see these words on their status page from now on." };
});
