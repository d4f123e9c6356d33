import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ OCCUPOP_API_TOKEN: "t0ken-value", SITE_URL: "https://careers.example.com/" });
    expect(env).toMatchObject({
      OCCUPOP_API_URL: "https://api.occupop.com/rest",
      SITE_URL: "https://careers.example.com",
      DATA_DIR: "./data",
      JOBS_CACHE_SECONDS: 300,
    });
  });

  it("names every missing or malformed variable in one error", () => {
    let error: unknown;
    try {
      parseEnv({ OCCUPOP_API_URL: "ftp://occupop", OCCUPOP_API_TOKEN: "", JOBS_CACHE_SECONDS: "soon" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain("OCCUPOP_API_URL must be an http(s) URL");
    expect(message).toContain("OCCUPOP_API_TOKEN is required");
    expect(message).toContain("SITE_URL is required");
    expect(message).toContain("JOBS_CACHE_SECONDS");
  });

  it("takes a PostgreSQL DATABASE_URL, and names anything else", () => {
    const base = { OCCUPOP_API_TOKEN: "t0ken-value", SITE_URL: "https://careers.example.com" };
    expect(parseEnv({ ...base, DATABASE_URL: "postgres://careers:pw@db:5432/careers" }).DATABASE_URL).toBe("postgres://careers:pw@db:5432/careers");
    expect(parseEnv({ ...base, DATABASE_URL: "postgresql://db/careers?sslmode=require" }).DATABASE_URL).toContain("sslmode=require");
    expect(parseEnv({ ...base, DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ ...base, DATABASE_URL: "mysql://db/careers" })).toThrow("DATABASE_URL must be a postgres:// URL (or unset, for SQLite in DATA_DIR)");
  });

  it("takes an smtp:// or smtps:// SMTP_URL with a sender, and names anything else", () => {
    const base = { OCCUPOP_API_TOKEN: "t0ken-value", SITE_URL: "https://careers.example.com" };
    expect(parseEnv({ ...base, SMTP_URL: "smtps://user:pw@smtp.example.com:465", MAIL_FROM: "Careers <jobs@example.com>" }).SMTP_URL).toBe("smtps://user:pw@smtp.example.com:465");
    expect(parseEnv({ ...base, SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ ...base, SMTP_URL: "smtp://smtp.example.com:587" })).toThrow("MAIL_FROM must be set with SMTP_URL");
    expect(() => parseEnv({ ...base, SMTP_URL: "http://smtp.example.com", MAIL_FROM: "a@b.c" })).toThrow("SMTP_URL must be an smtp:// or smtps:// URL");
    expect(() => parseEnv({ ...base, SMTP_URL: "smtp://smtp.example.com", MAIL_FROM: "a@b.c\r\nBcc: x@y.z" })).toThrow("MAIL_FROM must be one line");
  });
});
