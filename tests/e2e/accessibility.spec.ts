// The accessibility statement (linked from every footer and from the form, with the contact HR
// sets in the branding), and the way to the application form and through it by keyboard alone.
import { expect, test } from "@playwright/test";
import { logIn } from "./admin-support";
import { jobWhere } from "./apply-support";
import { expectNoAxeViolations } from "./support";

test("the statement is a footer link away, and names the adjustment contact HR sets", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expect(page.getByText("WCAG) 2.2 at level AA")).toBeVisible();
  // No contact set: the statement still says how to ask.
  await expect(page.getByTestId("adjustment-contact")).toContainText("cover letter");
  await expectNoAxeViolations(page);

  await logIn(page);
  await page.goto("/admin/branding");
  await page.getByLabel("Accessibility contact").fill("not a contact");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("The accessibility contact must be an email address or a web address starting with https://")).toBeVisible();
  await page.getByLabel("Accessibility contact").fill("access@kestrel.example");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("branding-status")).toContainText("Saved as version");
  await page.goto("/accessibility");
  await expect(page.getByTestId("adjustment-contact").getByRole("link", { name: "access@kestrel.example" })).toHaveAttribute("href", "mailto:access@kestrel.example");
  // Back to the default branding for the other tests.
  await page.goto("/admin/branding");
  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await expect(page.getByTestId("restore-status")).toContainText("The default look is back");
});

test("a keyboard alone reaches the form from a job page and moves through it in order, and the form links to the statement", async ({ page }) => {
  const job = await jobWhere((j) => !j.require_cv);
  await page.goto(`/jobs/${job.unique_slug}`);
  // Tab from the top of the page: the skip link first, then on to "Apply now".
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const applyNow = page.getByRole("link", { name: "Apply now" });
  for (let i = 0; i < 30 && !(await applyNow.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(applyNow).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("First name")).toBeFocused();
  await page.keyboard.type("Ada");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Last name")).toBeFocused();
  await page.keyboard.type("Lovelace");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email (required)")).toBeFocused();
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  await expect(page.getByLabel("Last name")).toHaveValue("Lovelace");
  const adjustments = page.getByRole("link", { name: "Need an adjustment, or another way to apply?" });
  await expect(adjustments).toHaveAttribute("href", "/accessibility#adjustments");
});
