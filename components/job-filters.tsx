import Link from "next/link";
import type { PageLocale } from "@/lib/i18n/server";
import type { Facets, FacetOption, Filters } from "@/lib/jobs/search";
import { words } from "@/lib/i18n/translator";

const selectClass =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 focus:border-brand";

function FacetSelect({
  name,
  label,
  options,
  value,
  anyLabel,
}: {
  name: string;
  label: string;
  options: FacetOption[];
  value: string | undefined;
  anyLabel: string;
}) {
  const groups = [...new Set(options.map((o) => o.group).filter((g): g is string => Boolean(g)))];
  const option = (o: FacetOption) => (
    <option key={`${o.group ?? ""}${o.value}`} value={o.value}>
      {`${o.label} (${o.count})`}
    </option>
  );
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{anyLabel}</option>
        {groups.length > 1
          ? groups.map((group) => (
              <optgroup key={group} label={group}>
                {options.filter((o) => o.group === group).map(option)}
              </optgroup>
            ))
          : options.map(option)}
      </select>
    </div>
  );
}

/**
 * A plain GET form: shareable URLs, and it works without JavaScript; with JavaScript a changed
 * filter applies at once. It loads a whole page on purpose: a filtered listing is rendered per
 * request (/search, by a rewrite) while the plain one is cached, and the browser's router only
 * knows the URL, not which of the two it is.
 */
export async function JobFilters({ filters, facets, active, page }: { filters: Filters; facets: Facets; active: boolean; page: PageLocale }) {
  const t = words(page.locale, "filters");
  const home = page.path("/");
  const facetsActive = Object.entries(filters).some(([key, value]) => key !== "q" && value !== undefined);
  return (
    // data-auto-submit: a changed filter applies at once (public/boot.js, lib/on-demand/boot.ts).
    <form action={home} method="get" id="job-filters" data-auto-submit="" className="rounded-lg border border-slate-200 bg-slate-50 p-4 sm:p-5" role="search" aria-label={t("formLabel")}>
      <div className="flex flex-row items-end gap-2 sm:gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-800">
            {t("searchLabel")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder={t("placeholder")}
            maxLength={100}
            className={selectClass}
          />
        </div>
        <button
          type="submit"
          className="min-h-11 shrink-0 rounded-md bg-brand px-4 py-2 font-semibold sm:px-5 text-brand-contrast hover:opacity-90"
        >
          {t("search")}
        </button>
      </div>
      <details className="group mt-3" open={facetsActive}>
        <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded text-sm font-medium text-slate-900 sm:text-base">
          <span aria-hidden="true" className="transition group-open:rotate-90">▸</span>
          {t("more")}
        </summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <FacetSelect name="department" label={t("department")} options={facets.department} value={filters.department} anyLabel={t("anyDepartment")} />
        <FacetSelect name="country" label={t("country")} options={facets.country} value={filters.country} anyLabel={t("anyCountry")} />
        <FacetSelect name="city" label={t("city")} options={facets.city} value={filters.city} anyLabel={t("anyCity")} />
        <FacetSelect name="workplace" label={t("workplace")} options={facets.workplace} value={filters.workplace} anyLabel={t("anyWorkplace")} />
        <FacetSelect name="schedule" label={t("schedule")} options={facets.schedule} value={filters.schedule} anyLabel={t("anySchedule")} />
        <FacetSelect name="contract" label={t("contract")} options={facets.contract} value={filters.contract} anyLabel={t("anyContract")} />
      </div>
      </details>
      {active ? (
        <p className="mt-4">
          <Link href={home} className="inline-flex min-h-11 items-center font-medium text-brand underline">
            {t("clear")}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
