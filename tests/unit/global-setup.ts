// Starts one real PostgreSQL server for the whole unit-test run (tests/helpers/postgres.mjs);
// each test that needs a database creates its own in it.
import type { TestProject } from "vitest/node";
import { startPostgres } from "../helpers/postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("pgAdminUrl", server.adminUrl);
  return async () => {
    await server.stop();
  };
}
