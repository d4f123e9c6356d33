// Whether the site offers job alerts: only with an SMTP server configured (SMTP_URL), and only
// while HR has not switched them off in /admin/alerts. The switch is a setting in the database;
// every server notices a change (lib/sync) and renders its pages again, form or no form.
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { isBuildPhase } from "@/lib/build-phase";
import { database } from "@/lib/db";
import { env } from "@/lib/env";
import { mailConfigured } from "@/lib/mail/transport";
import { invalidatePages } from "@/lib/page-cache";

const SETTING = "alerts_enabled";

type Known = { on?: boolean };

function known(): Known {
  return processSingleton<Known>("alerts-switch", () => ({}));
}

/** HR's switch (on unless switched off). */
export async function alertsSwitchOn(): Promise<boolean> {
  const db = await database();
  const row = await db.selectFrom("settings").select("value").where("key", "=", SETTING).executeTakeFirst();
  return row?.value !== "false";
}

/** Whether the public pages offer job alerts now. */
export async function alertsOffered(): Promise<boolean> {
  if (isBuildPhase() || !mailConfigured()) return false;
  return alertsSwitchOn();
}

export async function setAlertsSwitch(on: boolean): Promise<void> {
  const db = await database();
  await db
    .insertInto("settings")
    .values({ key: SETTING, value: String(on) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(on) }))
    .execute();
  known().on = on;
  invalidatePages("job alerts switched");
}

/** lib/sync: a switch flipped on another server renders this server's pages again. */
export async function syncAlertsSwitch(): Promise<void> {
  const on = await alertsSwitchOn();
  const k = known();
  if (k.on !== undefined && k.on !== on) invalidatePages("job alerts switched on another server");
  k.on = on;
}

/** How often a subscriber may hear from us, in words (ALERTS_MIN_HOURS_BETWEEN). */
export function alertCadence(locale: Locale = "en"): string {
  const t = translator(locale);
  const hours = env().ALERTS_MIN_HOURS_BETWEEN;
  if (hours === 0) return t("alerts.cadenceNow");
  if (hours === 24) return t("alerts.cadenceDay");
  if (hours % 24 === 0) return t("alerts.cadenceDays", { days: hours / 24 });
  return t("alerts.cadenceHours", { hours });
}
