"use client";

// The application form with its words: loaded only when the visitor comes near the form or asks
// for it (components/apply/apply-section.tsx), so the translation library it uses arrives with
// it and the job page itself ships none.
import { NextIntlClientProvider } from "next-intl";
import type { ComponentProps } from "react";
import type { Messages } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";
import { ApplicationForm } from "./application-form";

type Props = ComponentProps<typeof ApplicationForm> & { locale: Locale; messages: Messages["apply"] };

export function LocalizedApplicationForm({ locale, messages, ...form }: Props) {
  return (
    <NextIntlClientProvider locale={locale} timeZone="UTC" messages={{ apply: messages }}>
      <ApplicationForm {...form} />
    </NextIntlClientProvider>
  );
}
