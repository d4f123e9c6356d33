/** A moment as the admin pages show it: "6 Dec 2026, 04:21 UTC". */
export const adminTime = (ms: number) => `${new Intl.DateTimeFormat("en-IE", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(ms))} UTC`;
