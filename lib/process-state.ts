// State that must be one per process: Next.js bundles a module once per route entry, and the
// cache handler and the HTTP front load theirs outside the bundle, so a module-level variable
// can exist several times. Everything that must be single lives on globalThis, under
// Symbol.for("careers.<name>"), made here and nowhere else.

/** The process-wide value named `name`, made by `init` on first use. */
export function processSingleton<T>(name: string, init: () => T): T {
  const key = Symbol.for(`careers.${name}`);
  const holder = globalThis as { [key: symbol]: unknown };
  if (!(key in holder)) holder[key] = init();
  return holder[key] as T;
}

/** Forgets a process-wide value (tests, and values that must be made again). */
export function dropProcessSingleton(name: string): void {
  delete (globalThis as { [key: symbol]: unknown })[Symbol.for(`careers.${name}`)];
}
