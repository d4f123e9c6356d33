// The emulator's fictional company and its jobs, in the exact wire shape Occupop sends
// (see ../shared/occupop-api.md). Dates are relative to `now` so a demo always looks live.
import { createHash } from "node:crypto";

export type WireQuestion = {
  type: string;
  text: string;
  options: string[];
  answer: string | null;
};

export type WireSector = { uuid: string; name: string; translation_key: string };

export type WireLocation = {
  city: string;
  state: string;
  country: string;
  cityId: string;
  cityFullName: string;
  cityLat: string;
  cityLng: string;
  countryShort: string;
};

export type WireSalary = {
  type: string;
  period: string;
  start: string | null;
  end: string | null;
  details: string | null;
};

/** A job as the emulator stores it; the listing adds `cv_upload_signed_url` per response. */
export type SeedJob = {
  uuid: string;
  id_ref: string;
  title: string;
  description: string;
  location: WireLocation | null;
  sectors: WireSector[];
  subsectors: WireSector[];
  contract: string;
  period: string;
  workplace: string;
  salary: WireSalary;
  published: boolean;
  published_at: string;
  created_at: string;
  close_date: string | null;
  internal: boolean;
  external: boolean;
  questions_form: WireQuestion[];
  closed_for_applicants: boolean;
  require_cv: boolean;
  require_opt_in_for_job: boolean;
  require_opt_in_for_database: boolean;
  apply_url: string;
  unique_slug: string;
  custom_fields_for_details: unknown[];
  custom_fields_for_applicants: unknown[];
  company_name: string;
  company_logo: string;
  company_label_uuid: string | null;
};

export const COMPANY_NAME = "Kestrel Outdoor";

