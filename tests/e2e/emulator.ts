// Talking to the emulator from end-to-end tests: what Occupop holds, and its controls.
import { E2E } from "../../playwright.config";

export const EMULATOR = `http://127.0.0.1:${E2E.emulatorPort}`;

export type WireJob = {
  uuid: string;
  title: string;
  unique_slug: string;
  closed_for_applicants: boolean;
  [key: string]: unknown;
};

/** Every job the emulator lists, across all pages, read the way Occupop serves them. */
export async function emulatorJobs(): Promise<WireJob[]> {
  const headers = { Authorization: `Bearer ${E2E.token}` };
  const first = (await (await fetch(`${EMULATOR}/rest/jobs?page=1`, { headers })).json()) as {
    data: WireJob[];
    meta: { last_page: number };
  };
  const jobs = [...first.data];
  for (let page = 2; page <= first.meta.last_page; page++) {
    const next = (await (await fetch(`${EMULATOR}/rest/jobs?page=${page}`, { headers })).json()) as { data: WireJob[] };
    jobs.push(...next.data);
  }
  return jobs;
}
