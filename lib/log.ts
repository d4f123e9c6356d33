// Structured logs: one JSON object per line on stdout (pino). Every line is scrubbed on the
// way out, so neither the Occupop token nor a URL's query string (where signed upload URLs
// carry their credential) can reach a log, whatever an error message happens to contain. A line
// written inside a trace carries its trace_id and span_id.
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import { context, isSpanContextValid, trace } from "@opentelemetry/api";
import pino, { type Logger } from "pino";

const URL_QUERY = /(\bhttps?:\/\/[^\s"'<>?#]+)\?[^\s"'<>#]*/gi;
/** The password in a database URL (postgres://user:password@host). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>/:@]*:)[^\s"'<>/@]*@/gi;

/** Removes the secret, URL passwords and every URL query string from one serialized log line. */
export function scrubLogLine(line: string, secret: string | undefined = process.env.OCCUPOP_API_TOKEN): string {
  let out = line.replace(URL_QUERY, "$1?[redacted]").replace(URL_PASSWORD, "$1[redacted]@");
  const token = secret?.trim();
  if (token && token.length >= 4) out = out.split(token).join("[redacted]");
  return out;
}

/** A URL fit for a log line: origin and path only. */
export function safeUrl(url: string | URL): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "[unparseable url]";
  }
}


/** The active trace's ids (./telemetry), so a log line can be found from its trace and back. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active())?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? "info";
  return pino(
    {
      level,
      base: { service: "careers-site" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceFields,
      redact: { paths: ["token", "authorization", "*.authorization", "headers.authorization"], censor: "[redacted]" },
    },
    { write: (line: string) => process.stdout.write(scrubLogLine(line)) },
  );
}

export function logger(): Logger {
  return processSingleton("logger", createLogger);
}

/** A child logger naming the capability that writes through it. */
export function log(module: string): Logger {
  return logger().child({ module });
}
