// Tracking links: a short address HR makes per job and channel (/r/k3x9m2) that lands on the
// job page as if it carried ?utm_source=<channel>, so visits, applications and the candidate's
// source in Occupop all name the channel. A referral link carries a referrer's name too (its
// channel is referral-<name> unless HR names one): Occupop's source names the referrer, and
// insights count each referrer's channel apart.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import { randomInt } from "node:crypto";
import { database } from "@/lib/db";
import { cleanUtm } from "./channels";
import { forgetTrackedChannels } from "./sources";

/** No 0/o, 1/i/l: a code read aloud or copied from print comes out right. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const CODE_LENGTH = 6;
const CODE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

export type TrackingLink = { code: string; jobUuid: string; channel: string; createdAt: number; createdBy: string; referrer: string | null };

/** A referrer's name as kept: spaces collapsed, at most 80 characters, no control characters. */
export function cleanReferrer(input: string): string {
  return input
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80);
}

export class TrackingLinkError extends Error {}

function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const isCode = (value: string): boolean => CODE.test(value);

/**
 * Makes a link for a job and channel; the channel is cleaned as a utm_source is. With a
 * referrer's name, the channel may be left empty: it becomes referral-<name>.
 */
export async function createTrackingLink(jobUuid: string, channelInput: string, createdBy: string, referrerInput = ""): Promise<TrackingLink> {
  const referrer = cleanReferrer(referrerInput) || null;
  const channel = cleanUtm(channelInput.trim() || (referrer ? `referral-${referrer.replace(/\s+/g, "-")}` : ""));
  if (!channel) {
    throw new TrackingLinkError(
      referrer ? "Name the channel too: the referrer's name has no letters or digits to make one from." : "Name the channel with letters or digits, for example linkedin or newsletter.",
    );
  }
  const db = await database();
  const existing = await db.selectFrom("tracking_links").selectAll().where("job_uuid", "=", jobUuid).where("channel", "=", channel).executeTakeFirst();
  if (existing) throw new TrackingLinkError(`This job already has a link for "${channel}": /r/${existing.code}.`);
  // 31^6 codes: a clash is rare, and the primary key turns it into a retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const link = { code: newCode(), job_uuid: jobUuid, channel, created_at: Date.now(), created_by: createdBy, referrer };
    const inserted = await db.insertInto("tracking_links").values(link).onConflict((oc) => oc.column("code").doNothing()).returning("code").executeTakeFirst();
    if (inserted) {
      forgetTrackedChannels();
      return toLink(link);
    }
  }
  throw new TrackingLinkError("Could not find a free code; try again.");
}

export async function trackingLinksFor(jobUuid: string): Promise<TrackingLink[]> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db.selectFrom("tracking_links").selectAll().where("job_uuid", "=", jobUuid).orderBy("created_at", "desc").execute();
  return rows.map(toLink);
}

export async function findTrackingLink(code: string): Promise<TrackingLink | null> {
  if (!isCode(code)) return null;
  const db = await database();
  const row = await db.selectFrom("tracking_links").selectAll().where("code", "=", code).executeTakeFirst();
  return row ? toLink(row) : null;
}

export async function deleteTrackingLink(code: string): Promise<boolean> {
  const db = await database();
  const result = await db.deleteFrom("tracking_links").where("code", "=", code).executeTakeFirst();
  forgetTrackedChannels();
  return Number(result.numDeletedRows) > 0;
}

/** The referrer a job's channel names (an application that came through a referral link), or null. */
export async function referrerOf(jobUuid: string, channel: string): Promise<string | null> {
  if (!channel) return null;
  const db = await database();
  const row = await db.selectFrom("tracking_links").select("referrer").where("job_uuid", "=", jobUuid).where("channel", "=", channel).executeTakeFirst();
  return row?.referrer ?? null;
}

function toLink(row: { code: string; job_uuid: string; channel: string; created_at: number | string | bigint; created_by: string; referrer: string | null }): TrackingLink {
  return { code: row.code, jobUuid: row.job_uuid, channel: row.channel, createdAt: Number(row.created_at), createdBy: row.created_by, referrer: row.referrer };
}
