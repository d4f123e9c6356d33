// What a candidate reads about their application's progress in Occupop: HR's own words for
// each status and hiring-flow step, per language (/admin/statuses). Occupop's names are the
// company's internal ones ("Rejected - culture", "Tech screen 2"), so none is shown until HR
// writes words for it: a candidate whose status has no words sees only that the hiring team
// has their application. Kept as one setting; a step's words win over its status's.
import "server-only";
import { z } from "zod";
import { authorizePrivateRead } from "@/lib/admin/access";
import { database } from "@/lib/db";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

const SETTING = "candidate_status_words";

/** A status or step, as the key HR's words are kept under. */
export type StatusKey = `status:${string}` | `step:${string}`;
export type StatusWords = Record<string, Partial<Record<Locale, string>>>;

const wordsSchema = z.record(
  z.string().regex(/^(status|step):.{1,100}$/),
  z.partialRecord(z.enum(LOCALES), z.string().trim().max(300)),
);

export const statusKey = (kind: "status" | "step", name: string): StatusKey => `${kind}:${name}`;

export async function readStatusWords(): Promise<StatusWords> {
  const db = await database();
  const row = await db.selectFrom("settings").select("value").where("key", "=", SETTING).executeTakeFirst();
  if (!row) return {};
  const parsed = wordsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : {};
}

/** HR's words replace the old ones whole (the admin form sends them all). Empty words are dropped. */
export async function saveStatusWords(words: StatusWords): Promise<void> {
  const kept: StatusWords = {};
  for (const [key, byLocale] of Object.entries(wordsSchema.parse(words))) {
    const filled = Object.fromEntries(Object.entries(byLocale).filter(([, text]) => text && text.trim() !== ""));
    if (Object.keys(filled).length) kept[key] = filled;
  }
  const value = JSON.stringify(kept);
  const db = await database();
  await db
    .insertInto("settings")
    .values({ key: SETTING, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/**
 * The words a candidate reads for a status and step: the step's, else the status's; in their
 * language, else the site's default language; null when HR wrote none.
 */
export function wordsFor(words: StatusWords, current: { status: string | null; step: string | null }, locale: Locale, fallback: Locale): string | null {
  for (const key of [current.step ? statusKey("step", current.step) : null, current.status ? statusKey("status", current.status) : null]) {
    if (!key) continue;
    const text = words[key]?.[locale] || words[key]?.[fallback];
    if (text) return text;
  }
  return null;
}

/** For HR's page: every status and step Occupop has reported (and every one with words), with how many candidates are in it. */
export async function knownStatuses(): Promise<Array<{ key: StatusKey; kind: "status" | "step"; name: string; candidates: number }>> {
  await authorizePrivateRead();
  const db = await database();
  const [statuses, steps, words] = await Promise.all([
    db.selectFrom("candidate_statuses").select((eb) => ["status", eb.fn.countAll<number>().as("n")]).where("status", "is not", null).groupBy("status").execute(),
    db.selectFrom("candidate_statuses").select((eb) => ["step", eb.fn.countAll<number>().as("n")]).where("step", "is not", null).groupBy("step").execute(),
    readStatusWords(),
  ]);
  const found = new Map<StatusKey, number>();
  for (const r of statuses) found.set(statusKey("status", r.status ?? ""), Number(r.n));
  for (const r of steps) found.set(statusKey("step", r.step ?? ""), Number(r.n));
  for (const key of Object.keys(words) as StatusKey[]) if (!found.has(key)) found.set(key, 0);
  return [...found.entries()]
    .map(([key, candidates]) => {
      const [kind, ...rest] = key.split(":");
      return { key, kind: kind as "status" | "step", name: rest.join(":"), candidates };
    })
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "status" ? -1 : 1));
}
