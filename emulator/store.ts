// What the emulator received, kept under its data directory so a demo user can inspect
// exactly what HR would see: candidates with their raw payloads, and the uploaded files.
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type StoredUpload = {
  nonce: string;
  jobUuid: string;
  size: number;
  sha256: string;
  contentType: string | null;
  uploadedAt: string;
};

export type StoredCandidate = {
  candidate: Record<string, unknown>;
  payload: unknown;
  receivedAt: string;
};

type State = { candidates: StoredCandidate[]; uploads: Record<string, StoredUpload> };

export class TooLargeError extends Error {}

export class EmulatorStore {
  private state: State;
  private readonly filesDir: string;
  private readonly stateFile: string;

  constructor(private readonly dir: string) {
    this.filesDir = join(dir, "files");
    this.stateFile = join(dir, "state.json");
    mkdirSync(this.filesDir, { recursive: true });
    this.state = this.load();
  }

  private load(): State {
    try {
      return JSON.parse(readFileSync(this.stateFile, "utf8")) as State;
    } catch {
      return { candidates: [], uploads: {} };
    }
  }

  private save(): void {
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.stateFile);
  }

  get candidates(): readonly StoredCandidate[] {
    return this.state.candidates;
  }

  upload(nonce: string): StoredUpload | undefined {
    return this.state.uploads[nonce];
  }

  filePath(nonce: string): string {
    return join(this.filesDir, nonce.replace(/[^a-f0-9]/g, ""));
  }

  /** Streams a PUT body to disk, hashing it on the way; refuses bodies over `maxBytes`. */
  async receive(
    nonce: string,
    jobUuid: string,
    body: Readable,
    contentType: string | null,
    maxBytes: number,
  ): Promise<StoredUpload> {
    const hash = createHash("sha256");
    let size = 0;
    const path = this.filePath(nonce);
    const tmp = `${path}.part`;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > maxBytes) throw new TooLargeError("Your proposed upload exceeds the maximum allowed size");
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp),
      );
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    renameSync(tmp, path);
    const upload: StoredUpload = {
      nonce,
      jobUuid,
      size,
      sha256: hash.digest("hex"),
      contentType,
      uploadedAt: new Date().toISOString(),
    };
    this.state.uploads[nonce] = upload;
    this.save();
    return upload;
  }

  addCandidate(entry: StoredCandidate): void {
    this.state.candidates.push(entry);
    this.save();
  }

  /** Changes a candidate (found by uuid) and keeps the change; returns it, or null. */
  updateCandidate(uuid: string, change: (candidate: Record<string, unknown>) => void): Record<string, unknown> | null {
    const entry = this.state.candidates.find((c) => c.candidate.uuid === uuid);
    if (!entry) return null;
    change(entry.candidate);
    this.save();
    return entry.candidate;
  }

  reset(): void {
    this.state = { candidates: [], uploads: {} };
    rmSync(this.filesDir, { recursive: true, force: true });
    mkdirSync(this.filesDir, { recursive: true });
    this.save();
  }
}
