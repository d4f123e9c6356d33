// The open application's talent-database consent, on SQLite and PostgreSQL: kept with the
// application in one transaction, a renewal email in the candidate's language once (and only
// once) within the notice period, renewed or ended from its link, lapsed when its day passes and
// listed for HR, erased with the application or the address, pruned 90 days after it ended.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asServer } from "@/lib/admin/access";
import { insertApplication, type NewApplication } from "@/lib/applications/outbox";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { listJobs } from "@/lib/occupop";
import { endConsent, findConsent, listEndedConsents, pruneEndedConsents, renewConsent, runConsentsOnce } from "@/lib/open-application/consents";
import { eraseEmail, eraseReceipt } from "@/lib/receipts/rights";
import { findReceipt, newReceiptToken } from "@/lib/receipts/store";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { startEmulator } from "../helpers/emulator";

const DAY = 86_400_000;
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  resetEnv();
  await emulator.stop();
});

async function openApplication(email: string, locale: "en" | "de", now: number): Promise<{ id: string; token: string }> {
  const job = (await listJobs()).find((j) => j.isOpen)!;
  const id = crypto.randomUUID();
  const token = newReceiptToken();
  const app: NewApplication = {
    id,
    idempotencyKey: `key-${id}`,
    jobUuid: job.uuid,
    jobSlug: job.slug,
    jobTitle: job.title,
    dedupeKey: `dedupe-${id}`,
    duplicateOf: null,
    payload: { firstName: "Ada", lastName: "Lovelace", email, phone: "", linkedin: "", city: "", region: "", countryCode: "IE", coverLetter: "", source: "test", answers: [], consentJob: null, consentDatabase: true },
    resume: null,
    receipt: { token, locale },
    talentConsent: true,
  };
  await insertApplication(app, now);
  return { id, token };
}

const renewalMail = async (to: string) => {
  const db = await database();
  return db.selectFrom("mail_outbox").select(["subject", "text_body"]).where("kind", "=", "consent-renewal").where("to_address", "=", to).execute();
};

describe.each(DATABASES)("the open application's consent on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    process.env.MAIL_FROM = "Careers <careers@example.com>";
    resetEnv();
  });

  it("is kept with its application for a year, and asks once, in German, a month before it lapses", async () => {
    const now = Date.now();
    await openApplication("greta@example.com", "de", now);
    const db = await database();
    const [row] = await db.selectFrom("talent_consents").selectAll().execute();
    expect(row).toMatchObject({ email: "greta@example.com", ended: null, renewal_sent_at: null, locale: "de" });
    expect(Number(row!.expires_at) - now).toBe(365 * DAY);

    expect(await runConsentsOnce(now + 300 * DAY)).toBe(0);
    expect(await runConsentsOnce(now + 336 * DAY)).toBe(1);
    expect(await runConsentsOnce(now + 337 * DAY)).toBe(0);
    const [mail] = await renewalMail("greta@example.com");
    expect(mail!.subject).toMatch(/^Soll .+ Ihre Angaben für künftige Stellen behalten\?$/);
    const link = /\/de\/join\/renew\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text_body)?.[1];
    expect(link).toBeTruthy();

    // The link renews it: another year from the day it is used; the link keeps working, and the
    // next notice period (not before) brings a new email.
    const consent = (await findConsent(link))!;
    expect(consent.id).toBe(row!.id);
    await renewConsent(consent, now + 340 * DAY);
    const renewed = (await findConsent(link))!;
    expect(Number(renewed.expires_at)).toBe(now + 340 * DAY + 365 * DAY);
    expect(await runConsentsOnce(now + 341 * DAY)).toBe(0);
    expect(await runConsentsOnce(now + 600 * DAY)).toBe(0);
    expect(await runConsentsOnce(now + 676 * DAY)).toBe(1);
    expect(await renewalMail("greta@example.com")).toHaveLength(2);
    expect(await findConsent(newReceiptToken())).toBeNull();
  });

  it("lapses when its day passes, or ends from its link; HR sees both; pruned after 90 days", async () => {
    const now = Date.now();
    await openApplication("lapse@example.com", "en", now);
    await openApplication("ender@example.com", "en", now);
    await runConsentsOnce(now + 340 * DAY);
    const [mail] = await renewalMail("ender@example.com");
    const token = /join\/renew\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text_body)![1];
    await endConsent((await findConsent(token))!, now + 341 * DAY);
    await runConsentsOnce(now + 366 * DAY);
    const ended = await asServer("test", () => listEndedConsents());
    expect(ended.map((c) => [c.email, c.ended]).sort()).toEqual([
      ["ender@example.com", "withdrawn"],
      ["lapse@example.com", "lapsed"],
    ]);
    expect(await pruneEndedConsents(now + 400 * DAY)).toBe(0);
    expect(await pruneEndedConsents(now + 460 * DAY)).toBe(2);
  });

  it("goes with the erasure of its application or of its address", async () => {
    const now = Date.now();
    const first = await openApplication("erase@example.com", "en", now);
    await openApplication("erase@example.com", "en", now);
    await openApplication("keep@example.com", "en", now);
    const counts = await eraseReceipt((await findReceipt(first.token))!);
    expect(counts.consents).toBe(1);
    expect((await eraseEmail("erase@example.com")).consents).toBe(1);
    const db = await database();
    expect((await db.selectFrom("talent_consents").select("email").execute()).map((r) => r.email)).toEqual(["keep@example.com"]);
  });
});
