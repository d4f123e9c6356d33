// What leaves the server in a span is scrubbed on the way out, whatever made the span (Next.js,
// the fetch instrumentation, our own code): no URL query string (where alert and status links
// and signed upload URLs carry their credential), no email address, no Occupop token. Our own
// spans carry no personal data to begin with (./spans.ts); this holds for everyone else's.
import "server-only";
import type { Attributes, AttributeValue } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { scrubLogLine } from "@/lib/log";

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
/** A query string after a path or URL: "/alerts/manage?token=…" keeps "/alerts/manage?[redacted]". */
const QUERY = /(^|[\s"'(]|https?:\/\/[^\s"'<>?#]*|\/[^\s"'<>?#]*)\?[^\s"'<>#]*/gi;

/** One string as it may leave the server. */
export function scrubText(text: string): string {
  return scrubLogLine(text).replace(QUERY, "$1?[redacted]").replace(EMAIL, "[email]");
}

function scrubValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? scrubText(v) : v)) as AttributeValue;
  return value;
}

export function scrubAttributes(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, scrubValue(value)]));
}

/** The span as it may leave: the same span, seen through scrubbed name, attributes and events. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    name: { value: scrubText(span.name), enumerable: true },
    attributes: { value: scrubAttributes(span.attributes), enumerable: true },
    events: { value: span.events.map((event) => ({ ...event, attributes: event.attributes ? scrubAttributes(event.attributes) : undefined })), enumerable: true },
  }) as ReadableSpan;
}

/** An exporter that hands `inner` only scrubbed spans. */
export function scrubbingExporter(inner: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => inner.export(spans.map(scrubSpan), done),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}
