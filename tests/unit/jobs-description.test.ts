import { describe, expect, it } from "vitest";
import { descriptionText, excerpt, sanitizeDescription } from "@/lib/jobs/description";

const HOSTILE = [
  "<p>Join the crew.</p>",
  "<p><br></p>",
  "<script>window.__pwned = 'script'</script>",
  '<p><img src="x" onerror="window.__pwned = 1">Calm?</p>',
  '<p><a href="javascript:window.__pwned = 2">values</a> and <a href="https://example.com/v" target="_blank" onclick="x()">long</a>',
  ' <a href="mailto:jobs@example.com">mail</a> <a href="data:text/html,hi">data</a> <a href="//evil.example">proto</a></p>',
  '<iframe src="https://example.com/evil">inner</iframe>',
  '<p style="position:fixed" onclick="x()"><span style="color: rgb(1,2,3);">Styled</span> <em>em</em></p>',
  "<p>&nbsp;</p><h1>Big</h1><ul><li>One&nbsp;two</li></ul><svg><script>alert(1)</script></svg>",
].join("");

describe("sanitizeDescription", () => {
  const out = sanitizeDescription(HOSTILE);

  it("drops scripts, event handlers, javascript: and other non-http links, styles and frames", () => {
    expect(out).not.toMatch(/<script|onerror|onclick|javascript:|style=|<iframe|<img|<svg|data:text|evil\.example|__pwned/i);
  });

  it("keeps paragraphs, emphasis, lists and safe links with rel=noopener noreferrer", () => {
    expect(out).toContain("<p>Join the crew.</p>");
    expect(out).toContain("<p>Styled <em>em</em></p>");
    // A refused link keeps its words, with no destination, and closing tags stay balanced.
    expect(out).toContain('<a>values</a> and <a href="https://example.com/v" rel="noopener noreferrer">long</a>');
    expect(out).toContain("<li>One two</li>");
    expect(out).toContain('<a href="https://example.com/v" rel="noopener noreferrer">long</a>');
    expect(out).toContain('<a href="mailto:jobs@example.com" rel="noopener noreferrer">mail</a>');
    expect(out).toContain("<h2>Big</h2>");
    expect(out).toContain("Styled");
  });

  it("collapses the editor's empty spacer paragraphs", () => {
    expect(out).not.toMatch(/<p>\s*(<br \/>)?\s*<\/p>/);
  });
});

describe("descriptionText", () => {
  it("gives readable text without markup or script content", () => {
    const text = descriptionText(HOSTILE);
    expect(text.startsWith("Join the crew. Calm? values and long")).toBe(true);
    expect(text).not.toMatch(/[<>]|__pwned/);
    expect(text).toContain("One two");
  });

  it("cuts excerpts at a word boundary", () => {
    expect(excerpt("one two three four", 12)).toBe("one two…");
    expect(excerpt("short", 12)).toBe("short");
  });
});
