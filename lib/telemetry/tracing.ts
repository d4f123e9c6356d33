// Traces over OTLP, on when OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set: Next.js's
// own spans (page renders, route handlers, server actions), the fetch calls under them (Occupop),
// and ours (./spans.ts: Occupop operations, database queries, outbox deliveries). Registered
// through @vercel/otel, the OpenTelemetry setup Next.js documents, from instrumentation.ts before
// the server starts. Every span leaves through ./scrub.ts. The standard OTEL_* variables apply
// (OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf or http/json, _HEADERS, OTEL_SERVICE_NAME,
// OTEL_TRACES_SAMPLER); see .env.example.
import "server-only";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter, registerOTel } from "@vercel/otel";
import { scrubbingExporter } from "./scrub";
import { markTracingOn, tracesEndpoint, tracingOn, type Environment } from "./state";

/** OTEL_EXPORTER_OTLP_HEADERS: "key=value,key2=value2", values percent-encoded. */
export function parseHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

/** Starts exporting spans when an endpoint is configured; does nothing otherwise. */
export function startTracing(environment: Environment = process.env): boolean {
  const url = tracesEndpoint(environment);
  if (!url || tracingOn() || ["true", "1"].includes(String(environment.OTEL_SDK_DISABLED).toLowerCase())) return tracingOn();
  const protocol = environment.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? environment.OTEL_EXPORTER_OTLP_PROTOCOL ?? "http/protobuf";
  const headers = { ...parseHeaders(environment.OTEL_EXPORTER_OTLP_HEADERS), ...parseHeaders(environment.OTEL_EXPORTER_OTLP_TRACES_HEADERS) };
  const exporter = protocol === "http/json" ? new OTLPHttpJsonTraceExporter({ url, headers }) : new OTLPHttpProtoTraceExporter({ url, headers });
  registerOTel({
    serviceName: environment.OTEL_SERVICE_NAME || "careers-site",
    // Ours alone (not "auto", which would add a second, unscrubbed exporter from the same variables).
    spanProcessors: [new BatchSpanProcessor(scrubbingExporter(exporter), { scheduledDelayMillis: 1000 })],
    instrumentations: ["fetch"],
  });
  markTracingOn();
  return true;
}
