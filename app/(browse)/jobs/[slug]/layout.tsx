import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getJobBySlug } from "@/lib/jobs";

// The lookup sits in the layout, before anything streams, so an unknown slug is a real
// HTTP 404 rather than a streamed 200.
export default async function JobLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await getJobBySlug(slug))) notFound();
  return children;
}
