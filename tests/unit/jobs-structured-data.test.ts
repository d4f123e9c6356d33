import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs";
import { jobPostingJsonLd, serializeJsonLd } from "@/lib/jobs/structured-data";
import { listJobs } from "@/lib/occupop";
import { startEmulator } from "../helpers/emulator";

let jobs: Job[];
let stop: () => Promise<void>;
beforeAll(async () => {
  const emulator = await startEmulator();
  stop = emulator.stop;
  jobs = await listJobs();
});
afterAll(() => stop());

const org = { name: "Kestrel Outdoor", url: "https://careers.example.com", logoUrl: "https://careers.example.com/logo.png", sameAs: ["https://x.example/k"] };

describe("jobPostingJsonLd", () => {
  it("describes a remote job with a salary range completely", () => {
    const job = jobs.find((j) => j.workplace === "remote" && j.salary?.kind === "range" && j.location)!;
    const ld = jobPostingJsonLd(job, "https://careers.example.com/jobs/x", org) as unknown as Record<string, unknown>;
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: job.title,
      identifier: { "@type": "PropertyValue", name: "Kestrel Outdoor" },
      datePosted: job.postedAt,
      validThrough: job.closesAt,
      hiringOrganization: { "@type": "Organization", name: "Kestrel Outdoor", logo: org.logoUrl, sameAs: org.sameAs },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: job.location?.city, addressCountry: job.location?.countryCode } },
      jobLocationType: "TELECOMMUTE",
      applicantLocationRequirements: { "@type": "Country", name: job.location?.country },
      baseSalary: {
        "@type": "MonetaryAmount",
        value: { "@type": "QuantitativeValue", minValue: job.salary?.min, maxValue: job.salary?.max },
      },
      directApply: true,
    });
    expect(ld.employmentType).toEqual(expect.arrayContaining([job.schedule === "full-time" ? "FULL_TIME" : "PART_TIME"]));
    expect(String(ld.description)).not.toMatch(/<script|style=/);
  });

  it("leaves out salary and telecommuting for an on-site job without a range", () => {
    const job = jobs.find((j) => j.workplace === "on-site" && j.salary?.kind === "competitive")!;
    const ld = jobPostingJsonLd(job, "https://careers.example.com/jobs/y", org) as unknown as Record<string, unknown>;
    expect(ld).not.toHaveProperty("baseSalary");
    expect(ld).not.toHaveProperty("jobLocationType");
    expect(ld).toHaveProperty("jobLocation");
  });
});

describe("serializeJsonLd", () => {
  it("cannot close the script tag or open markup", () => {
    const out = serializeJsonLd({ title: "</script><script>alert(1)</script> & \u2028" });
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual({ title: "</script><script>alert(1)</script> & \u2028" });
  });
});
