import type { Config } from "tailwindcss";

// Brand colours are CSS variables set in the root layout, so a theme change needs no rebuild.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          DEFAULT: "var(--brand-primary)",
          contrast: "var(--brand-primary-contrast)",
          accent: "var(--brand-accent)",
          "accent-contrast": "var(--brand-accent-contrast)",
        },
      },
      fontFamily: {
        sans: ["var(--font-sans)"],
      },
    },
  },
};

export default config;
