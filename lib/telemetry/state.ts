// Whether this process exports traces: where to (the OTEL_* variables), and whether
// ./tracing.ts has started. Apart from tracing.ts, so that what only asks does not load the
// OpenTelemetry SDK (107 ms and 18 MiB): instrumentation.ts loads it only when an endpoint is
// set; lib/db asks for its query spans; scripts that open the database load none of it.
import { processSingleton } from "@/lib/process-state.mjs";

const state = () => processSingleton("tracing", () => ({ on: false }));

/** True once tracing was started in this process. */
export const tracingOn = (): boolean => state().on;

/** Marks tracing as started (./tracing.ts). */
export function markTracingOn(): void {
  state().on = true;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** The endpoint spans go to, or null when tracing is off. */
export function tracesEndpoint(environment: Environment = process.env): string | null {
  const traces = environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = environment.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, "")}/v1/traces` : null;
}
