import Link from "next/link";
import type { ReactNode } from "react";

/** The way back to the listing that ends a page: a paragraph with one link, a full-size target. */
export function JobsLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <p className={className}>
      <Link href={href} className="inline-flex min-h-11 items-center font-medium text-brand underline">
        {children}
      </Link>
    </p>
  );
}
