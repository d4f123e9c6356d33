// Message keys and locales are checked at compile time (next-intl's AppConfig).
import type { Messages } from "./catalogs";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
