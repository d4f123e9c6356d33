// Spans of the site's own work (Occupop calls, database queries, outbox deliveries), beside the
// ones Next.js makes for page renders, route handlers and server actions. Through the
// OpenTelemetry API alone: without a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT unset, see
// ./tracing.ts) every call here is a no-op. Attributes name kinds and outcomes, never a person:
// no email, name, address or URL query goes into a span (./scrub.ts checks on the way out too).
import "server-only";
import { context, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

const tracer = () => trace.getTracer("careers-site");

/** Runs `work` in a span named `name`; a throw marks the span failed (by the error's name only). */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}

const STATEMENTS = /\b(select|insert|update|delete|create|alter|drop|pragma|begin|commit|rollback|savepoint|release)\b/i;

/** The kind of a SQL statement (SELECT, INSERT, …: its first such keyword) and the table it names first. */
export function describeQuery(sqlText: string): { operation: string; table: string | null } {
  const operation = STATEMENTS.exec(sqlText)?.[1]?.toUpperCase() ?? "QUERY";
  const table = /\b(?:from|into|update|join)\s+"?([a-z_][a-z0-9_]*)"?/i.exec(sqlText)?.[1] ?? null;
  return { operation, table };
}

/**
 * A span for a query Kysely has run (its `log` option): started when the query started, ended
 * now, a child of whatever span was active (the render, the action, the delivery). A query
 * outside any span (a background loop polling for work) makes none: a trace of its own every
 * second per loop would be noise.
 */
export function recordQuerySpan(system: "sqlite" | "postgresql", sqlText: string, durationMs: number, failed: boolean): void {
  if (!trace.getSpan(context.active())) return;
  const { operation, table } = describeQuery(sqlText);
  const span = tracer().startSpan(`${operation}${table ? ` ${table}` : ""}`, {
    startTime: Date.now() - durationMs,
    attributes: { "db.system.name": system, "db.operation.name": operation, ...(table ? { "db.collection.name": table } : {}) },
  });
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
