// The resume upload: a PUT of the bytes to the job's signed URL. The signature in the
// query string is the credential, so the token is never sent here.
import "server-only";
import { env } from "@/lib/env";
import { fetchFailure, httpFailure } from "./client";
import { OccupopError } from "./errors";
import { observeCall } from "./observe";

const OPERATION = "uploadResume";

/** The file's URL for the candidate: the signed URL without its query string. */
export function fileUrlOf(signedUrl: string): string {
  const url = new URL(signedUrl);
  url.search = "";
  url.hash = "";
  return url.toString();
}

/** The bytes to upload: a stream opened when the request starts, and its exact length. */
export type UploadBody = { stream: () => ReadableStream<Uint8Array>; size: number };

/**
 * PUTs the file to the signed URL and returns the file URL. The bytes stream through with a
 * Content-Length (signed-URL stores refuse chunked uploads): no in-memory copy. A refused
 * signature (expired or used) is retryable with a fresh URL; it never means the token is wrong.
 */
export async function uploadResume(signedUrl: string, file: Blob | UploadBody, contentType: string): Promise<string> {
  return observeCall(OPERATION, () => put(signedUrl, file, contentType));
}

async function put(signedUrl: string, file: Blob | UploadBody, contentType: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(signedUrl);
  } catch {
    throw new OccupopError({ kind: "invalid-response", operation: OPERATION, message: "Occupop gave an invalid upload URL." });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new OccupopError({ kind: "invalid-response", operation: OPERATION, message: "Occupop gave an invalid upload URL." });
  }
  try {
    const streamed = !(file instanceof Blob);
    const response = await fetch(url, {
      method: "PUT",
      headers: { "Content-Type": contentType, ...(streamed ? { "Content-Length": String(file.size) } : {}) },
      body: streamed ? file.stream() : file,
      ...(streamed ? { duplex: "half" as const } : {}),
      signal: AbortSignal.timeout(env().OCCUPOP_UPLOAD_TIMEOUT_MS),
      cache: "no-store",
      redirect: "error",
    });
    if (!response.ok) {
      const failure = await httpFailure(response, OPERATION);
      throw new OccupopError({
        kind: "http",
        status: failure.status,
        operation: OPERATION,
        message:
          failure.status === 403
            ? "The upload link was refused (expired or already used)."
            : `The file store answered HTTP ${failure.status}.`,
        retryAfterMs: failure.retryAfterMs,
        retryable: failure.status === 403 || failure.retryable,
      });
    }
    await response.body?.cancel();
  } catch (error) {
    throw fetchFailure(error, OPERATION);
  }
  return fileUrlOf(signedUrl);
}
