import { ImageResponse } from "next/og";
import { getBranding } from "@/lib/branding";
import { getJobBySlug } from "@/lib/jobs";
import { whereLabel } from "@/lib/jobs/format";

// Rendered with next/og's bundled font (Geist, shipped inside next): no network at build or run time.
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "The job title and company";

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const job = await getJobBySlug((await params).slug);
  const branding = await getBranding();
  const title = job?.title ?? "Careers";
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
        <div style={{ fontSize: 36, opacity: 0.9, display: "flex" }}>{branding.companyName} is hiring</div>
        <div style={{ fontSize: title.length > 40 ? 64 : 84, lineHeight: 1.1, display: "flex" }}>{title}</div>
        <div style={{ fontSize: 32, opacity: 0.9, display: "flex" }}>{job ? whereLabel(job) : branding.siteTitle}</div>
      </div>
    ),
    size,
  );
}
