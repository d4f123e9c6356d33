// Traces as the server starts them (lib/telemetry/tracing.ts), exported over real OTLP/HTTP to a
// receiver in this test: our spans arrive nested, scrubbed of email addresses and URL queries
// whoever set them, and a log line written inside a span carries its trace id.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trace } from "@opentelemetry/api";
import { dropProcessSingleton } from "@/lib/process-state.mjs";
import { log } from "@/lib/log";
import { describeQuery, inSpan, recordQuerySpan } from "@/lib/telemetry/spans";
import { scrubText } from "@/lib/telemetry/scrub";
import { tracesEndpoint } from "@/lib/telemetry/state";
import { parseHeaders, startTracing } from "@/lib/telemetry/tracing";

type Received = { traceId: string; spanId: string; parentSpanId: string; name: string; attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string } }> };

let server: Server;
let origin = "";
const received: Received[] = [];
const headersSeen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      headersSeen.push(String(req.headers["x-collector-key"] ?? ""));
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Received[] }> }> };
      for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const attr = (span: Received, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

async function spansNamed(name: string, timeoutMs = 10_000): Promise<Received[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = received.filter((s) => s.name === name);
    if (found.length || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("tracing", () => {
  it("is off without an endpoint, and reads the standard variables", () => {
    expect(tracesEndpoint({})).toBeNull();
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toBe("http://collector:4318/v1/traces");
    expect(tracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://a:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://b/traces" })).toBe("http://b/traces");
    expect(parseHeaders("api-key=a%20b, x-team=careers,broken")).toEqual({ "api-key": "a b", "x-team": "careers" });
    expect(startTracing({})).toBe(false);
  });

  it("exports our spans over OTLP, nested, scrubbed, with the trace id in the log lines written inside them", async () => {
    expect(startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: origin, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_EXPORTER_OTLP_HEADERS: "x-collector-key=k1" })).toBe(true);
    // The logger is made again, at info, writing where this test reads.
    process.env.LOG_LEVEL = "info";
    dropProcessSingleton("logger");
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    let traceId = "";
    try {
      await inSpan("outbox deliver", { "careers.delivery.attempt": 1 }, async (outer) => {
        traceId = outer.spanContext().traceId;
        log("outbox").info({ application: "a-1" }, "delivering");
        await inSpan("occupop createCandidate", { "occupop.operation": "createCandidate" }, async (inner) => {
          // What another library might set: a URL with its signature, an applicant's email.
          inner.setAttribute("url.full", "https://bucket.example.com/cv.pdf?X-Amz-Signature=abc123");
          inner.setAttribute("http.target", "/alerts/manage?token=secret-token-1");
          inner.setAttribute("note", "sent for Jane.Doe+cv@example.org");
        });
        recordQuerySpan("sqlite", 'select "status", count(*) as "n" from "applications" where "email" = ?', 2, false);
      });
      // Outside any span (a background loop's poll): no span, no trace of its own.
      recordQuerySpan("sqlite", 'select * from "mail_outbox" where "status" = ?', 1, false);
    } finally {
      process.stdout.write = write;
      process.env.LOG_LEVEL = "silent";
      dropProcessSingleton("logger");
    }
    const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "delivering");
    expect(line?.trace_id).toBe(traceId);
    expect(line?.span_id).toMatch(/^[0-9a-f]{16}$/);

    const [outer] = await spansNamed("outbox deliver");
    const [inner] = await spansNamed("occupop createCandidate");
    const [query] = await spansNamed("SELECT applications");
    expect(outer?.traceId).toBe(traceId);
    expect(inner?.parentSpanId).toBe(outer?.spanId);
    expect(query?.parentSpanId).toBe(outer?.spanId);
    expect(attr(query!, "db.system.name")).toBe("sqlite");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(received.filter((s) => s.name === "SELECT mail_outbox")).toEqual([]);
    expect(attr(inner!, "url.full")).toBe("https://bucket.example.com/cv.pdf?[redacted]");
    expect(attr(inner!, "http.target")).toBe("/alerts/manage?[redacted]");
    expect(attr(inner!, "note")).toBe("sent for [email]");
    const everything = JSON.stringify(received);
    for (const secret of ["abc123", "secret-token-1", "Jane.Doe", "example.org"]) expect(everything).not.toContain(secret);
    expect(headersSeen).toContain("k1");
    expect(trace.getTracer("careers-site")).toBeDefined();
  });
});

describe("span text", () => {
  it("names a query by its statement and first table", () => {
    expect(describeQuery('insert into "applications" ("id") values (?)')).toEqual({ operation: "INSERT", table: "applications" });
    expect(describeQuery('with "x" as (select 1) update "mail_outbox" set "status" = ?')).toEqual({ operation: "SELECT", table: "mail_outbox" });
    expect(describeQuery("PRAGMA journal_mode")).toEqual({ operation: "PRAGMA", table: null });
  });

  it("scrubs queries and emails from any text", () => {
    expect(scrubText("GET /de/alerts/confirm?token=abc")).toBe("GET /de/alerts/confirm?[redacted]");
    expect(scrubText("fetch GET http://h/rest/jobs?page=2")).toBe("fetch GET http://h/rest/jobs?[redacted]");
    expect(scrubText("to a.b@c.de and nothing else")).toBe("to [email] and nothing else");
    expect(scrubText("render route (app) /[locale]/jobs/[slug]")).toBe("render route (app) /[locale]/jobs/[slug]");
  });
});
