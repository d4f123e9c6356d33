// Which language a job description is written in, so the page can mark it (lang="de") for
// screen readers when it is not the page's own. Detected with franc (trigram statistics, by
// the maintainer of the unified/remark ecosystem) and named with iso-639-3's table, both
// well-kept; nothing hand-rolled. A text too short to tell, or no clear winner, is left
// unmarked rather than marked wrong.
import { francAll } from "franc-min";
import { iso6393To1 } from "iso-639-3";
import { LRUCache } from "lru-cache";

/** The languages of Occupop's customers' job ads (Europe): narrowing the field makes short texts reliable. */
const CANDIDATES = ["eng", "deu", "fra", "spa", "por", "ita", "nld", "pol", "swe", "dan", "nob", "fin", "ces", "slk", "hun", "ron", "ell", "bul", "hrv", "slv", "lit", "lav", "est"];

/** How far ahead the best guess must be of the next (franc scores 1 for the best, less for the rest). */
const MARGIN = 0.1;
const MIN_LENGTH = 100;

/** Each text's language ("" when it cannot be told). */
const detected = new LRUCache<string, string>({ max: 2000 });

/** The description's language as a BCP 47 tag ("de"), or null when it cannot be told. */
export function detectLanguage(text: string): string | null {
  if (text.trim().length < MIN_LENGTH) return null;
  const [best, next] = francAll(text, { only: CANDIDATES, minLength: MIN_LENGTH });
  if (!best || best[0] === "und") return null;
  if (next && best[1] - next[1] < MARGIN) return null;
  return iso6393To1[best[0]] ?? null;
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
