// One sentence for a database that cannot be used, naming where it was looked for and never
// the password in DATABASE_URL.

/** Where the database is, fit for a log line: "postgres at db:5432/careers" or "SQLite in DATA_DIR". */
export function describeDatabaseLocation(url: string | undefined): string {
  if (!url) return "SQLite in DATA_DIR";
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || "5432"}${u.pathname.length > 1 ? u.pathname : ""}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

const CODES: Record<string, string> = {
  ECONNREFUSED: "nothing is listening there",
  ENOTFOUND: "that host name does not resolve",
  EAI_AGAIN: "that host name does not resolve",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "that host cannot be reached",
  ECONNRESET: "the connection was reset",
  "28P01": "the password was refused",
  "28000": "that user may not connect",
  "3D000": "that database does not exist",
  "53300": "it has no free connections",
  "57P03": "it is starting up or shutting down",
  SQLITE_CANTOPEN: "the database file cannot be opened (check DATA_DIR and its permissions)",
  SQLITE_READONLY: "the database file is read-only (check DATA_DIR and its permissions)",
};

function codeOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { code?: unknown; errors?: unknown[]; cause?: unknown };
  if (typeof e.code === "string" && CODES[e.code]) return e.code;
  // node-postgres reports a refused dual-stack connect as an AggregateError.
  for (const inner of Array.isArray(e.errors) ? e.errors : []) {
    const c = codeOf(inner);
    if (c) return c;
  }
  return e.cause ? codeOf(e.cause) : typeof e.code === "string" ? e.code : undefined;
}

/** e.g. "The database (PostgreSQL at db:5432/careers) cannot be used: nothing is listening there." */
export function describeDatabaseError(error: unknown, url: string | undefined): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const reason =
    (code && CODES[code]) ||
    (/timeout/i.test(message) ? "the connection timed out" : message.replace(/postgres(ql)?:\/\/[^\s@]*@/gi, "postgres://…@").split("\n")[0]);
  return `The database (${describeDatabaseLocation(url)}) cannot be used: ${reason}.`;
}
