// Every language's catalog. English is the reference: every other catalog has each of its keys
// (tests/unit/i18n.test.ts fails otherwise), and its shape is the type of a message key.
import de from "./messages/de.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const catalogs: Record<Locale, Messages> = { en, de, fr, es };
