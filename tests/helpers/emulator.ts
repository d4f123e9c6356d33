// Starts the bundled emulator in-process on a free port and points lib config at it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator } from "@/emulator/server";
import { resetEnv } from "@/lib/env";

export async function startEmulator(token = "unit-emulator-token") {
  const dir = mkdtempSync(join(tmpdir(), "unit-emulator-"));
  const emulator = createEmulator({ token, dataDir: dir });
  const origin = await emulator.listen(0);
  process.env.OCCUPOP_API_URL = `${origin}/rest`;
  process.env.OCCUPOP_API_TOKEN = token;
  resetEnv();
  return {
    origin,
    control: (path: string, method = "GET", body?: unknown) =>
      fetch(`${origin}/_emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    async stop() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
