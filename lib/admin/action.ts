// Every admin server action is wrapped once here: its arguments come from the network (a
// crafted call can send anything), and it acts only for a signed-in administrator, checked
// through the data-access layer (./access.ts) on every call. Called without a valid session
// (or with a forged or expired cookie), it changes nothing and says so.
import "server-only";
import { verifySession } from "./access";
import { verifyPassword } from "./passwords";
import type { Admin } from "./session";
import { findAdminByEmail } from "./users";

/** What a small admin form's action answers (components/admin/action-form.tsx shows it). */
export type ActionResult = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  /** The email a refused login was tried with, so the form keeps it (never the password). */
  email?: string;
  /** Recovery codes, shown once. */
  codes?: string[];
} | null;

export const REFUSED = "Your session has ended, so nothing was changed. Log in again to continue.";
export const NOT_A_FORM = "That request did not come from this site's form, so nothing was changed.";

export const isForm = (value: unknown): value is FormData => value instanceof FormData;

/** A text field, cut to `max` characters ("" when absent or not text). */
export function formText(formData: FormData, name: string, max: number): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}

/** Why an action did nothing: not a form, or no administrator signed in. */
type Refusal<S> = (prev: S, why: { signedOut: boolean; message: string }) => S;

/** An admin action with its own state type: `refuse` says how a refusal looks in it. */
export function adminStateAction<S>(refuse: Refusal<S>, work: (admin: Admin, formData: FormData, prev: S) => Promise<S>) {
  return async (prev: S, formData: FormData): Promise<S> => {
    if (!isForm(formData)) return refuse(prev, { signedOut: false, message: NOT_A_FORM });
    const admin = await verifySession();
    if (!admin) return refuse(prev, { signedOut: true, message: REFUSED });
    return work(admin, formData, prev);
  };
}

/** An admin action answering an ActionResult (most of them). */
export function adminAction(work: (admin: Admin, formData: FormData) => Promise<ActionResult>) {
  return adminStateAction<ActionResult>((_prev, { message }) => ({ ok: false, message }), (admin, formData) => work(admin, formData));
}

/** True when the form's "password" field is the administrator's current password. */
export async function passwordMatches(admin: Admin, formData: FormData, field = "password"): Promise<boolean> {
  const user = await findAdminByEmail(admin.email);
  return Boolean(user && (await verifyPassword(formText(formData, field, 1024), user.password_hash, { trusted: true })));
}
