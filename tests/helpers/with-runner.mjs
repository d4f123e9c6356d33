// @ts-check
// Runs a test server (one of Playwright's webServers) so that it stops with the test run, also
// when the run itself is killed and cannot stop it: a leftover would hold its fixed port and
// fail the next run. `node tests/helpers/with-runner.mjs <command> [args…]` starts the command,
// passes SIGTERM and SIGINT on, and stops it (SIGTERM, SIGKILL 15 s later) as soon as the
// process E2E_RUNNER_PID names (the Playwright runner, playwright.config.ts) is gone.
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("usage: node tests/helpers/with-runner.mjs <command> [args…]\n");
  process.exit(2);
}
const runner = Number(process.env.E2E_RUNNER_PID);
const child = spawn(command, args, { stdio: "inherit" });
let stopping = false;

/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
  setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on("error", (error) => {
  process.stderr.write(`${command}: ${error.message}\n`);
  process.exit(1);
});
if (runner > 0) {
  setInterval(() => {
    try {
      process.kill(runner, 0);
    } catch {
      stop("SIGTERM");
    }
  }, 1_000).unref();
}
