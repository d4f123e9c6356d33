// Every candidate in their own language: German, French and Spanish pages beside the English
// ones, a German applicant end to end, hreflang both ways, a first visit that follows the
// browser's language once, and axe on every page type in every language.
import { expect, test } from "@playwright/test";
import { answerQuestions, expectOneCandidate, jobWhere, pdf, person, testFile } from "./apply-support";
import { expectNoAxeViolations, site, target } from "./support";

test.skip(() => target().kind !== "sqlite", "language handling does not depend on the database");

const LANGUAGES = ["en", "de", "fr", "es"] as const;
const prefix = (l: string) => (l === "en" ? "" : `/${l}`);

test("a German applicant applies in German, sees German errors, and the candidate arrives unchanged", async ({ page }) => {
  const job = await jobWhere((j) => j.require_cv && j.require_opt_in_for_job && j.questions_form.length > 0);
  const who = { ...person("deutsch"), firstName: "Jürgen", lastName: "Müller-Lüdenscheidt", city: "München", coverLetter: "Grüß Gott! Ich möchte bei Ihnen arbeiten.\nMit freundlichen Grüßen" };
  await page.goto(`/de/jobs/${job.unique_slug}#apply`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  const submit = page.getByRole("button", { name: "Bewerbung absenden" });
  await expect(submit).toBeVisible();
  const openedAt = Date.now();

  await page.getByLabel("Vorname").fill(who.firstName);
  await page.getByLabel("E-Mail (Pflichtfeld)").fill("keine-adresse");
  await submit.click();
  const summary = page.getByTestId("apply-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Ihre Bewerbung wurde noch nicht gesendet");
  await expect(summary).toContainText("Nachname: Geben Sie Ihren Nachnamen ein");
  await expect(summary).toContainText("E-Mail: Geben Sie eine E-Mail-Adresse wie name@example.com ein");
  await expect(summary).toContainText("Lebenslauf: Fügen Sie Ihren Lebenslauf bei");
  await expect(summary).toContainText("Setzen Sie dieses Häkchen, damit wir Sie für diese Stelle berücksichtigen können");
  await expect(page.getByLabel("Vorname")).toHaveValue(who.firstName);

  await page.getByLabel("Nachname").fill(who.lastName);
  await page.getByLabel("E-Mail (Pflichtfeld)").fill(who.email);
  await page.getByLabel("Telefon").fill(who.phone);
  await page.getByLabel("Stadt").fill(who.city);
  await page.getByLabel("Land (optional)").selectOption("DE");
  await page.getByLabel("Anschreiben").fill(who.coverLetter);
  await page.getByLabel("Lebenslauf").setInputFiles(testFile("lebenslauf.pdf", pdf()).path);
  await answerQuestions(page, job);
  await page.getByLabel(/um mich für diese Stelle/).check();
  if (job.require_opt_in_for_database) await page.getByLabel(/künftiger Stellen/).check();
  const wait = openedAt + 2_200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await submit.click();

  await expect(page).toHaveURL(new RegExp(`/de/jobs/${job.unique_slug}/applied`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vielen Dank: Ihre Bewerbung ist bei uns");
  const stored = await expectOneCandidate(who.email);
  expect(stored.payload).toMatchObject({
    email: who.email,
    first_name: who.firstName,
    last_name: who.lastName,
    location_city: who.city,
    location_country: "DE",
    profile: who.coverLetter,
  });
});

test("each language's pages say their language, link each other (hreflang both ways) and are in the sitemap", async ({ page, request }) => {
  const job = await jobWhere(() => true);
  for (const path of ["/", `/jobs/${job.unique_slug}`, "/accessibility"]) {
    const links: Record<string, Record<string, string>> = {};
    for (const l of LANGUAGES) {
      const url = `${prefix(l)}${path === "/" && l !== "en" ? "" : path}`;
      await page.goto(url);
      await expect(page.locator("html")).toHaveAttribute("lang", l);
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((els) =>
        Object.fromEntries(els.map((e) => [e.getAttribute("hreflang")!, new URL(e.getAttribute("href")!).pathname])),
      );
      links[l] = alternates;
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      expect(new URL(canonical!).pathname).toBe(new URL(`${site()}${url}`).pathname);
    }
    // Every page names every language's version, and each of those names it back.
    for (const l of LANGUAGES) {
      expect(Object.keys(links[l]!).sort()).toEqual([...LANGUAGES, "x-default"].sort());
      for (const other of LANGUAGES) expect(links[other]![l]).toBe(links[l]![l]);
      expect(links[l]!["x-default"]).toBe(links.en!.en);
    }
  }
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const l of LANGUAGES) {
    expect(sitemap).toContain(`<loc>${site()}${prefix(l)}/jobs/${job.unique_slug}</loc>`);
    expect(sitemap).toContain(`hreflang="${l}" href="${site()}${prefix(l)}/jobs/${job.unique_slug}"`);
  }
});

test("the switcher moves to this page in another language and remembers the choice; a first visit follows Accept-Language once", async ({ page, request, browser }) => {
  const job = await jobWhere(() => true);
  await page.goto(`/jobs/${job.unique_slug}`);
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(new RegExp(`/fr/jobs/${job.unique_slug}$`));
  await expect(page.getByRole("link", { name: "Postuler" })).toBeVisible();
  expect((await page.context().cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("fr");

  const first = await request.get(`/jobs/${job.unique_slug}`, { headers: { "Accept-Language": "es-ES,es;q=0.9" }, maxRedirects: 0 });
  expect(first.status()).toBe(307);
  expect(first.headers().location).toBe(`/es/jobs/${job.unique_slug}`);
  expect(first.headers()["set-cookie"]).toContain("NEXT_LOCALE=es");
  // A chosen language is never overridden, and an English browser stays put: no loops.
  const chosen = await request.get(`/jobs/${job.unique_slug}`, { headers: { "Accept-Language": "es", Cookie: "NEXT_LOCALE=en" }, maxRedirects: 0 });
  expect(chosen.status()).toBe(200);
  const english = await request.get("/", { headers: { "Accept-Language": "en-GB" }, maxRedirects: 0 });
  expect(english.status()).toBe(200);
  // In a real browser: German first visit lands on German once, then the choice sticks.
  const context = await browser.newContext({ locale: "de-DE" });
  const german = await context.newPage();
  await german.goto("/");
  await expect(german).toHaveURL(/\/de$/);
  await expect(german.locator("html")).toHaveAttribute("lang", "de");
  await german.getByRole("navigation", { name: "Sprache" }).getByRole("link", { name: "English" }).click();
  await expect(german.locator("html")).toHaveAttribute("lang", "en");
  await german.goto("/");
  await expect(german).toHaveURL(new RegExp(`${site()}/$`));
  await context.close();
});

test("a description in another language than the page's is marked with its own", async ({ page }) => {
  const job = await jobWhere((j) => j.title.startsWith("Kundenservice"));
  await page.goto(`/jobs/${job.unique_slug}`);
  await expect(page.getByTestId("job-description")).toHaveAttribute("lang", "de");
  await page.goto(`/de/jobs/${job.unique_slug}`);
  await expect(page.getByTestId("job-description")).not.toHaveAttribute("lang", /.*/);
  await expect(page.getByTestId("job-facts")).toContainText("Teilzeit");
});

test("every page type has no axe violations in every language", async ({ page }) => {
  test.setTimeout(180_000);
  const job = await jobWhere((j) => j.questions_form.length > 0);
  for (const l of LANGUAGES) {
    const p = prefix(l);
    for (const path of [p || "/", `${p}?q=store`, `${p}/jobs/${job.unique_slug}`, `${p}/jobs/${job.unique_slug}/apply`, `${p}/jobs/${job.unique_slug}/applied`, `${p}/accessibility`, `${p}/alerts/new`, `${p}/jobs/no-such-job`]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", l);
      await expectNoAxeViolations(page);
    }
    // The job page with its form open.
    await page.goto(`${p}/jobs/${job.unique_slug}#apply`);
    await expect(page.locator('form [type="submit"]').first()).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
