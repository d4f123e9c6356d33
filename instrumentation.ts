// Boot checks, traces and error reporting for the Node.js server.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Traces first, so the start-up's own work is traced too. Off unless OTEL_EXPORTER_OTLP_ENDPOINT
  // is set, and then the SDK is not even loaded.
  const { tracesEndpoint } = await import("@/lib/telemetry/state");
  if (tracesEndpoint()) {
    const { startTracing } = await import("@/lib/telemetry/tracing");
    startTracing();
  }
  const { startServer } = await import("@/lib/boot");
  await startServer();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("@/lib/boot");
  reportRequestError(error, request, context);
};
