// `npm run admin -- create <email>`: adds an administrator from the command line (the first
// one, say, on a server without ADMIN_EMAIL/ADMIN_PASSWORD). The password comes from
// ADMIN_PASSWORD, standard input, or a prompt that does not echo it.
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { AdminUserError, createAdminUser, listAdminUsers } from "@/lib/admin/users";
import { closeDb } from "@/lib/db";

// Read before .env is loaded: only a password given explicitly for this command counts.
const passwordFromEnvironment = process.env.ADMIN_PASSWORD;

async function readPassword(): Promise<string> {
  if (passwordFromEnvironment) return passwordFromEnvironment;
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  if (!process.stdin.isTTY) {
    for await (const line of rl) return line;
    return "";
  }
  return new Promise((resolve) => {
    rl.question("Password (at least 12 characters): ", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  // The start-up administrator pair is the server's business, not this command's.
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  // Only the database is needed here; the Occupop settings may be absent.
  process.env.OCCUPOP_API_TOKEN ||= "not-needed-for-admin-cli";
  process.env.SITE_URL ||= "http://localhost:3000";
  const [command, email] = process.argv.slice(2);
  if (command === "list") {
    for (const user of await listAdminUsers()) process.stdout.write(`${user.email}\n`);
    return 0;
  }
  if (command !== "create" || !email) {
    process.stderr.write("Usage: npm run admin -- create <email>   (password from ADMIN_PASSWORD, stdin or a prompt)\n       npm run admin -- list\n");
    return 2;
  }
  try {
    const user = await createAdminUser(email, await readPassword(), "command line");
    process.stdout.write(`Created administrator ${user.email}. They can log in at /admin.\n`);
    return 0;
  } catch (error) {
    if (error instanceof AdminUserError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
