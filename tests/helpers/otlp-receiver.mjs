// @ts-check
// An OTLP/HTTP trace receiver for the tests, speaking the JSON encoding (the site exports with
// OTEL_EXPORTER_OTLP_PROTOCOL=http/json): POST /v1/traces stores the spans it is sent; GET /spans
// lists them flattened ({ traceId, spanId, parentSpanId, name, kind, status, attributes, service });
// DELETE /spans forgets them. Kept in memory (the last 50,000). OTLP_PORT chooses the port.
// A protobuf export (the default encoding) is accepted and only counted: GET /stats tells how
// many exports and bytes of each encoding arrived (the bench's tracing runs use it).
import { createServer } from "node:http";

const port = Number(process.env.OTLP_PORT ?? 4418);
/** @type {Array<Record<string, unknown>>} */
let spans = [];
const stats = { json: { exports: 0, bytes: 0 }, protobuf: { exports: 0, bytes: 0 } };

/** An OTLP AnyValue as a plain value. @param {Record<string, unknown> | undefined} v @returns {unknown} */
function plain(v) {
  if (!v) return null;
  if ("stringValue" in v) return v.stringValue;
  if ("intValue" in v) return Number(v.intValue);
  if ("doubleValue" in v) return v.doubleValue;
  if ("boolValue" in v) return v.boolValue;
  if ("arrayValue" in v) return (/** @type {{ values?: Array<Record<string, unknown>> }} */ (v.arrayValue).values ?? []).map(plain);
  return null;
}

/** @param {Array<{ key: string; value: Record<string, unknown> }> | undefined} list */
const attributes = (list) => Object.fromEntries((list ?? []).map((a) => [a.key, plain(a.value)]));

const server = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/v1/traces") {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const bytes = chunks.reduce((n, c) => n + c.length, 0);
      if (String(req.headers["content-type"] ?? "").includes("protobuf")) {
        stats.protobuf.exports++;
        stats.protobuf.bytes += bytes;
        return void res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
      }
      stats.json.exports++;
      stats.json.bytes += bytes;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        for (const rs of body.resourceSpans ?? []) {
          const service = attributes(rs.resource?.attributes)["service.name"];
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? []) {
              spans.push({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || null, name: s.name, kind: s.kind, status: s.status ?? {}, attributes: attributes(s.attributes), events: s.events ?? [], service, scope: ss.scope?.name ?? null });
            }
          }
        }
        if (spans.length > 50_000) spans = spans.slice(-50_000);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      } catch {
        res.writeHead(400).end("not OTLP JSON");
      }
    });
    return;
  }
  if (req.url === "/spans" && req.method === "GET") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(spans));
  if (req.url === "/spans" && req.method === "DELETE") {
    spans = [];
    return void res.writeHead(204).end();
  }
  if (req.url === "/stats" && req.method === "GET") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats));
  if (req.url === "/" && req.method === "GET") return void res.writeHead(200).end("otlp receiver\n");
  res.writeHead(404).end();
});
server.listen(port, "127.0.0.1");
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.once(signal, () => server.close(() => process.exit(0)));
