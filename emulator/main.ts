// Starts the bundled Occupop emulator: `npm run emulator` (or `tsx emulator/main.ts`).
import { resolve } from "node:path";
import { z } from "zod";
import { createEmulator } from "./server";

const env = z
  .object({
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    EMULATOR_HOST: z.string().default("127.0.0.1"),
    EMULATOR_TOKEN: z.string().min(8).default("emulator-demo-token"),
    EMULATOR_DATA_DIR: z.string().optional(),
    EMULATOR_SIGNED_URL_TTL_SECONDS: z.coerce.number().positive().default(900),
    DATA_DIR: z.string().default("./data"),
  })
  .safeParse(process.env);

if (!env.success) {
  process.stderr.write(`emulator: invalid configuration\n${z.prettifyError(env.error)}\n`);
  process.exit(1);
}

const config = env.data;
const emulator = createEmulator({
  token: config.EMULATOR_TOKEN,
  dataDir: resolve(config.EMULATOR_DATA_DIR ?? `${config.DATA_DIR}/emulator`),
  signedUrlTtlSeconds: config.EMULATOR_SIGNED_URL_TTL_SECONDS,
});

emulator.listen(config.EMULATOR_PORT, config.EMULATOR_HOST).then(
  (url) => process.stdout.write(`Occupop emulator listening on ${url}/rest (inspect: ${url}/_emulator)\n`),
  (error: unknown) => {
    process.stderr.write(`emulator: cannot listen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
