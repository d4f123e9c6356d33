import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getBranding } from "@/lib/branding";

export const metadata: Metadata = { title: "Accessibility statement", alternates: { canonical: "/accessibility" } };

/** When this statement was last reviewed against the site (update with each review). */
const REVIEWED = "29 November 2026";

function Contact({ contact, companyName }: { contact: string | null; companyName: string }) {
  if (!contact) {
    return (
      <p data-testid="adjustment-contact">
        Write what you need in the cover letter box of the application form: a person at {companyName} reads every application, and will
        get back to you.
      </p>
    );
  }
  const isEmail = contact.includes("@") && !/^https?:/i.test(contact);
  return (
    <p data-testid="adjustment-contact">
      Contact {companyName} at{" "}
      <a href={isEmail ? `mailto:${contact}` : contact} className="font-medium text-brand underline">
        {contact}
      </a>
      , or write what you need in the cover letter box of the application form: a person reads every application.
    </p>
  );
}

// The accessibility statement (the European Accessibility Act and EN 301 549 expect one): the
// standard aimed at, how the site is tested, what is known not to work, and how to ask for an
// adjustment or to apply another way, with the contact HR gives in the branding.
export default async function AccessibilityPage() {
  await connection();
  const branding = await getBranding();
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900">Accessibility statement</h1>
      <p className="mt-3 text-slate-800">
        {branding.companyName} wants everyone to be able to find its jobs and apply for them. This careers site aims to meet the Web Content
        Accessibility Guidelines (WCAG) 2.2 at level AA.
      </p>

      <h2 className="mt-8 text-xl font-semibold text-slate-900">What you can expect</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        <li>Pages are built from native links, buttons and form fields with a visible focus outline, so a keyboard alone reaches everything.</li>
        <li>Every page, the job search and the application form work without JavaScript.</li>
        <li>Nothing times out: take as long as you need on the application form. If something goes wrong, what you typed is kept.</li>
        <li>Form fields have visible labels; an error says what to change, next to its field and in a summary at the top.</li>
        <li>Text and buttons meet WCAG AA contrast, including in the company&apos;s colours (the branding editor checks them).</li>
      </ul>

      <h2 className="mt-8 text-xl font-semibold text-slate-900">How it is tested</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        <li>
          Automated checks with axe-core against the WCAG 2.0, 2.1 and 2.2 A and AA rules, on every page type, in every release&apos;s
          tests, in Chromium.
        </li>
        <li>Applications are made in the tests with JavaScript turned off, and the way to the form and through it with a keyboard alone.</li>
        <li>Lighthouse accessibility audits of the job list and the job pages.</li>
      </ul>

      <h2 className="mt-8 text-xl font-semibold text-slate-900">What is known not to work yet</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
        <li>Job descriptions are shown as the hiring team wrote them; their headings and lists may not follow the page&apos;s structure.</li>
        <li>The site&apos;s own words are in English only, and a description in another language is not yet marked as such for screen readers.</li>
      </ul>

      <h2 id="adjustments" className="mt-8 scroll-mt-4 text-xl font-semibold text-slate-900">
        Ask for an adjustment, or apply another way
      </h2>
      <p className="mt-2 text-slate-800">
        If anything on this site stops you from applying, or you need an adjustment in the hiring process (another format, more time, another
        way to apply or to be interviewed), tell us: asking never counts against you.
      </p>
      <div className="mt-2 text-slate-800">
        <Contact contact={branding.accessibilityContact} companyName={branding.companyName} />
      </div>

      <p className="mt-8 text-sm text-slate-700">This statement was last reviewed on {REVIEWED}.</p>
      <p className="mt-4">
        <Link href="/" className="font-medium text-brand underline">
          See open jobs
        </Link>
      </p>
    </main>
  );
}
