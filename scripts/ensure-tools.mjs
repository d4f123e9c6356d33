// @ts-check
// Before a test suite: make sure the programs it needs are there, installing Debian's packages
// when run as root on Debian (Playwright cannot download its own browsers on machines without
// internet, so Debian's Chromium is the default).
//   node scripts/ensure-tools.mjs chromium promtool
//   - chromium: the end-to-end tests' browser (or CHROMIUM_PATH, or PLAYWRIGHT_BUNDLED=1);
//   - promtool: Prometheus' checker, from Debian's prometheus package (or PROMTOOL), which the
//     tests run on /metrics, the alert rules and the scrape config.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** @type {Record<string, { found: () => boolean; override: string; pkg: string; minimal?: true; help: string[] }>} */
const TOOLS = {
  chromium: {
    found: () => Boolean(process.env.PLAYWRIGHT_BUNDLED) || existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
    override: "CHROMIUM_PATH",
    pkg: "chromium",
    help: [
      "The end-to-end tests need Chromium, and none was found.",
      "  - On Debian/Ubuntu: sudo apt-get install -y chromium",
      "  - Or point CHROMIUM_PATH at a Chromium/Chrome binary",
      "  - Or use Playwright's own browsers: npx playwright install chromium && PLAYWRIGHT_BUNDLED=1 npm test",
    ],
  },
  promtool: {
    found: () => (process.env.PROMTOOL ? existsSync(process.env.PROMTOOL) : spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0),
    override: "PROMTOOL",
    pkg: "prometheus",
    // promtool alone: Prometheus' web assets and fonts are not needed.
    minimal: true,
    help: [
      "The tests check /metrics and the alert rules with Prometheus' promtool, and none was found.",
      "  - On Debian/Ubuntu: sudo apt-get install -y --no-install-recommends prometheus",
      "  - Or point PROMTOOL at a promtool binary (from a Prometheus release)",
    ],
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in TOOLS));
if (unknown.length) {
  console.error(`ensure-tools: unknown ${unknown.join(", ")} (known: ${Object.keys(TOOLS).join(", ")})`);
  process.exit(2);
}
const missing = wanted.map((name) => /** @type {(typeof TOOLS)[string]} */ (TOOLS[name])).filter((tool) => !tool.found());
if (!missing.length) process.exit(0);
const set = missing.find((tool) => process.env[tool.override]);
if (set) {
  console.error(`${set.override} is set to ${process.env[set.override]}, but there is no such program.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log(`Installing Debian's ${missing.map((tool) => tool.pkg).join(" and ")} for the tests…`);
  const run = (/** @type {string[]} */ args) =>
    spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  const installed =
    run(["update", "-qq"]) && missing.every((tool) => run(["install", "-y", "-qq", ...(tool.minimal ? ["--no-install-recommends"] : []), tool.pkg]));
  if (installed && missing.every((tool) => tool.found())) process.exit(0);
}
console.error(missing.flatMap((tool) => tool.help).join("\n"));
process.exit(1);
