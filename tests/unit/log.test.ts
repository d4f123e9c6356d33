import { describe, expect, it } from "vitest";
import { safeUrl, scrubLogLine } from "@/lib/log";

describe("log scrubbing", () => {
  it("removes the token and every URL query string from a line", () => {
    const line = JSON.stringify({
      msg: "upload failed",
      url: "https://bucket.example.com/cvs/1?X-Amz-Signature=abc&X-Amz-Expires=900",
      err: "Bearer super-secret-token rejected",
    });
    const out = scrubLogLine(line, "super-secret-token");
    expect(out).not.toContain("super-secret-token");
    expect(out).not.toContain("X-Amz-Signature");
    expect(out).toContain("https://bucket.example.com/cvs/1?[redacted]");
  });

  it("removes the password from a database URL", () => {
    const out = scrubLogLine(JSON.stringify({ err: "connect failed: postgres://careers:s3cr3t-p%40ss@db.internal:5432/careers" }), undefined);
    expect(out).not.toContain("s3cr3t");
    expect(out).toContain("postgres://careers:[redacted]@db.internal:5432/careers");
  });

  it("keeps only origin and path in safeUrl", () => {
    expect(safeUrl("http://h:1/p/q?sig=1#x")).toBe("http://h:1/p/q");
  });
});
