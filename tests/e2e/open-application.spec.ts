// The open application at /join, end to end on a site server of its own (its consent lasts a
// day, so the renewal email is due at once): hidden until HR chooses the Occupop job; then the
// job list links to it, and the form (with JavaScript, with a job alert asked for; and without)
// sends the CV to that job with the talent-database consent, keeps the consent with its end
// date, signs up for alerts with the usual double opt-in, and emails the renewal link, which
// renews or ends the consent, an ended one listed for HR.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./admin-support";
import { candidatesFor, fillApplication, jobWhere, pdf, person, submit, testFile } from "./apply-support";
import { mailWith, pathIn } from "./mail";
import { freePort, resetWorld, siteQuery, startSiteServer } from "./support";


test.afterAll(async () => {
  await resetWorld(); // the candidates made here
});

test("the open application: HR chooses its job; candidates send a CV with their consent and an alert; the consent is renewed or ended", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const admin = { email: "join@kestrel.example", password: "e2e-join-password-5c7e" };
  const server = await startSiteServer(await freePort(), { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, TALENT_CONSENT_DAYS: "1", TALENT_RENEWAL_NOTICE_DAYS: "1" });
  try {
    // Nothing chosen: no form, and the job list does not link to it.
    await page.goto(`${server.url}/join`);
    await expect(page.getByTestId("join-closed")).toBeVisible();
    await page.goto(server.url);
    await expect(page.getByTestId("join-link")).toHaveCount(0);

    // HR chooses a job for it.
    const general = await jobWhere((j) => !j.questions_form.length && j.require_cv);
    const hr = await browser.newContext({ baseURL: server.url });
    const hrPage = await hr.newPage();
    await logIn(hrPage, admin.email, admin.password);
    await hrPage.goto("/admin/open-application");
    await hrPage.getByLabel("Occupop job for open applications").selectOption({ label: general.title });
    await hrPage.getByRole("button", { name: "Save" }).click();
    await expect(hrPage.getByText(`Open applications at /join now go to "${general.title}"`)).toBeVisible();

    await page.goto(server.url);
    await expect(page.getByTestId("join-link")).toContainText("No job that fits?");
    await page.getByRole("link", { name: "Send us your CV" }).click();
    await expect(page).toHaveURL(/\/join$/);

    // With JavaScript, a job alert asked for too.
    const who = { ...person("join"), email: `join-${randomBytes(4).toString("hex")}@example.com` };
    await expect(page.getByRole("button", { name: "Submit application" })).toBeVisible({ timeout: 15_000 });
    const opened = Date.now();
    await expect(page.getByTestId("consent-until")).toContainText("Your consent lasts until");
    await fillApplication(page, general, who, testFile("join.pdf", pdf("join")).path);
    await page.getByLabel(/Also email me new jobs/).check();
    // The consent is what an open application is for: it is required.
    await submit(page, opened);
    await expect(page.locator('[id="apply-consentDatabase-error"]')).toBeVisible();
    await expect(page.getByLabel("First name")).toHaveValue(who.firstName);
    await page.getByLabel(/keep my details to contact me about future jobs/).check();
    await submit(page, opened);
    await expect(page).toHaveURL(/\/applied/, { timeout: 30_000 });
    await expect(page.getByTestId("status-link")).toBeVisible();

    await expect.poll(async () => (await candidatesFor(who.email)).length, { timeout: 15_000 }).toBe(1);
    const [candidate] = await candidatesFor(who.email);
    expect(candidate!.candidate.job_uuid).toBe(general.uuid);
    const consents = await siteQuery<{ email: string; ended: string | null }>(`select email, ended from talent_consents where email = '${who.email}'`, server.storage);
    expect(consents).toEqual([{ email: who.email, ended: null }]);
    // The alert's double opt-in, as from the alert form.
    await mailWith(who.email, /^Confirm your job alert/, "some");

    // The consent lasts a day here, so the renewal email is due at once.
    const renewal = await mailWith(who.email, /keep your details for future jobs\?$/, "some");
    const renewPath = pathIn(renewal.text, /https?:\/\/\S+\/join\/renew\?token=[A-Za-z0-9_-]{43}/);
    await page.goto(`${server.url}${renewPath}`);
    await expect(page.getByTestId("consent-state")).toHaveAttribute("data-state", "standing");
    await page.getByTestId("consent-renew").click();
    await expect(page.getByTestId("consent-state")).toContainText("until");
    await page.getByTestId("consent-end").click();
    await expect(page.getByTestId("consent-state")).toHaveAttribute("data-state", "withdrawn");
    await hrPage.goto("/admin/open-application");
    await expect(hrPage.getByTestId("ended-consents")).toContainText(`${who.email} · given`);
    await expect(hrPage.getByTestId("ended-consents")).toContainText("ended by the candidate");
    // A guessed link shows nothing.
    await page.goto(`${server.url}/join/renew?token=${randomBytes(32).toString("base64url")}`);
    await expect(page.getByTestId("consent-gone")).toBeVisible();

    // Without JavaScript, in French.
    await noJavaScript(browser, server.url, general.unique_slug);
    await hr.close();
  } finally {
    await server.stop();
  }
});

async function noJavaScript(browser: import("@playwright/test").Browser, base: string, slug: string): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page: Page = await context.newPage();
  const email = `join-fr-${randomBytes(4).toString("hex")}@example.com`;
  await page.goto(`${base}/fr/join`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Envoyez-nous votre CV");
  const opened = Date.now();
  await page.locator('[name="firstName"]').fill("Camille");
  await page.locator('[name="lastName"]').fill("Martin");
  await page.locator("#apply-email").fill(email);
  await page.locator('[name="country"]').selectOption("FR");
  await page.locator('[name="resume"]').setInputFiles(testFile("camille.pdf", pdf("camille")).path);
  await page.locator('[name="consentDatabase"]').check();
  await page.waitForTimeout(Math.max(0, opened + 2_200 - Date.now()));
  await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/jobs/${slug}/applied`), { timeout: 30_000 });
  await expect(page.getByTestId("status-link")).toBeVisible();
  await expect.poll(async () => (await candidatesFor(email)).length, { timeout: 15_000 }).toBe(1);
  await context.close();
}
