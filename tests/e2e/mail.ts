// The emulator's mailbox (its SMTP server, emulator/smtp.ts) as the specs read it.
import { expect } from "@playwright/test";
import { emulatorControl } from "./support";

export type Mail = { to: string; subject: string; text: string; html: string; envelope: { to: string[] }; headers: Record<string, string> };

/** Every email the emulator received for an address, oldest first. */
export async function mailTo(to: string): Promise<Mail[]> {
  return ((await (await emulatorControl(`/mail?to=${encodeURIComponent(to)}`)).json()) as { data: Mail[] }).data;
}

/**
 * The email to `to` whose subject starts with `subject` (or matches it), once it came. "one":
 * exactly one such email must come (a second would be a defect); "some": the first of them.
 */
export async function mailWith(to: string, subject: string | RegExp, count: "one" | "some" = "one"): Promise<Mail> {
  const matches = (m: Mail) => (typeof subject === "string" ? m.subject.startsWith(subject) : subject.test(m.subject));
  const poll = expect.poll(async () => (await mailTo(to)).filter(matches).length, { timeout: 15_000 });
  if (count === "one") await poll.toBe(1);
  else await poll.toBeGreaterThanOrEqual(1);
  return (await mailTo(to)).find(matches)!;
}

/** The path and query of the first link in `text` that matches `pattern`. */
export const pathIn = (text: string, pattern: RegExp): string => {
  const url = new URL(pattern.exec(text)![0]);
  return url.pathname + url.search;
};
