// The operator's side: /metrics' exposition checked by Prometheus' own promtool, the alert rules
// run by `promtool test rules`, the shipped Prometheus config checked, the dashboard and the
// rules naming only metrics that exist, and compose's observability profile pointing at files
// that are there. promtool comes from Debian's prometheus package (.ci/run installs it).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { limitOf, metrics, recordOccupopCall, setMetricReaders } from "@/lib/metrics";
import { TALLY, tally } from "@/lib/metrics/tally.mjs";

const root = resolve(__dirname, "../..");
const promtool = process.env.PROMTOOL ?? "promtool";

/** Runs promtool; its output (stdout and stderr) and exit status. */
function runPromtool(args: string[], input?: string): { status: number; output: string } {
  try {
    const output = execFileSync(promtool, args, { cwd: root, input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string; code?: string };
    if (e.code === "ENOENT") throw new Error("promtool is not installed (Debian: apt-get install prometheus)");
    return { status: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Every metric, with a value in each, as a scrape would see it after some traffic. */
async function exercisedExposition(): Promise<string> {
  const m = metrics();
  // The database's side is read at scrape time; the end-to-end tests read a real one.
  setMetricReaders({
    applications: async () => ({ byState: { pending: 1, held: 0, failed: 0, delivered: 3, discarded: 0 }, oldestPendingAt: Date.now() - 5_000 }),
    mail: async () => ({ pending: 0, sent: 2, failed: 0 }),
    dataDir: () => tmpdir(),
  });
  recordOccupopCall("createCandidate", "server_error", 0.2);
  recordOccupopCall("listJobs", "ok", 0.05);
  m.deliveries.inc({ outcome: "delivered" });
  m.deliveryDuration.observe(3.2);
  m.deliveryAttempts.observe(2);
  m.mailSends.inc({ outcome: "sent" });
  m.searchNotifications.inc({ engine: "google", outcome: "sent" });
  m.alertDigests.inc();
  m.signInFailures.inc({ reason: "password" });
  m.rateLimited.inc({ limit: limitOf("apply:203.0.113.9") });
  m.webhookEvents.inc({ hook: "revalidate", outcome: "accepted" });
  tally(TALLY.pageCache, "hit");
  tally(TALLY.uploadRefusals, "busy");
  return m.registry.metrics();
}

/** The metric names an exposition declares (# TYPE lines), with the series names a histogram adds. */
function seriesNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name!);
    if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(`${name}${suffix}`);
  }
  return names;
}

/** The metric names a PromQL expression uses (identifiers followed by a selector, a range or an operator). */
function namesIn(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""');
  const words = [...withoutStrings.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((w) => w[1]!);
  const keywords = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "le", "__rate_interval", "instance", "state", "outcome", "operation", "reason", "limit", "hook", "result", "job"]);
  return words.filter((w) => !keywords.has(w) && !/^\d/.test(w) && /[a-z]/.test(w) && (w.includes("_") || w === "up"));
}