/** Deterministic UUID-shaped id, so tests and demos can refer to jobs by a stable id. */
export function stableUuid(seed: string): string {
  const h = createHash("sha1").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const wireSector = (name: string): WireSector => ({
  uuid: stableUuid(`sector:${name}`),
  name,
  translation_key: `sectors.${name.toLowerCase().replace(/[^a-z]+/g, "_")}`,
});

const sector = wireSector;

const SECTORS = {
  retail: sector("Retail"),
  logistics: sector("Logistics & Warehousing"),
  engineering: sector("Engineering"),
  marketing: sector("Marketing"),
  hospitality: sector("Hospitality"),
  customer: sector("Customer Service"),
  finance: sector("Finance"),
};

const place = (
  city: string,
  state: string,
  country: string,
  countryShort: string,
  lat: string,
  lng: string,
): WireLocation => ({
  city,
  state,
  country,
  cityId: stableUuid(`city:${city}`).slice(0, 8),
  cityFullName: `${city}, ${state}, ${country}`,
  cityLat: lat,
  cityLng: lng,
  countryShort,
});

const PLACES = {
  dublin: place("Dublin", "County Dublin", "Ireland", "IE", "53.3498053", "-6.2603097"),
  cork: place("Cork", "County Cork", "Ireland", "IE", "51.8985143", "-8.4756035"),
  galway: place("Galway", "County Galway", "Ireland", "IE", "53.270668", "-9.0567905"),
  london: place("London", "England", "United Kingdom", "GB", "51.5072178", "-0.1275862"),
  manchester: place("Manchester", "England", "United Kingdom", "GB", "53.4807593", "-2.2426305"),
  edinburgh: place("Edinburgh", "Scotland", "United Kingdom", "GB", "55.953252", "-3.188267"),
  berlin: place("Berlin", "Berlin", "Germany", "DE", "52.5200066", "13.404954"),
  munich: place("Munich", "Bavaria", "Germany", "DE", "48.1351253", "11.5819805"),
  madrid: place("Madrid", "Community of Madrid", "Spain", "ES", "40.4167754", "-3.7037902"),
  lisbon: place("Lisbon", "Lisbon", "Portugal", "PT", "38.7222524", "-9.1393366"),
  boston: place("Boston", "Massachusetts", "United States", "US", "42.3600825", "-71.0588801"),
};

const competitive: WireSalary = {
  type: "Competitive",
  period: "Annual",
  start: null,
  end: null,
  details: null,
};
const annual = (start: string, end: string, details: string | null = null): WireSalary => ({
  type: "Range",
  period: "Annual",
  start,
  end,
  details,
});
const hourly = (start: string, end: string, details: string | null = null): WireSalary => ({
  type: "Range",
  period: "Hourly",
  start,
  end,
  details,
});

const yesNo = (text: string, options = ["Yes", "No"]): WireQuestion => ({
  type: "YesNo",
  text,
  options,
  answer: null,
});
const choice = (text: string, options: string[]): WireQuestion => ({
  type: "Options",
  text,
  options,
  answer: null,
});

// The editor's HTML, as Occupop stores it: spacer paragraphs, &nbsp; and inline colours.
const editorHtml = (intro: string, duties: string[], offer: string[]): string =>
  [
    `<p><span style="color: rgb(34, 34, 34);">${intro}</span></p>`,
    "<p><br></p>",
    "<p><strong>What you&nbsp;will do</strong></p>",
    `<ul>${duties.map((d) => `<li>${d}</li>`).join("")}</ul>`,
    "<p><br></p>",
    "<p><strong>How we work</strong></p>",
    "<p>You will join a small, friendly team that plans its week together every Monday and shares the load when things get busy. " +
      "We train everyone who joins, pair you with a colleague for your first month, and sit down with you after six weeks to see how things are going. " +
      "Most of us spend our weekends outdoors, so we close early on the first Friday of every month and head for the hills together.</p>",
    "<p><br></p>",
    "<p><strong>What we offer</strong></p>",
    `<ul>${offer.map((o) => `<li>${o}</li>`).join("")}</ul>`,
    "<p><br></p>",
    `<p><em>${COMPANY_NAME} is an equal opportunities employer.</em>&nbsp;</p>`,
  ].join("");

// Exercises the site's sanitizer: none of this may ever run in a visitor's browser.
const HOSTILE_DESCRIPTION = [
  '<p>Join the crew that keeps our <strong>online shop</strong> running.</p>',
  "<p><br></p>",
  "<script>window.__pwned = 'script'</script>",
  '<p><img src="x" onerror="window.__pwned = \'onerror\'">Reliable, curious, calm under pressure?</p>',
  '<p><a href="javascript:window.__pwned = \'link\'">Read our values</a> and ',
  '<a href="https://example.com/values" target="_blank">the long version</a>.</p>',
  '<iframe src="https://example.com/evil"></iframe>',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%" onclick="window.__pwned = \'click\'">',
  "<em>Apply below.</em></p>",
].join("");

// A description far longer than candidates read (job health flags it): a section per topic.
const LONG_DESCRIPTION = [
  "Materials", "Repairs", "Packaging", "Transport", "Stores", "Suppliers", "Water", "Energy", "Waste", "Community", "Reporting", "Training",
]
  .map(
    (topic) =>
      `<h3>${topic}</h3><p>Our ${topic.toLowerCase()} programme is where much of this role's time will go. ` +
      `You will review how we work on ${topic.toLowerCase()} today, set targets with the teams who own it, and report on progress every quarter to the leadership team and to our customers. ` +
      `That means visiting stores, warehouses and suppliers, reading the evidence carefully, and explaining clearly what has to change and why it matters to the business. ` +
      `You will build a plan for the next three years, agree a budget for it, and make sure every step is measured in a way an auditor would accept. ` +
      `When something does not work, you will say so early, learn from it, and try again with the people closest to the problem. ` +
      `You will also write the ${topic.toLowerCase()} section of our annual impact report, in plain words that our customers, our colleagues and our investors can all follow.</p>`,
  )
  .join("");

type JobSpec = {
  key: string;
  title: string;
  place: WireLocation | null;
  sector: WireSector;
  contract: "Permanent" | "Temporary" | "Contract";
  period: "Fulltime" | "Parttime";
  workplace: "onSite" | "hybrid" | "remote";
  salary: WireSalary;
  questions?: WireQuestion[];
  optInJob?: boolean;
  optInDatabase?: boolean;
  requireCv?: boolean;
  closed?: boolean;
  /** For the company's own staff: Occupop lists it with `internal: true, external: false`. */
  internalOnly?: boolean;
  closeInDays?: number | null;
  ref?: string;
  description?: string;
};

const SPECS: JobSpec[] = [
  {
    key: "store-manager-dublin",
    title: "Store Manager",
    place: PLACES.dublin,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("48000.00", "56000.00", "Plus quarterly bonus"),
    questions: [
      yesNo("Do you have the right to work in Ireland?"),
      choice("How many years have you managed a team?", ["Less than 1", "1-3", "3-5", "More than 5"]),
    ],
    optInJob: true,
    optInDatabase: true,
    ref: "KO-RET-014",
  },
  {
    key: "remote-customer-care",
    title: "Customer Care Advisor (Remote)",
    place: PLACES.cork,
    sector: SECTORS.customer,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "remote",
    salary: annual("32000.00", "36000.00"),
    questions: [yesNo("Are you comfortable working weekend shifts?", ["Yes", "No", "Sometimes"])],
    optInJob: true,
    ref: "KO-CS-101",
  },
  {
    key: "warehouse-operative-manchester",
    title: "Warehouse Operative",
    place: PLACES.manchester,
    sector: SECTORS.logistics,
    contract: "Temporary",
    period: "Fulltime",
    workplace: "onSite",
    salary: hourly("12.50", "14.00", "Night shift premium"),
    questions: [yesNo("Do you hold a valid forklift licence?")],
    requireCv: false,
  },
  {
    key: "frontend-engineer-berlin",
    title: "Frontend Engineer",
    place: PLACES.berlin,
    sector: SECTORS.engineering,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("65000.00", "80000.00"),
    questions: [
      choice("Which framework have you used most?", ["React", "Vue", "Angular", "Svelte", "Other"]),
      {
        type: "Text",
        text: "Link a project you are proud of (optional context welcome).",
        options: [],
        answer: null,
      },
    ],
    optInDatabase: true,
    ref: "KO-ENG-007",
  },
  {
    key: "retail-assistant-london",
    title: "Retail Assistant",
    place: PLACES.london,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Parttime",
    workplace: "onSite",
    salary: hourly("11.90", "12.60"),
  },
  {
    key: "content-marketer-lisbon",
    title: "Content Marketing Specialist",
    place: PLACES.lisbon,
    sector: SECTORS.marketing,
    contract: "Contract",
    period: "Fulltime",
    workplace: "remote",
    salary: competitive,
    optInJob: true,
    optInDatabase: true,
  },
  {
    key: "ecommerce-coordinator",
    title: "E-commerce Coordinator",
    place: PLACES.dublin,
    sector: SECTORS.marketing,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("38000.00", "44000.00"),
    description: HOSTILE_DESCRIPTION,
  },
  {
    key: "barista-galway",
    title: "Barista, Basecamp Café",
    place: PLACES.galway,
    sector: SECTORS.hospitality,
    contract: "Temporary",
    period: "Parttime",
    workplace: "onSite",
    salary: hourly("13.00", "14.50", "Plus tips"),
    questions: [yesNo("Are you available on Saturdays and Sundays?")],
  },
  {
    key: "delivery-driver-madrid",
    title: "Delivery Driver",
    place: PLACES.madrid,
    sector: SECTORS.logistics,
    contract: "Temporary",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("24000.00", "27000.00"),
    questions: [
      yesNo("Do you hold a category C driving licence?"),
      choice("Which shift suits you?", ["Early", "Late", "Either"]),
    ],
    optInJob: true,
  },
  {
    key: "backend-engineer-remote",
    title: "Backend Engineer (Node.js)",
    place: null,
    sector: SECTORS.engineering,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "remote",
    salary: annual("70000.00", "90000.00"),
    questions: [
      choice("Which time zone do you work from?", [
        "UTC-8",
        "UTC-5",
        "UTC-3",
        "UTC+0",
        "UTC+1",
        "UTC+2",
        "UTC+3",
        "UTC+5:30",
        "UTC+8",
        "UTC+10",
      ]),
    ],
  },
  {
    key: "finance-analyst-london",
    title: "Finance Analyst",
    place: PLACES.london,
    sector: SECTORS.finance,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("45000.00", "52000.00"),
    optInDatabase: true,
  },
  {
    key: "seasonal-sales-munich",
    title: "Seasonal Sales Associate",
    place: PLACES.munich,
    sector: SECTORS.retail,
    contract: "Temporary",
    period: "Parttime",
    workplace: "onSite",
    salary: hourly("13.50", "15.00"),
    closeInDays: 14,
  },
  {
    key: "closed-buyer-dublin",
    title: "Outdoor Apparel Buyer",
    place: PLACES.dublin,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("50000.00", "60000.00"),
    closed: true,
  },
  {
    key: "logistics-planner-edinburgh",
    title: "Logistics Planner",
    place: PLACES.edinburgh,
    sector: SECTORS.logistics,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("36000.00", "42000.00"),
  },
  {
    key: "chef-cork",
    title: "Chef de Partie, Basecamp Café",
    place: PLACES.cork,
    sector: SECTORS.hospitality,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: competitive,
    questions: [choice("Which HACCP level do you hold?", ["None", "Level 1", "Level 2", "Level 3"])],
  },
  {
    key: "ux-designer-lisbon",
    title: "UX Designer",
    place: PLACES.lisbon,
    sector: SECTORS.engineering,
    contract: "Contract",
    period: "Parttime",
    workplace: "remote",
    salary: hourly("35.00", "45.00"),
    optInJob: true,
  },
  {
    key: "closed-intern-berlin",
    title: "Marketing Intern",
    place: PLACES.berlin,
    sector: SECTORS.marketing,
    contract: "Temporary",
    period: "Parttime",
    workplace: "onSite",
    salary: competitive,
    closed: true,
  },
  {
    key: "assistant-manager-boston",
    title: "Assistant Store Manager",
    place: PLACES.boston,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("52000.00", "60000.00"),
    questions: [yesNo("Are you authorized to work in the United States?")],
  },
  {
    key: "payroll-officer-cork",
    title: "Payroll Officer",
    place: PLACES.cork,
    sector: SECTORS.finance,
    contract: "Permanent",
    period: "Parttime",
    workplace: "hybrid",
    salary: annual("30000.00", "34000.00"),
  },
  {
    key: "repair-technician-galway",
    title: "Gear Repair Technician",
    place: PLACES.galway,
    sector: SECTORS.engineering,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("31000.00", "37000.00"),
    optInJob: true,
    optInDatabase: true,
  },
  {
    key: "social-media-madrid",
    title: "Social Media Manager",
    place: PLACES.madrid,
    sector: SECTORS.marketing,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: competitive,
  },
  {
    key: "picker-packer-london",
    title: "Picker Packer",
    place: PLACES.london,
    sector: SECTORS.logistics,
    contract: "Temporary",
    period: "Parttime",
    workplace: "onSite",
    salary: hourly("12.00", "12.75"),
  },
  {
    key: "data-analyst-remote",
    title: "Data Analyst",
    place: PLACES.dublin,
    sector: SECTORS.engineering,
    contract: "Contract",
    period: "Fulltime",
    workplace: "remote",
    salary: annual("55000.00", "65000.00"),
  },
  {
    key: "customer-care-berlin",
    title: "Kundenservice-Mitarbeiter (m/w/d)",
    // Written in German, as a Berlin team would: the site marks it lang="de" on pages in other languages.
    description:
      "<p>Wir suchen für unser Team in Berlin eine freundliche Verstärkung im Kundenservice. Du beantwortest Fragen unserer Kundinnen und Kunden am Telefon, per E-Mail und im Chat und hilfst bei Bestellungen, Rücksendungen und Reparaturen.</p>" +
      "<p><strong>Was dich erwartet</strong></p><ul><li>Ein kleines, hilfsbereites Team, das sich jeden Montag gemeinsam die Woche plant</li><li>Eine gründliche Einarbeitung mit einer Kollegin oder einem Kollegen an deiner Seite</li><li>Großzügiger Personalrabatt auf unsere Ausrüstung</li></ul>" +
      "<p>Du sprichst sehr gut Deutsch und gut Englisch und hast Freude daran, Probleme zu lösen. Wir freuen uns auf deine Bewerbung!</p>",
    place: PLACES.berlin,
    sector: SECTORS.customer,
    contract: "Permanent",
    period: "Parttime",
    workplace: "onSite",
    salary: hourly("14.00", "16.00"),
  },
  {
    key: "events-coordinator-edinburgh",
    title: "Events Coordinator",
    place: PLACES.edinburgh,
    sector: SECTORS.marketing,
    contract: "Temporary",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("29000.00", "33000.00"),
  },
  {
    key: "store-supervisor-manchester",
    title: "Store Supervisor",
    place: PLACES.manchester,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("27000.00", "30000.00"),
    questions: [yesNo("Can you start within four weeks?")],
    optInJob: true,
  },
  // Each of these trips one job-health rule (lib/insights/health.ts), and only that one.
  {
    key: "health-no-salary",
    title: "Night Shift Supervisor",
    place: PLACES.edinburgh,
    sector: SECTORS.logistics,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: competitive,
  },
  {
    key: "health-no-closing-date",
    title: "Stock Controller",
    place: PLACES.cork,
    sector: SECTORS.logistics,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("30000.00", "34000.00"),
    closeInDays: null,
  },
  {
    key: "health-no-location",
    title: "Field Sales Representative",
    place: null,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("35000.00", "45000.00"),
  },
  {
    key: "health-short-description",
    title: "Weekend Cashier",
    place: PLACES.galway,
    sector: SECTORS.retail,
    contract: "Temporary",
    period: "Parttime",
    workplace: "onSite",
    salary: hourly("12.70", "13.20"),
    description: "<p>Weekend cashier wanted for our Galway store. Apply below.</p>",
  },
  {
    key: "health-long-description",
    title: "Head of Sustainability",
    place: PLACES.dublin,
    sector: SECTORS.marketing,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("85000.00", "100000.00"),
    description: LONG_DESCRIPTION,
  },
  {
    key: "health-salary-history",
    title: "Bike Mechanic",
    place: PLACES.edinburgh,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "onSite",
    salary: annual("28000.00", "32000.00"),
    questions: [yesNo("Do you have your own tools?"), { type: "Text", text: "What is your current salary?", options: [], answer: null }],
  },
  {
    key: "internal-only",
    title: "Regional Operations Lead (internal move)",
    place: PLACES.edinburgh,
    sector: SECTORS.retail,
    contract: "Permanent",
    period: "Fulltime",
    workplace: "hybrid",
    salary: annual("52000.00", "58000.00"),
    internalOnly: true,
  },
];

const DAY = 24 * 60 * 60 * 1000;

/** Laravel's timestamp format, as the API sends it: microseconds and a Z. */
export function laravelDate(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The seeded jobs, newest first (the API's order). `company_logo` is a path the server makes absolute. */
export function seedJobs(now: Date): SeedJob[] {
  return SPECS.map((spec, i): SeedJob => {
    const uuid = stableUuid(`job:${spec.key}`);
    // Jobs are spread over the last weeks; the first spec is the newest.
    const created = new Date(now.getTime() - (i * 1.5 + 0.25) * DAY);
    const closeInDays = spec.closeInDays === undefined ? 45 : spec.closeInDays;
    const city = spec.place?.city ?? "anywhere";
    return {
      uuid,
      id_ref: spec.ref ?? "",
      title: spec.title,
      description:
        spec.description ??
        editorHtml(
          `We are looking for a ${spec.title} to join our team in ${city}. At ${COMPANY_NAME} we make gear for people who love being outside, and we want people who do too.`,
          [
            "Look after our customers and colleagues every day",
            "Keep our standards high and our shelves&nbsp;full",
            "Bring ideas: we listen",
          ],
          ["Generous staff discount", "Paid volunteering days", "Training that leads somewhere"],
        ),
      location: spec.place,
      sectors: [spec.sector],
      subsectors: [],
      contract: spec.contract,
      period: spec.period,
      workplace: spec.workplace,
      salary: spec.salary,
      published: true,
      published_at: laravelDate(created),
      created_at: laravelDate(created),
      close_date: closeInDays === null ? null : laravelDate(new Date(now.getTime() + closeInDays * DAY)),
      internal: spec.internalOnly ?? false,
      external: !spec.internalOnly,
      questions_form: spec.questions ?? [],
      closed_for_applicants: spec.closed ?? false,
      require_cv: spec.requireCv ?? true,
      require_opt_in_for_job: spec.optInJob ?? false,
      require_opt_in_for_database: spec.optInDatabase ?? false,
      apply_url: `https://jobs.occupop.com/apply/${uuid}`,
      unique_slug: `${slugify(spec.title)}-${uuid.slice(0, 5)}`,
      custom_fields_for_details: [],
      custom_fields_for_applicants: [],
      company_name: COMPANY_NAME,
      company_logo: "/assets/company-logo.svg",
      company_label_uuid: null,
    };
  });
}
