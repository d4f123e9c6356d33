import { describe, expect, it } from "vitest";
import { currencyFor, relativeDate, salaryLabel } from "@/lib/jobs/format";
import type { Salary } from "@/lib/jobs/types";

const range = (min: number | null, max: number | null, period: Salary["period"] = "year"): Salary => ({
  kind: "range",
  label: "Range",
  min,
  max,
  period,
  details: null,
});

describe("salaryLabel", () => {
  it("formats with Intl in the job country's currency and conventions", () => {
    expect(salaryLabel(range(48000, 56000), "IE")).toBe("€48,000 – €56,000 a year");
    expect(salaryLabel(range(12.5, 14, "hour"), "GB")).toBe("£12.50 – £14.00 an hour");
    expect(salaryLabel(range(52000, 60000), "US")).toBe("$52,000 – $60,000 a year");
    expect(salaryLabel(range(30000, null), "PT")).toBe("From €30,000 a year");
    expect(salaryLabel(range(null, 90000), null)).toBe("Up to 90,000 a year");
  });

  it("says Competitive, or nothing, when there is no amount", () => {
    expect(salaryLabel({ kind: "competitive", label: "Competitive", min: null, max: null, period: "year", details: null }, "IE")).toBe("Competitive");
    expect(salaryLabel(null, "IE")).toBeNull();
  });

  it("maps countries to currencies", () => {
    expect([currencyFor("de"), currencyFor("GB"), currencyFor("US"), currencyFor(null)]).toEqual(["EUR", "GBP", "USD", null]);
  });
});

describe("relativeDate", () => {
  const now = Date.parse("2026-11-29T12:00:00Z");
  it("reads like a person would say it", () => {
    expect(relativeDate("2026-11-29T08:00:00Z", now)).toBe("today");
    expect(relativeDate("2026-11-28T08:00:00Z", now)).toBe("yesterday");
    expect(relativeDate("2026-11-26T08:00:00Z", now)).toBe("3 days ago");
    expect(relativeDate("2026-11-01T08:00:00Z", now)).toBe("4 weeks ago");
    expect(relativeDate("2026-07-01T08:00:00Z", now)).toBe("5 months ago");
  });
});
