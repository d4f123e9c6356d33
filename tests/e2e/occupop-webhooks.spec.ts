// Occupop's webhooks end to end: the emulator sends its events (as Occupop does, the secret in
// the URL) to a site server of its own. A job posted in Occupop is listed with no refresh asked
// for; a candidate's status, as HR moves them on, is kept in its latest state; a wrong secret
// is refused and a repeated delivery kept once.
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { EMULATOR, emulatorControl, freePort, resetWorld, siteQuery, startSiteServer } from "./support";

const SECRET = "e2e-occupop-webhook-secret-7c1d";

test("the emulator's webhooks reach the site: a new job is listed at once, a candidate's status is kept", async ({ page }) => {
  test.setTimeout(120_000);
  const server = await startSiteServer(await freePort(), { OCCUPOP_WEBHOOK_SECRET: SECRET });
  const hook = `${server.url}/api/occupop/webhook`;
  try {
    // Warm: the server has its job list (and would keep it an hour: JOBS_CACHE_SECONDS=3600).
    await page.goto(server.url);
    expect((await emulatorControl("/webhooks", "POST", { url: hook, secret: SECRET, via: "query" })).status).toBe(200);

    const title = `Webhook Warehouse Lead ${Date.now()}`;
    const posted = Date.now();
    const created = (await (await emulatorControl("/jobs", "POST", { title, require_cv: false })).json()) as { data: { uuid: string; unique_slug: string } };
    await expect.poll(async () => (await (await fetch(`${server.url}/`)).text()).includes(title), { timeout: 15_000 }).toBe(true);
    test.info().annotations.push({ type: "posted to listed", description: `${Date.now() - posted} ms` });
    await page.goto(`${server.url}/jobs/${created.data.unique_slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

    // A candidate made in Occupop, then moved on by HR: the site keeps the latest status.
    const made = await fetch(`${EMULATOR}/rest/jobs/${created.data.uuid}/candidates`, {
      method: "POST",
      headers: { Authorization: E2E.token, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ first_name: "Ada", last_name: "Byrne", email: `ada-${Date.now()}@example.com` }),
    });
    expect(made.status).toBe(201);
    const candidate = ((await made.json()) as { data: { uuid: string } }).data;
    const statusOf = async () =>
      (await siteQuery<{ status: string; step: string }>(`select status, step from candidate_statuses where candidate_uuid = '${candidate.uuid}'`, server.storage))[0] ?? null;
    await expect.poll(statusOf, { timeout: 15_000 }).toEqual({ status: "active", step: "Applied" });
    expect((await emulatorControl(`/candidates/${candidate.uuid}/status`, "POST", { step: "Interview" })).status).toBe(200);
    await expect.poll(statusOf, { timeout: 15_000 }).toEqual({ status: "active", step: "Interview" });
    // Nothing of the candidate but their id and status is kept from the events.
    const kept = JSON.stringify(await siteQuery("select * from occupop_events", server.storage));
    expect(kept).not.toMatch(/Ada|Byrne|example\.com/);

    // Every delivery the emulator made was taken (202).
    const deliveries = ((await (await emulatorControl("/webhooks")).json()) as { data: Array<{ status: number | null }> }).data;
    expect(deliveries.length).toBeGreaterThanOrEqual(3);
    expect(deliveries.every((d) => d.status === 202)).toBe(true);

    // A wrong secret is refused; the same event twice is kept once.
    const event = JSON.stringify({ meta: { resource_type: "CandidateResource", event_name: "CandidateResource_status_updated" }, data: { uuid: candidate.uuid, status: "active", hiring_flow_step: { name: "Offer" }, updated_at: "2099-01-01T00:00:00.000000Z" } });
    const send = (secret: string) => fetch(`${hook}?secret=${encodeURIComponent(secret)}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: event });
    expect((await send("wrong-secret-wrong-secret")).status).toBe(401);
    expect(await (await send(SECRET)).json()).toEqual({ ok: true, duplicate: false });
    expect(await (await send(SECRET)).json()).toEqual({ ok: true, duplicate: true });
    await expect.poll(statusOf, { timeout: 15_000 }).toEqual({ status: "active", step: "Offer" });
  } finally {
    await emulatorControl("/webhooks", "DELETE");
    await server.stop();
    // The job and candidate made here are gone again, for the specs after this one.
    await resetWorld();
  }
});
