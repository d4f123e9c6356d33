import type { ReactNode } from "react";
import "./globals.css";

// The documents come from the layouts below, which know their language: app/[locale]/layout.tsx
// for the public site (<html lang> per page), app/admin/layout.tsx for the admin (English).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
