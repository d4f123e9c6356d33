// Tracking links: a short address HR makes per job and channel (/r/k3x9m2) that lands on the
// job page as if it carried ?utm_source=<channel>, so visits, applications and the candidate's
// source in Occupop all name the channel.
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

export type TrackingLink = { code: string; jobUuid: string; channel: string; createdAt: number; createdBy: string };

export class TrackingLinkError extends Error {}

function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const isCode = (value: string): boolean => CODE.test(value);

/** Makes a link for a job and channel; the channel is cleaned as a utm_source is. */
export async function createTrackingLink(jobUuid: string, channelInput: string, createdBy: string): Promise<TrackingLink> {
  const channel = cleanUtm(channelInput);
  if (!channel) throw new TrackingLinkError("Name the channel with letters or digits, for example linkedin or newsletter.");
  const db = await database();
  const existing = await db.selectFrom("tracking_links").selectAll().where("job_uuid", "=", jobUuid).where("channel", "=", channel).executeTakeFirst();
  if (existing) throw new TrackingLinkError(`This job already has a link for "${channel}": /r/${existing.code}.`);
  // 31^6 codes: a clash is rare, and the primary key turns it into a retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const link = { code: newCode(), job_uuid: jobUuid, channel, created_at: Date.now(), created_by: createdBy };
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

function toLink(row: { code: string; job_uuid: string; channel: string; created_at: number | string | bigint; created_by: string }): TrackingLink {
  return { code: row.code, jobUuid: row.job_uuid, channel: row.channel, createdAt: Number(row.created_at), createdBy: row.created_by };
}
