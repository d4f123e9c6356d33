// @ts-check
// Before the end-to-end tests: make sure a Chromium is there. Playwright cannot download
// its own browsers on machines without internet, so Debian's package is the default.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const wanted = process.env.CHROMIUM_PATH;
if (wanted) {
  if (!existsSync(wanted)) {
    console.error(`CHROMIUM_PATH is set to ${wanted}, but there is no such file.`);
    process.exit(1);
  }
  process.exit(0);
}
if (existsSync("/usr/bin/chromium") || process.env.PLAYWRIGHT_BUNDLED) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log("Chromium is missing: installing Debian's chromium package for the end-to-end tests…");
  const run = (/** @type {string[]} */ args) =>
    spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (run(["update", "-qq"]) && run(["install", "-y", "-qq", "chromium"])) process.exit(0);
}
console.error(
  [
    "The end-to-end tests need Chromium, and none was found.",
    "  - On Debian/Ubuntu: sudo apt-get install -y chromium",
    "  - Or point CHROMIUM_PATH at a Chromium/Chrome binary",
    "  - Or use Playwright's own browsers: npx playwright install chromium && PLAYWRIGHT_BUNDLED=1 npm test",
  ].join("\n"),
);
process.exit(1);
