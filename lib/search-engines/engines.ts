// The two ways of telling search engines that a job page changed, each off unless configured:
// - Google's Indexing API (URL_UPDATED / URL_DELETED, one call per address), authorized as a
//   service account through google-auth-library, Google's own client, which signs the JWT and
//   caches and refreshes the access token. Its token endpoint is the key file's token_uri.
// - IndexNow (Bing, Yandex, Seznam, Naver…): every changed address in one call, proven by a
//   key the site serves at /indexnow-key.txt (app/indexnow-key.txt).
// Each answer is sorted into sent, try again later, or refused for good.
import "server-only";
import { Gaxios } from "gaxios";
import { JWT } from "google-auth-library";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-state.mjs";
import type { SearchEngine, SearchNotificationType } from "@/lib/db/schema";

const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
const INDEXING_SCOPE = "https://www.googleapis.com/auth/indexing";
const TIMEOUT_MS = 15_000;

/** The engines this site is configured to tell. */
export function configuredEngines(): SearchEngine[] {
  const config = env();
  return [...(config.GOOGLE_INDEXING_CREDENTIALS ? (["google"] as const) : []), ...(config.INDEXNOW_KEY ? (["indexnow"] as const) : [])];
}

/** The path of the key file IndexNow fetches to check that the key is the site's. */
export const INDEXNOW_KEY_PATH = "/indexnow-key.txt";

export type Answer =
  | { outcome: "sent"; status: number }
  | { outcome: "retry"; status: number | null; error: string }
  | { outcome: "failed"; status: number; error: string };

/** What an engine's HTTP answer means for the notification. */
function judge(engine: string, status: number, body: string): Answer {
  if (status >= 200 && status < 300) return { outcome: "sent", status };
  const detail = body.replace(/\s+/g, " ").trim().slice(0, 200);
  const error = `${engine} answered ${status}${detail ? `: ${detail}` : ""}`;
  if (status === 429 || status === 408 || status >= 500) return { outcome: "retry", status, error };
  return { outcome: "failed", status, error };
}

const networkFailure = (engine: string, error: unknown): Answer => ({
  outcome: "retry",
  status: null,
  error: `${engine} could not be reached: ${error instanceof Error ? (error.name === "TimeoutError" ? "no answer in time" : error.message) : String(error)}`.slice(0, 300),
});

/** The service account's client, made once per key: it keeps its access token until near expiry. */
function googleClient(): JWT {
  const credentials = env().GOOGLE_INDEXING_CREDENTIALS;
  if (!credentials) throw new Error("Google's Indexing API is not configured");
  return processSingleton(`google-indexing:${credentials.client_email}:${credentials.private_key_id ?? ""}`, () => {
    const transporter = new Gaxios();
    const tokenUri = credentials.token_uri;
    if (tokenUri && tokenUri !== GOOGLE_TOKEN_URL) {
      // google-auth-library asks Google's token endpoint by name; a key file may name another.
      transporter.interceptors.request.add({
        resolved: async (config) => (config.url.href === GOOGLE_TOKEN_URL ? { ...config, url: new URL(tokenUri) } : config),
      });
    }
    return new JWT({ email: credentials.client_email, key: credentials.private_key, keyId: credentials.private_key_id, scopes: [INDEXING_SCOPE], transporter });
  });
}

/** Tells Google's Indexing API that `url` was updated or deleted. */
export async function tellGoogle(url: string, type: SearchNotificationType): Promise<Answer> {
  let token: string | null | undefined;
  try {
    token = (await googleClient().getAccessToken()).token;
  } catch (error) {
    return { outcome: "retry", status: null, error: `Google refused the service account's sign-in: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
  }
  if (!token) return { outcome: "retry", status: null, error: "Google gave the service account no access token" };
  try {
    const response = await fetch(env().GOOGLE_INDEXING_ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ url, type }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return judge("Google", response.status, response.ok ? "" : await response.text());
  } catch (error) {
    return networkFailure("Google", error);
  }
}

/** Tells IndexNow that every address in `urls` (at most 10,000, all on SITE_URL's host) changed. */
export async function tellIndexNow(urls: readonly string[]): Promise<Answer> {
  const { INDEXNOW_KEY, INDEXNOW_ENDPOINT, SITE_URL } = env();
  if (!INDEXNOW_KEY) throw new Error("IndexNow is not configured");
  try {
    const response = await fetch(INDEXNOW_ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ host: new URL(SITE_URL).host, key: INDEXNOW_KEY, keyLocation: `${SITE_URL}${INDEXNOW_KEY_PATH}`, urlList: urls }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return judge("IndexNow", response.status, response.ok ? "" : await response.text());
  } catch (error) {
    return networkFailure("IndexNow", error);
  }
}
