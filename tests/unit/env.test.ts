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
});
