// Every candidate in their own language: German, French and Spanish pages beside the English
// ones, a German applicant end to end, hreflang both ways, a first visit that follows the
// browser's language once, and axe on every page type in every language.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./admin-support";
import { answerQuestions, expectOneCandidate, jobWhere, pdf, person, testFile } from "./apply-support";
import { emulatorControl, expectNoAxeViolations, resetWorld, revalidate, site, target } from "./support";

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
  // And an English description on a German page is marked English.
  const english = await jobWhere((j) => j.title === "Store Manager");
  await page.goto(`/de/jobs/${english.unique_slug}`);
  await expect(page.getByTestId("job-description")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
  await page.goto(`/jobs/${english.unique_slug}`);
  await expect(page.getByTestId("job-description")).not.toHaveAttribute("lang", /.*/);
});

test("every page type has no axe violations in every language", async ({ page }) => {
  test.setTimeout(180_000);
  const job = await jobWhere((j) => j.questions_form.length > 0);
  for (const l of LANGUAGES) {
    const p = prefix(l);
    for (const path of [p || "/", `${p}?q=store`, `${p}/jobs/${job.unique_slug}`, `${p}/jobs/${job.unique_slug}/apply`, `${p}/jobs/${job.unique_slug}/applied`, `${p}/accessibility`, `${p}/alerts/new`, `${p}/alerts/confirm?token=expired`, `${p}/alerts/manage?token=gone`, `${p}/jobs/no-such-job`]) {
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

/** HR's language settings, as the admin page saves them. */
async function saveLanguages(page: Page, { offered, defaultLanguage, headlines = {} }: { offered: string[]; defaultLanguage: string; headlines?: Record<string, string> }) {
  await page.goto("/admin/languages");
  for (const [l, name] of [["en", "English"], ["de", "Deutsch"], ["fr", "Français"], ["es", "Español"]] as const) {
    await page.getByRole("checkbox", { name }).setChecked(offered.includes(l));
    await page.getByTestId(`texts-${l}`).getByLabel("Headline").fill(headlines[l] ?? "");
  }
  await page.getByLabel("Default language").selectOption(defaultLanguage);
  await page.getByRole("button", { name: "Save languages" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved as version|Nothing was saved/ })).toBeVisible();
}

test("HR chooses the languages on offer, the default, and a headline per language", async ({ page, browser }) => {
  await logIn(page);
  try {
    await saveLanguages(page, { offered: ["en", "fr"], defaultLanguage: "es" });
    await expect(page.getByRole("status").filter({ hasText: "Nothing was saved" })).toContainText("The default language must be one of the languages on offer");
    await expect(page.getByRole("checkbox", { name: "Français" })).toBeChecked(); // kept as chosen

    await saveLanguages(page, { offered: ["de", "en", "es"], defaultLanguage: "de", headlines: { de: "Komm zu uns nach draußen", es: "Trabaja con nosotros al aire libre" } });
    // A German browser: an English one would be sent to /en on its first visit, as it should.
    const context = await browser.newContext({ locale: "de-DE" });
    const visitor = await context.newPage();
    await visitor.goto("/");
    await expect(visitor.locator("html")).toHaveAttribute("lang", "de");
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Komm zu uns nach draußen");
    await visitor.goto("/en");
    await expect(visitor.locator("html")).toHaveAttribute("lang", "en");
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Find your next role with us");
    await visitor.goto("/es");
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Trabaja con nosotros al aire libre");
    const switcher = visitor.getByRole("navigation", { name: "Idioma" }).getByRole("link");
    await expect(switcher).toHaveText(["English", "Deutsch", "Español"]);
    expect((await visitor.request.get("/fr")).status()).toBe(404);
    // The default language's links are unprefixed; English now has its prefix.
    const job = await jobWhere(() => true);
    await visitor.goto(`/jobs/${job.unique_slug}`);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "de");
    await expect(visitor.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`/en/jobs/${job.unique_slug}$`));
    await context.close();
  } finally {
    await saveLanguages(page, { offered: ["en", "de", "fr", "es"], defaultLanguage: "en" });
    await expect(page.getByRole("status").filter({ hasText: "Saved as version" })).toBeVisible();
  }
});

test("a German sign-up gets German emails whose links lead to German pages", async ({ page }) => {
  const email = `deutsch-${randomBytes(4).toString("hex")}@example.com`;
  type Mail = { subject: string; text: string; html: string };
  const mailTo = async () => ((await (await emulatorControl(`/mail?to=${encodeURIComponent(email)}`)).json()) as { data: Mail[] }).data;
  const link = (mail: Mail, path: string) => {
    const match = new RegExp(`https?://[^\\s]+${path.replace(/[?/]/g, "\\$&")}[^\\s]*`).exec(mail.text);
    if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
    return new URL(match[0]).pathname + new URL(match[0]).search;
  };
  try {
    await page.goto("/de");
    await page.getByLabel("E-Mail für Job-Benachrichtigungen").fill(email);
    await page.getByRole("button", { name: "Neue Stellen per E-Mail" }).click();
    await expect(page.getByTestId("alert-sent")).toContainText(`Sehen Sie in Ihr Postfach unter ${email}`);
    await expect.poll(async () => (await mailTo()).length, { timeout: 15_000 }).toBe(1);
    const [confirmation] = await mailTo();
    expect(confirmation!.subject).toMatch(/^Bestätigen Sie Ihre Job-Benachrichtigung von /);
    expect(confirmation!.html).toContain('<html lang="de">');
    await page.goto(link(confirmation!, "/de/alerts/confirm?token="));
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await page.getByRole("button", { name: "Ja, Job-Benachrichtigungen senden" }).click();
    await expect(page.getByTestId("alert-confirmed")).toHaveText("Bestätigt: Sie erhalten eine E-Mail, wenn neue Stellen passen.");

    const res = await emulatorControl("/jobs", "POST", { title: "Kletterlehrer (m/w/d)", sectors: [{ name: "Retail" }] });
    expect(res.status).toBe(201);
    await revalidate();
    await expect.poll(async () => (await mailTo()).length, { timeout: 20_000 }).toBe(2);
    const digest = (await mailTo()).find((m) => m !== undefined && m.subject.startsWith("Neue Stelle bei"))!;
    expect(digest.subject).toMatch(/: Kletterlehrer \(m\/w\/d\)$/);
    expect(digest.text).toContain("Eine neue Stelle passt zu Ihrer Benachrichtigung:");
    expect(link(digest, "/de/jobs/")).toMatch(/^\/de\/jobs\/kletterlehrer/);
  } finally {
    await resetWorld();
  }
});
