// @ts-check
// Admission control for request bodies, applied before Next.js reads them. A server action
// holds a whole upload in memory (measured at ~6-7x the body size), so the bodies in flight
// are capped: over the cap, or over the framework's body limit, a request is answered at
// once with a friendly message instead of being buffered until the process dies.

/**
 * @typedef {{ ceilingBytes: number; bodyLimitBytes: number }} GateOptions
 * @typedef {{ outcome: "pass"; release: () => void } | { outcome: "busy" | "too-large" }} Admission
 */

/** Bodies worth counting: form posts and server-action calls. */
export function isGuardedRequest(/** @type {{ method?: string; headers: Record<string, string | string[] | undefined> }} */ req) {
  if (req.method !== "POST") return false;
  const type = String(req.headers["content-type"] ?? "");
  return Boolean(req.headers["next-action"]) || type.startsWith("multipart/form-data");
}

/** @param {GateOptions} options */
export function createUploadGate(options) {
  let inFlight = 0;
  let admitted = 0;
  let refused = 0;
  return {
    /**
     * @param {number} contentLength bytes announced by the request (NaN when absent)
     * @returns {Admission}
     */
    admit(contentLength) {
      const size = Number.isFinite(contentLength) && contentLength >= 0 ? contentLength : options.bodyLimitBytes;
      if (size > options.bodyLimitBytes) {
        refused++;
        return { outcome: "too-large" };
      }
      // One request is always let through when nothing else is in flight, so a ceiling
      // set below the body limit cannot refuse every upload forever.
      if (inFlight > 0 && inFlight + size > options.ceilingBytes) {
        refused++;
        return { outcome: "busy" };
      }
      inFlight += size;
      admitted++;
      let released = false;
      return {
        outcome: "pass",
        release() {
          if (released) return;
          released = true;
          inFlight -= size;
        },
      };
    },
    stats() {
      return { inFlight, admitted, refused };
    },
  };
}

/**
 * The answer to a refused request. Server-action calls from the page's JavaScript get a
 * short status (the form keeps its values and says what happened); plain form posts get
 * a small page that says what to do.
 * @param {"busy" | "too-large"} outcome
 * @param {boolean} fromScript
 */
export function refusal(outcome, fromScript) {
  const status = outcome === "busy" ? 503 : 413;
  const title = outcome === "busy" ? "We are busy right now" : "That upload is too large";
  const text =
    outcome === "busy"
      ? "Many applications are being sent at this moment, and yours was not received. Please try again in a minute."
      : "The form you sent was larger than we accept (the resume may be at most 50 MB). Please choose a smaller file and send it again.";
  if (fromScript) {
    return { status, headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60" }, body: text };
  }
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}a{color:#14532d}</style></head>
<body><main><h1>${title}</h1><p>${text}</p><p>Nothing was sent. Use your browser's Back button to return to the form: what you typed is usually still there, but the resume has to be chosen again.</p><p><a href="/">See all jobs</a></p></main></body></html>`;
  return { status, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "60" }, body };
}
