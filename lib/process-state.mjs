// @ts-check
// State that must be one per process: Next.js bundles a module once per route entry, and the
// cache handler and the HTTP front load theirs outside the bundle, so a module-level variable
// can exist several times. Everything that must be single lives on globalThis, under
// Symbol.for("careers.<name>"), made here and nowhere else. Plain JavaScript: the cache handler
// (lib/page-cache/cache-handler.mjs) and the HTTP front (scripts/server.mjs) use it too.

/**
 * The process-wide value named `name`, made by `init` on first use.
 * @template T
 * @param {string} name @param {() => T} init
 * @returns {T}
 */
export function processSingleton(name, init) {
  const holder = /** @type {{ [key: symbol]: unknown }} */ (/** @type {unknown} */ (globalThis));
  const key = Symbol.for(`careers.${name}`);
  if (!(key in holder)) holder[key] = init();
  return /** @type {T} */ (holder[key]);
}

/**
 * The process-wide value named `name` if it was made, else undefined (nothing is made).
 * @template T
 * @param {string} name
 * @returns {T | undefined}
 */
export function peekProcessSingleton(name) {
  return /** @type {T | undefined} */ (/** @type {{ [key: symbol]: unknown }} */ (/** @type {unknown} */ (globalThis))[Symbol.for(`careers.${name}`)]);
}

/**
 * Forgets a process-wide value (tests, and values that must be made again).
 * @param {string} name
 */
export function dropProcessSingleton(name) {
  delete (/** @type {{ [key: symbol]: unknown }} */ (/** @type {unknown} */ (globalThis)))[Symbol.for(`careers.${name}`)];
}
