import Link from "next/link";

/** Said on a job's page and its form page when the job no longer takes applications. */
export function ClosedNotice() {
  return (
    <div className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-5" role="status" data-testid="closed-notice">
      <h2 className="font-semibold text-slate-900">Applications for this job are closed</h2>
      <p className="mt-1 text-slate-800">
        This position is no longer taking applications.{" "}
        <Link href="/" className="font-medium text-brand underline">
          See our open jobs
        </Link>
        .
      </p>
    </div>
  );
}
