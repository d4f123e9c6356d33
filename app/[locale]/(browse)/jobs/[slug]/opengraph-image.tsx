import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { brandingIn, getBranding } from "@/lib/branding";
import { offeredLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { getJobBySlug } from "@/lib/jobs";
import { whereLabel } from "@/lib/jobs/format";

// Rendered with next/og's bundled font (Geist, shipped inside next): no network at build or run time.
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "The job title and company";

export default async function OpenGraphImage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale: segment, slug } = await params;
  const job = await getJobBySlug(slug);
  // No image for a job that does not exist: nothing to draw, and no work for a stranger's guesses.
  if (!job) notFound();
  const stored = await getBranding();
  const locale = offeredLocale(stored.languages, segment) ?? stored.languages.defaultLocale;
  const branding = brandingIn(stored, locale);
  const t = translator(locale);
  const title = job.title;
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px",
          background: branding.primaryColor,
          color: "#ffffff",
        }}
      >
        <div style={{ fontSize: 36, opacity: 0.9, display: "flex" }}>{t("job.hiring", { company: branding.companyName })}</div>
        <div style={{ fontSize: title.length > 40 ? 64 : 84, lineHeight: 1.1, display: "flex" }}>{title}</div>
        <div style={{ fontSize: 32, opacity: 0.9, display: "flex" }}>{whereLabel(job, locale) || branding.siteTitle}</div>
      </div>
    ),
    size,
  );
}
