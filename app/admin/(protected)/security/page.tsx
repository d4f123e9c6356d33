import type { Metadata } from "next";
import { beginTwoFactorAction, cancelTwoFactorSetupAction, changePasswordAction, confirmTwoFactorAction, disableTwoFactorAction, newRecoveryCodesAction } from "./actions";
import { TwoFactorForm } from "@/components/admin/recovery-codes-form";
import { requireAdmin } from "@/lib/admin/access";
import { MIN_PASSWORD_LENGTH } from "@/lib/admin/passwords";
import { setupInProgress, twoFactorStatus } from "@/lib/admin/two-factor";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Your sign-in" };

const inputClass = "mt-1 block min-h-11 w-full max-w-sm rounded-md border border-slate-400 px-3";

function PasswordField({ id, name = "password", label = "Your password" }: { id: string; name?: string; label?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input id={id} name={name} type="password" required autoComplete="current-password" className={inputClass} />
    </div>
  );
}

function SetupSteps({ setup }: { setup: { secret: string; qrSvg: string } }) {
  return (
    <>
      <ol className="mt-3 list-decimal space-y-3 pl-6 text-slate-800">
        <li>
          In an authenticator app (for example 1Password, Google Authenticator, Microsoft Authenticator or Aegis), add an account by
          scanning this code:
          <div className="mt-2 w-48 bg-white p-2" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
          or by typing this key: <code className="break-all font-mono" data-testid="totp-key">{setup.secret}</code>
        </li>
        <li>Enter the 6-digit code the app shows, to confirm it works.</li>
      </ol>
      <TwoFactorForm action={confirmTwoFactorAction} submitLabel="Turn on two-factor sign-in">
        <div>
          <label htmlFor="confirm-code" className="block font-medium">
            Code from the app
          </label>
          <input id="confirm-code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required maxLength={10} className={inputClass} />
        </div>
      </TwoFactorForm>
      <TwoFactorForm action={cancelTwoFactorSetupAction} submitLabel="Cancel set-up" tone="secondary">
        {null}
      </TwoFactorForm>
    </>
  );
}

export default async function SecurityPage() {
  const admin = await requireAdmin();
  const config = env();
  const status = await twoFactorStatus(admin.id);
  const setup = await setupInProgress(admin.id, admin.email);
  return (
    <main id="main" className="max-w-3xl py-6">
      <h1 className="text-2xl font-bold text-slate-900">Your sign-in</h1>
      <p className="mt-2 text-slate-700">
        Signed in as <strong>{admin.email}</strong>. Sessions end after {config.ADMIN_SESSION_HOURS} hours, or after {config.ADMIN_IDLE_MINUTES} minutes without use.
        Changing your password or two-factor sign-in signs you out everywhere else.
      </p>

      <section aria-labelledby="password-heading" className="mt-8">
        <h2 id="password-heading" className="text-xl font-semibold">
          Password
        </h2>
        <TwoFactorForm action={changePasswordAction} submitLabel="Change password">
          <PasswordField id="current-password" name="current" label="Current password" />
          <div>
            <label htmlFor="new-password" className="block font-medium">
              New password
            </label>
            <p id="new-password-hint" className="text-sm text-slate-700">
              At least {MIN_PASSWORD_LENGTH} characters.
            </p>
            <input id="new-password" name="next" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" aria-describedby="new-password-hint" className={inputClass} />
          </div>
          <div>
            <label htmlFor="confirm-password" className="block font-medium">
              New password again
            </label>
            <input id="confirm-password" name="confirm" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" className={inputClass} />
          </div>
        </TwoFactorForm>
      </section>

      <section aria-labelledby="two-factor-heading" className="mt-10">
        <h2 id="two-factor-heading" className="text-xl font-semibold">
          Two-factor sign-in
        </h2>
        <p className="mt-2 text-slate-800" data-testid="two-factor-status">
          {status.enabled
            ? `On. After your password, you enter a code from your authenticator app. Recovery codes left: ${status.recoveryCodesLeft}.`
            : "Off. Turn it on so that a stolen password alone cannot open the admin area."}
        </p>
        {setup ? (
          <>
            {status.enabled ? <p className="mt-2 text-slate-800">Your current authenticator app keeps working until the new one is confirmed.</p> : null}
            <SetupSteps setup={setup} />
          </>
        ) : (
          <>
            <h3 className="mt-6 font-semibold">{status.enabled ? "Move to another authenticator app" : "Set it up"}</h3>
            <TwoFactorForm action={beginTwoFactorAction} submitLabel={status.enabled ? "Set up a new authenticator app" : "Set up two-factor sign-in"}>
              <PasswordField id="begin-password" />
            </TwoFactorForm>
          </>
        )}
        {status.enabled ? (
          <>
            <h3 className="mt-6 font-semibold">New recovery codes</h3>
            <TwoFactorForm action={newRecoveryCodesAction} submitLabel="Make new recovery codes">
              <PasswordField id="codes-password" />
            </TwoFactorForm>
            <h3 className="mt-6 font-semibold">Turn it off</h3>
            <TwoFactorForm action={disableTwoFactorAction} submitLabel="Turn off two-factor sign-in" tone="danger">
              <PasswordField id="off-password" />
            </TwoFactorForm>
          </>
        ) : null}
      </section>
    </main>
  );
}
