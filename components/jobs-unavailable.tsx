export function JobsUnavailable() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Jobs are temporarily unavailable</h1>
      <p className="mt-4 text-slate-700">
        We can’t load our open positions right now. This is on our side, not yours: please try again in a few
        minutes.
      </p>
      <p className="mt-6">
        <a href="" className="inline-flex min-h-11 items-center rounded-md bg-brand px-5 font-semibold text-brand-contrast">
          Try again
        </a>
      </p>
    </main>
  );
}
