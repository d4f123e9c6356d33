// `npm run admin -- <command>`: administrators from the command line (the first one, say, on a
// server without ADMIN_EMAIL/ADMIN_PASSWORD, or a way back in for one who lost theirs):
//   create <email>     adds one
//   password <email>   sets a new password and signs them out everywhere
//   remove <email>     removes one (never the last) and signs them out
//   list               lists them
// A password comes from ADMIN_PASSWORD, standard input, or a prompt that does not echo it.
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { asServer } from "@/lib/admin/access";
import { endAllSessions } from "@/lib/admin/session";
import { AdminUserError, createAdminUser, findAdminByEmail, listAdminUsers, removeAdminUser, setPassword } from "@/lib/admin/users";
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
    for (const user of await asServer("admin command line", () => listAdminUsers())) process.stdout.write(`${user.email}\n`);
    return 0;
  }
  if (!["create", "password", "remove"].includes(command ?? "") || !email) {
    process.stderr.write(
      [
        "Usage: npm run admin -- create <email>     adds an administrator",
        "       npm run admin -- password <email>   sets a new password and signs them out everywhere",
        "       npm run admin -- remove <email>     removes an administrator (never the last one)",
        "       npm run admin -- list",
        "A password comes from ADMIN_PASSWORD, standard input or a prompt.",
        "",
      ].join("\n"),
    );
    return 2;
  }
  try {
    if (command === "create") {
      const user = await createAdminUser(email, await readPassword(), "command line");
      process.stdout.write(`Created administrator ${user.email}. They can log in at /admin.\n`);
    } else if (command === "password") {
      const user = await findAdminByEmail(email);
      if (!user) throw new AdminUserError("There is no administrator with that email address");
      await setPassword(Number(user.id), await readPassword());
      await endAllSessions(Number(user.id));
      process.stdout.write(`New password set for ${user.email}; every session of theirs has ended.\n`);
    } else {
      await removeAdminUser(email, "command line");
      process.stdout.write(`Removed administrator ${email.trim().toLowerCase()}; their sessions have ended.\n`);
    }
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
