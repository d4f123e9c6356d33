// Starts the bundled Occupop emulator: `npm run emulator` (or `tsx emulator/main.ts`).
import { resolve } from "node:path";
import { z } from "zod";
import { createEmulator } from "./server";
import { createMailEmulator } from "./smtp";

const env = z
  .object({
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    EMULATOR_HOST: z.string().default("127.0.0.1"),
    EMULATOR_TOKEN: z.string().min(8).default("emulator-demo-token"),
    EMULATOR_DATA_DIR: z.string().optional(),
    EMULATOR_SIGNED_URL_TTL_SECONDS: z.coerce.number().positive().default(900),
    DATA_DIR: z.string().default("./data"),
    // The SMTP server beside it (0: none). Login optional; when set, these must match.
    EMULATOR_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
    EMULATOR_SMTP_USER: z.string().optional(),
    EMULATOR_SMTP_PASS: z.string().optional(),
    // Occupop's webhooks to the site (emulator/webhooks.ts): off while unset.
    EMULATOR_WEBHOOK_URL: z.url().optional(),
    EMULATOR_WEBHOOK_SECRET: z.string().optional(),
    EMULATOR_WEBHOOK_VIA: z.enum(["bearer", "header", "query"]).default("bearer"),
  })
  .safeParse(process.env);

if (!env.success) {
  process.stderr.write(`emulator: invalid configuration\n${z.prettifyError(env.error)}\n`);
  process.exit(1);
}

const config = env.data;
const mail = config.EMULATOR_SMTP_PORT ? createMailEmulator({ user: config.EMULATOR_SMTP_USER, pass: config.EMULATOR_SMTP_PASS }) : null;

async function main() {
  const smtpPort = mail ? await mail.listen(config.EMULATOR_SMTP_PORT, config.EMULATOR_HOST) : null;
  const emulator = createEmulator({
    token: config.EMULATOR_TOKEN,
    dataDir: resolve(config.EMULATOR_DATA_DIR ?? `${config.DATA_DIR}/emulator`),
    signedUrlTtlSeconds: config.EMULATOR_SIGNED_URL_TTL_SECONDS,
    ...(mail && smtpPort ? { mail: { server: mail, port: smtpPort } } : {}),
    ...(config.EMULATOR_WEBHOOK_URL ? { webhook: { url: config.EMULATOR_WEBHOOK_URL, secret: config.EMULATOR_WEBHOOK_SECRET ?? null, via: config.EMULATOR_WEBHOOK_VIA } } : {}),
  });
  const url = await emulator.listen(config.EMULATOR_PORT, config.EMULATOR_HOST);
  process.stdout.write(`Occupop emulator listening on ${url}/rest (inspect: ${url}/_emulator)\n`);
  if (smtpPort) process.stdout.write(`Mail: smtp://${config.EMULATOR_HOST}:${smtpPort} (received mail: ${url}/_emulator/mailbox)\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void Promise.all([emulator.close(), mail?.close()]).then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: cannot listen: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