describe("/metrics' exposition", () => {
  it("passes promtool check metrics (Prometheus' own naming and format lint)", async () => {
    const text = await exercisedExposition();
    const { status, output } = runPromtool(["check", "metrics"], text);
    expect(output.trim(), output).toBe("");
    expect(status).toBe(0);
  });

  it("names its own metrics careers_* in base units, with labels from short fixed lists", async () => {
    const text = await exercisedExposition();
    const own = [...text.matchAll(/^# TYPE (careers_\S+) (\S+)$/gm)].map(([, name, type]) => ({ name: name!, type: type! }));
    expect(own.length).toBeGreaterThanOrEqual(18);
    for (const { name, type } of own) {
      if (type === "counter") expect(name).toMatch(/_total$/);
      else expect(name).not.toMatch(/_total$/);
      expect(name, "base units only").not.toMatch(/_(milliseconds|ms|kilobytes|megabytes|mb|minutes|hours)(_|$)/);
    }
    const labels = new Set([...text.matchAll(/^careers_[a-z_]+\{([^}]*)\}/gm)].flatMap(([, inside]) => [...inside!.matchAll(/([a-z_]+)="/g)].map((l) => l[1]!)));
    expect([...labels].sort()).toEqual(["engine", "hook", "le", "limit", "operation", "outcome", "reason", "result", "state"]);
  });

  it("labels a rate limit by its kind, never by the address or email in its key", () => {
    expect(limitOf("apply:2001:db8::/64")).toBe("apply");
    expect(limitOf("alerts-email:someone@example.com")).toBe("alerts-email");
    expect(limitOf("Someone@Example.com")).toBe("other");
    expect(limitOf("")).toBe("other");
  });
});

describe("Prometheus' rules and config", () => {
  it("loads the alert rules", () => {
    const { status, output } = runPromtool(["check", "rules", "observability/prometheus/alerts.yml"]);
    expect(output).toContain("SUCCESS: 4 rules found");
    expect(status).toBe(0);
  });

  it("fires each alert on the series that should fire it, and only then (promtool test rules)", () => {
    const { status, output } = runPromtool(["test", "rules", "tests/observability/alerts.test.yml"]);
    expect(output).toContain("SUCCESS");
    expect(output).not.toContain("FAILED");
    expect(status).toBe(0);
  });

  it("has a scrape config Prometheus accepts", () => {
    // The token file is compose's secret; here a file of our own stands in for it.
    const dir = mkdtempSync(join(tmpdir(), "prometheus-config-"));
    writeFileSync(join(dir, "token"), "metrics-token-for-the-check-0123");
    const config = readFileSync(join(root, "observability/prometheus/prometheus.yml"), "utf8").replace("/run/secrets/metrics-token", join(dir, "token"));
    writeFileSync(join(dir, "prometheus.yml"), config);
    copyFileSync(join(root, "observability/prometheus/alerts.yml"), join(dir, "alerts.yml"));
    const { status, output } = runPromtool(["check", "config", join(dir, "prometheus.yml")]);
    expect(output).toContain("SUCCESS: 1 rule files found");
    expect(status).toBe(0);
  });
});

describe("the dashboard and the alerts name only metrics that exist", () => {
  type Panel = { type: string; title: string; targets?: Array<{ expr: string }>; datasource?: { uid: string } };

  it("parses, and every query names a metric /metrics exposes (or Prometheus' own `up`)", async () => {
    const known = seriesNames(await exercisedExposition());
    known.add("up");
    const dashboard = JSON.parse(readFileSync(join(root, "observability/grafana/dashboards/careers.json"), "utf8")) as { uid: string; panels: Panel[] };
    expect(dashboard.uid).toBe("careers-site");
    const panels = dashboard.panels.filter((p) => p.type !== "row");
    expect(panels.length).toBeGreaterThanOrEqual(15);
    const used = new Set<string>();
    for (const panel of panels) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      expect(panel.datasource?.uid, panel.title).toBe("prometheus");
      for (const target of panel.targets ?? []) for (const name of namesIn(target.expr)) used.add(name);
    }
    const unknown = [...used].filter((name) => !known.has(name));
    expect(unknown, `names no metric has: ${unknown.join(", ")}`).toEqual([]);
    // Every metric of ours is on the dashboard somewhere.
    const ours = [...known].filter((n) => n.startsWith("careers_") && !/_(bucket|sum|count)$/.test(n));
    const shown = (name: string) => [...used].some((u) => u === name || u.startsWith(`${name}_`));
    expect(ours.filter((n) => !shown(n))).toEqual([]);
  });

  it("alerts on metrics that exist", async () => {
    const known = seriesNames(await exercisedExposition());
    known.add("up");
    const rules = parse(readFileSync(join(root, "observability/prometheus/alerts.yml"), "utf8")) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(alerts.map((a) => a.alert).sort()).toEqual(["CareersApplicationWaiting", "CareersDiskNearlyFull", "CareersOccupopErrors", "CareersReplicaDown"]);
    for (const rule of alerts) for (const name of namesIn(rule.expr)) expect(known.has(name), `${rule.alert}: ${name}`).toBe(true);
  });

  it("is wired into compose's observability profile, with every file it mounts present", () => {
    const compose = parse(readFileSync(join(root, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, { profiles?: string[]; volumes?: string[]; environment?: Record<string, string> }>;
    };
    for (const name of ["prometheus", "grafana"]) {
      const service = compose.services[name]!;
      expect(service.profiles).toEqual(["observability"]);
      for (const volume of service.volumes ?? []) {
        const [source] = volume.split(":");
        if (source!.startsWith("./")) expect(existsSync(join(root, source!)), volume).toBe(true);
      }
    }
    expect(compose.services["site-1"]?.environment?.METRICS_TOKEN).toBeDefined();
    const provisioning = parse(readFileSync(join(root, "observability/grafana/provisioning/datasources/prometheus.yml"), "utf8")) as { datasources: Array<{ uid: string }> };
    expect(provisioning.datasources[0]?.uid).toBe("prometheus");
  });
});
