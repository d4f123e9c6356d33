// The data-access layer's one question: who is asking? (Next.js's "data access layer" pattern.)
// A layout is skipped when a client says it already holds that segment, so the admin layout's
// check guards navigation only. Every admin page, action and route calls requireAdmin(), and
// every function that reads private data (applicants, subscribers, administrators, insights)
// calls authorizePrivateRead() itself, so a page that forgets still leaks nothing.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { currentAdmin, type Admin } from "./session";

/** The signed-in administrator, or null: read once per request (React's cache). */
export const verifySession = cache(currentAdmin);

/** For admin pages, actions and routes: the administrator, or a redirect to the login page. */
export async function requireAdmin(): Promise<Admin> {
  const admin = await verifySession();
  if (admin) return admin;
  // Loaded here, not above: the command-line tool reads this module outside Next.js, where
  // next/navigation cannot load (it never gets this far: it runs as the server, asServer()).
  const { redirect } = await import("next/navigation");
  return redirect("/admin/login");
}

const server = new AsyncLocalStorage<string>();

/**
 * Runs `work` as the server itself, not on behalf of a visitor: the command-line tool, a
 * background job, a test. Private reads inside it need no session.
 */
export function asServer<T>(reason: string, work: () => Promise<T>): Promise<T> {
  return server.run(reason, work);
}

/**
 * Called first by every function that reads private data. Inside asServer() it allows; in a
 * request it needs an administrator's session (else the request is sent to the login page);
 * anywhere else it fails, closed.
 */
export async function authorizePrivateRead(): Promise<void> {
  if (server.getStore()) return;
  await requireAdmin();
}
