import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs";
import { parseFilters, searchJobs, type FacetKey, type Filters } from "@/lib/jobs/search";
import { listJobs } from "@/lib/occupop";
import { startEmulator } from "../helpers/emulator";

let open: Job[];
let stop: () => Promise<void>;

beforeAll(async () => {
  const emulator = await startEmulator();
  stop = emulator.stop;
  open = (await listJobs()).filter((j) => j.isOpen);
});
afterAll(() => stop());

const FACETS: FacetKey[] = ["department", "country", "city", "schedule", "contract", "workplace"];

describe("parseFilters", () => {
  it("reads the URL state and ignores what it does not understand", () => {
    expect(parseFilters({ q: "  barista ", workplace: "remote", country: "ie", schedule: "weekly", city: ["Cork", "x"] })).toEqual({
      q: "barista",
      workplace: "remote",
      country: "IE",
      city: "Cork",
    });
    expect(parseFilters({ contract: "<script>", country: "Ireland" })).toEqual({});
  });
});

describe("searchJobs", () => {
  it("lists every open job, newest first, when nothing is chosen", () => {
    const result = searchJobs(open, {});
    expect(result.jobs).toEqual(open);
    expect(result.total).toBe(open.length);
    const dates = result.jobs.map((j) => Date.parse(j.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("counts, for every facet option, exactly the jobs that choosing it shows", () => {
    const { facets } = searchJobs(open, {});
    for (const key of FACETS) {
      expect(facets[key].length).toBeGreaterThan(0);
      for (const option of facets[key]) {
        const filters: Filters = { [key]: option.value };
        expect(searchJobs(open, filters).jobs.length, `${key}=${option.value}`).toBe(option.count);
      }
    }
  });

  it("counts each facet against the other active filters", () => {
    const filters: Filters = { workplace: "remote" };
    const { facets, jobs } = searchJobs(open, filters);
    expect(jobs.every((j) => j.workplace === "remote")).toBe(true);
    for (const option of facets.schedule) {
      expect(searchJobs(open, { ...filters, schedule: option.value as Filters["schedule"] }).jobs.length).toBe(option.count);
    }
    // The workplace facet ignores its own choice, so other workplaces still show their counts.
    expect(facets.workplace.map((o) => o.value)).toEqual(["on-site", "hybrid", "remote"]);
  });

  it("lists the cities of the chosen country only", () => {
    const { facets } = searchJobs(open, { country: "IE" });
    const irish = new Set(open.filter((j) => j.location?.countryCode === "IE").map((j) => j.location?.city));
    expect(new Set(facets.city.map((o) => o.value))).toEqual(irish);
  });

  it("searches title, department, location and description text, ignoring case and accents", () => {
    expect(searchJobs(open, { q: "CAFE" }).jobs.map((j) => j.title)).toEqual(expect.arrayContaining(["Barista, Basecamp Café"]));
    expect(searchJobs(open, { q: "logistics manchester" }).jobs.map((j) => j.title)).toEqual(["Warehouse Operative"]);
    expect(searchJobs(open, { q: "online shop" }).jobs.map((j) => j.title)).toEqual(["E-commerce Coordinator"]);
    expect(searchJobs(open, { q: "nothing-matches-this" }).jobs).toEqual([]);
  });
});
