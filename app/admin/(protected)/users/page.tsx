import { requireAdmin } from "@/lib/admin/access";
import { addUserAction, removeUserAction } from "./actions";
import { ActionForm } from "@/components/admin/action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/admin/passwords";
import { listAdminUsers } from "@/lib/admin/users";
import { longDate } from "@/lib/jobs/format";

const inputClass = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3";

/** Adding or removing an administrator asks for your own password again. */
function YourPassword({ id }: { id: string }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        Your password
      </label>
      <input id={id} name="yourPassword" type="password" required autoComplete="current-password" className={inputClass} />
    </div>
  );
}

export default async function UsersPage() {
  const admin = await requireAdmin();
  const users = await listAdminUsers();
  return (
    <main id="main" className="py-6">
      <h1 className="text-2xl font-bold text-slate-900">Administrators</h1>
      <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200">
        {users.map((user) => (
          <li key={user.id} className="p-4">
            <span className="font-medium">{user.email}</span>
            <span className="text-sm text-slate-700">
              {" "}
              · added {longDate(new Date(user.createdAt).toISOString())}
              {user.createdBy ? ` by ${user.createdBy}` : ""}
            </span>
          </li>
        ))}
      </ul>
      {users.length > 1 ? (
        <section aria-labelledby="remove-heading" className="mt-8 max-w-md">
          <h2 id="remove-heading" className="text-lg font-semibold">
            Remove an administrator
          </h2>
          <p className="text-sm text-slate-700">They are signed out at once and can no longer log in. To reset someone&apos;s lost authenticator, remove them and add them again.</p>
          <ActionForm action={removeUserAction} submitLabel="Remove administrator" tone="danger" className="mt-3 space-y-3">
            <div>
              <label htmlFor="remove-email" className="block font-medium">
                Administrator
              </label>
              <select id="remove-email" name="email" required className={`${inputClass} bg-white`}>
                {users
                  .filter((user) => user.id !== admin.id)
                  .map((user) => (
                    <option key={user.id} value={user.email}>
                      {user.email}
                    </option>
                  ))}
              </select>
            </div>
            <YourPassword id="remove-your-password" />
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="add-heading" className="mt-8 max-w-md">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add an administrator
        </h2>
        <ActionForm action={addUserAction} submitLabel="Add administrator" tone="primary" className="mt-3 space-y-3">
          <div>
            <label htmlFor="new-email" className="block font-medium">
              Email
            </label>
            <input id="new-email" name="email" type="email" required autoComplete="off" className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3" />
          </div>
          <div>
            <label htmlFor="new-password" className="block font-medium">
              First password
            </label>
            <p id="new-password-hint" className="text-sm text-slate-700">
              At least {MIN_PASSWORD_LENGTH} characters. Share it with them privately.
            </p>
            <input
              id="new-password"
              name="password"
              type="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autoComplete="new-password"
              aria-describedby="new-password-hint"
              className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3"
            />
          </div>
          <YourPassword id="add-your-password" />
        </ActionForm>
      </section>
    </main>
  );
}
