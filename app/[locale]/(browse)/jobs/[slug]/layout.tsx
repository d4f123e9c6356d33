import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { pageLocale } from "@/lib/i18n/server";
import { getJobBySlug } from "@/lib/jobs";

// The lookup sits in the layout, before anything streams, so an unknown slug is a real
// HTTP 404 rather than a streamed 200.
export default async function JobLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  await pageLocale(locale);
  if (!(await getJobBySlug(slug))) notFound();
  return children;
}
