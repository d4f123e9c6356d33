// The emulator's jobs built to trip one job-health rule each (emulator/seed.ts), and the one
// built to be healthy: shared by the unit and end-to-end tests.
export const HEALTH_TRIPS: Array<[title: string, rule: string]> = [
  ["Night Shift Supervisor", "salary"],
  ["Stock Controller", "closing-date"],
  ["Field Sales Representative", "location"],
  ["Weekend Cashier", "short-description"],
  ["Head of Sustainability", "long-description"],
  ["Bike Mechanic", "salary-history"],
];

export const HEALTHY_JOB = "Store Manager";
