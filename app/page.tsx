import Link from "next/link";
import { getOpenJobs } from "@/lib/jobs";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const jobs = await getOpenJobs();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-3xl font-bold">Open jobs</h1>
      <p className="mt-2 text-slate-700">{jobs.length} open jobs</p>
      <ul className="mt-6 space-y-2">
        {jobs.map((job) => (
          <li key={job.uuid}>
            <Link className="text-brand underline" href={`/jobs/${job.slug}`}>
              {job.title}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
