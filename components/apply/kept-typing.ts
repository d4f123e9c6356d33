// What an applicant types is kept in this browser for this job until it is sent (localStorage),
// so a reload, the back button, a crashed tab or a dropped connection loses nothing. Kept: the
// text fields, the country and the answers to the job's questions. Never kept: the resume (a
// browser cannot keep a chosen file), the consents (given fresh, each time), hidden fields.
// Forgotten once the application is sent, when the applicant asks, and after KEEP_DAYS.
import { z } from "zod";

const PREFIX = "careers.typed.";
export const KEEP_DAYS = 30;

/** What is stored: when, and each kept field's value (the same limit the server takes). */
const keptSchema = z.object({
  savedAt: z.number().int().positive(),
  values: z.record(z.string().max(40), z.string().max(10_000)),
});
export type Kept = z.infer<typeof keptSchema>;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage refused (a privacy mode, a policy): nothing is kept, nothing breaks.
    return null;
  }
}

/** What was kept for this job, or null (none, unreadable, or older than KEEP_DAYS: then forgotten). */
export function readKept(jobUuid: string, now = Date.now()): Kept | null {
  const store = storage();
  const text = store?.getItem(PREFIX + jobUuid);
  if (!store || !text) return null;
  try {
    const kept = keptSchema.parse(JSON.parse(text));
    if (now - kept.savedAt <= KEEP_DAYS * 86_400_000) return kept;
  } catch {
    // Not ours, or from another version: dropped below.
  }
  store.removeItem(PREFIX + jobUuid);
  return null;
}

/** Keeps these values for this job; nothing at all when every one is empty. */
export function writeKept(jobUuid: string, values: Record<string, string>, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ""));
  try {
    if (Object.keys(filled).length === 0) store.removeItem(PREFIX + jobUuid);
    else store.setItem(PREFIX + jobUuid, JSON.stringify({ savedAt: now, values: filled } satisfies Kept));
  } catch {
    // Full or refused: the form works as before, without keeping.
  }
}

export function forgetKept(jobUuid: string): void {
  storage()?.removeItem(PREFIX + jobUuid);
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The value a kept field has in the form now (a radio group's checked one; "" for none). */
export function currentValue(form: HTMLFormElement, name: string): string {
  const item = form.elements.namedItem(name);
  if (item instanceof RadioNodeList) return item.value;
  return item && "value" in item ? String((item as Field).value) : "";
}

/** True while a field still holds what the page came with (the person has not changed it here). */
export function untouched(form: HTMLFormElement, name: string): boolean {
  const item = form.elements.namedItem(name);
  if (item instanceof RadioNodeList) return [...item].every((node) => !(node instanceof HTMLInputElement) || node.checked === node.defaultChecked);
  if (item instanceof HTMLSelectElement) return [...item.options].every((option) => option.selected === option.defaultSelected);
  if (item instanceof HTMLInputElement || item instanceof HTMLTextAreaElement) return item.value === item.defaultValue;
  return false;
}

/** The page's own value for a field (what "Clear the form" puts back). */
export function pageValue(form: HTMLFormElement, name: string): string {
  const item = form.elements.namedItem(name);
  if (item instanceof RadioNodeList) return [...item].find((node): node is HTMLInputElement => node instanceof HTMLInputElement && node.defaultChecked)?.value ?? "";
  if (item instanceof HTMLSelectElement) return [...item.options].find((option) => option.defaultSelected)?.value ?? "";
  if (item instanceof HTMLInputElement || item instanceof HTMLTextAreaElement) return item.defaultValue;
  return "";
}
