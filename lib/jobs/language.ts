// Which language a job description is written in, so the page can mark it (lang="de") for
// screen readers when it is not the page's own. Detected with ELD (Efficient Language
// Detector: n-gram tables for 60 languages, pure JavaScript, kept up to date, about 0.05 ms a
// description), which tells English apart from its neighbours where trigram counting (franc)
// could not. A text too short to tell, or a result ELD itself calls unreliable, is left
// unmarked rather than marked wrong.
import { eld } from "eld/medium";
import { LRUCache } from "lru-cache";

/** Shorter than this is a fragment ("Barista wanted."), not a description to judge. */
const MIN_LENGTH = 60;

/** Each text's language ("" when it cannot be told). */
const detected = new LRUCache<string, string>({ max: 2000 });

/** The description's language as a BCP 47 tag ("de"), or null when it cannot be told. */
export function detectLanguage(text: string): string | null {
  if (text.trim().length < MIN_LENGTH) return null;
  const result = eld.detect(text);
  return result.language && result.isReliable() ? result.language : null;
}

/** detectLanguage, remembered per job and text (a job page is rendered again on every change). */
export function descriptionLanguage(jobUuid: string, text: string): string | null {
  const key = `${jobUuid}:${text.length}:${text.slice(0, 64)}`;
  let language = detected.get(key);
  if (language === undefined) {
    language = detectLanguage(text) ?? "";
    detected.set(key, language);
  }
  return language || null;
}
