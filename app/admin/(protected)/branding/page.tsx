import { requireAdmin } from "@/lib/admin/access";
import { resetBrandingAction, restoreBrandingAction } from "./actions";
import { ActionForm } from "@/components/admin/action-form";
import { BrandingEditor } from "@/components/admin/branding-editor";
import { getBranding } from "@/lib/branding";
import { imageUrl } from "@/lib/branding/images";
import { DEFAULT_STORED_BRANDING, SOCIAL_SLOTS } from "@/lib/branding/schema";
import { currentVersion, history } from "@/lib/branding/store";

const FIELD_NAMES: Record<string, string> = {
  companyName: "company name",
  siteTitle: "site title",
  heroHeadline: "headline",
  heroIntro: "introduction",
  about: "about us",
  primaryColor: "primary colour",
  accentColor: "accent colour",
  privacyPolicyUrl: "privacy policy",
  accessibilityContact: "accessibility contact",
  sourceName: "source name",
  footerText: "footer",
  socialLinks: "social links",
  logo: "logo",
  favicon: "favicon",
  heroImage: "hero image",
};

const when = (ms: number) => new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(ms));

type Props = { searchParams: Promise<{ restored?: string; from?: string }> };

export default async function BrandingPage({ searchParams }: Props) {
  await requireAdmin();
  const { restored, from } = await searchParams;
  const [current, versions, branding] = await Promise.all([currentVersion(), history(), getBranding()]);
  const data = current?.data ?? DEFAULT_STORED_BRANDING;
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Branding</h1>
      <p className="mt-1 text-slate-700">
        {current ? `You are editing version ${current.id}.` : "You are editing the default look."} Saving publishes at once: no code, no redeploy.
      </p>
      {restored ? (
        <p role="status" className="mt-4 rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium" data-testid="restore-status">
          {from === "defaults" ? "The default look is back" : `Version ${from} is back in effect`} (saved as version {restored}). The public site shows it now.
        </p>
      ) : null}
      {/* A restore or reset brings other values: start the editor afresh from them. A save keeps
          the editor (and its message) as it is. */}
      <BrandingEditor
        key={restored ?? "editing"}
        initial={{
          companyName: data.companyName,
          siteTitle: data.siteTitle,
          heroHeadline: data.heroHeadline,
          heroIntro: data.heroIntro,
          about: data.about,
          primaryColor: data.primaryColor,
          accentColor: data.accentColor,
          privacyPolicyUrl: data.privacyPolicyUrl,
          accessibilityContact: data.accessibilityContact,
          sourceName: data.sourceName,
          footerText: data.footerText,
          socialLinks: data.socialLinks.slice(0, SOCIAL_SLOTS),
        }}
        images={{ logo: imageUrl(data.logo), favicon: imageUrl(data.favicon), heroImage: imageUrl(data.heroImage) }}
        baseVersion={current?.id ?? 0}
        fallbackCompany={branding.companyName}
      />

      <section aria-labelledby="history-heading" className="mt-12">
        <h2 id="history-heading" className="text-xl font-semibold">
          History
        </h2>
        {versions.length ? (
          <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="branding-history">
            {versions.map((version) => (
              <li key={version.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div>
                  <p className="font-medium">
                    Version {version.id}
                    {version.id === current?.id ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">in effect</span> : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    {when(version.createdAt)} UTC by {version.createdBy}
                    {version.note ? ` · ${version.note}` : ""}
                  </p>
                  <p className="text-sm text-slate-700">
                    {version.changes.length ? `Changed: ${version.changes.map((c) => FIELD_NAMES[c] ?? c).join(", ")}` : "No changes"}
                  </p>
                </div>
                {version.id !== current?.id ? (
                  <ActionForm action={restoreBrandingAction} submitLabel={`Restore version ${version.id}`} pendingLabel="Restoring…">
                    <input type="hidden" name="version" value={version.id} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-2 text-slate-700">Nothing saved yet.</p>
        )}
        <div className="mt-6">
          <h3 className="font-semibold">Start again</h3>
          <p className="text-sm text-slate-700">Saves the default look as a new version; the history keeps everything before it.</p>
          <ActionForm action={resetBrandingAction} submitLabel="Reset to defaults" pendingLabel="Resetting…" className="mt-2" />
        </div>
      </section>
    </main>
  );
}
