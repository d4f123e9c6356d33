"use client";

// The resume starts uploading the moment it is chosen, through tus (/api/uploads, lib/uploads),
// while the rest of the form is filled in: progress, cancel and replace, and resumption from
// what the server stored after a dropped connection (tus-js-client retries; offline, it waits for
// the browser to be back online) or a server's death (every replica continues any upload).
// Once finished, the server checks the file (/api/resume-check) as it checks a posted resume,
// and reads the contact details it holds, for the form's empty fields. The form then sends the
// upload's id instead of the file. tus-js-client is loaded only once a file is chosen.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CvFields } from "@/lib/autofill/shape";

export type ResumeUpload =
  | { state: "idle" }
  | { state: "uploading"; sent: number; total: number; offline: boolean }
  | { state: "checking"; total: number }
  | { state: "done"; id: string; total: number }
  | { state: "refused"; problem: string }
  | { state: "failed" };

type TusUpload = { start(): void; abort(terminate?: boolean): Promise<void>; url: string | null };
type Current = { file: File; upload: TusUpload | null; done: Promise<string | null>; finishedAt: number };

/** A finished upload is kept an hour after its last bytes (lib/uploads/store.ts): older than this, it is sent again. */
const STALE_AFTER_MS = 50 * 60 * 1000;
/** tus PATCH bodies: within what the front counts as an ordinary upload (scripts/upload-gate.mjs). */
const CHUNK_BYTES = 4 * 1024 * 1024;

type Options = { locale: string; onFields: (fields: CvFields) => void; onRefused: (problem: string) => void };

export function useResumeUpload({ locale, onFields, onRefused }: Options) {
  const [status, setStatus] = useState<ResumeUpload>({ state: "idle" });
  const current = useRef<Current | null>(null);
  const callbacks = useRef({ onFields, onRefused });
  useEffect(() => {
    callbacks.current = { onFields, onRefused };
  }, [onFields, onRefused]);

  // Says "connection lost" at once, not only when a request fails.
  useEffect(() => {
    const mark = () => setStatus((s) => (s.state === "uploading" ? { ...s, offline: !navigator.onLine } : s));
    window.addEventListener("offline", mark);
    window.addEventListener("online", mark);
    return () => {
      window.removeEventListener("offline", mark);
      window.removeEventListener("online", mark);
    };
  }, []);

  const start = useCallback(
    (file: File, again = false) => {
      if (!again && current.current?.file === file) return;
      void current.current?.upload?.abort(true).catch(() => undefined);
      let settle: (id: string | null) => void = () => {};
      const done = new Promise<string | null>((resolve) => (settle = resolve));
      const mine: Current = { file, upload: null, done, finishedAt: 0 };
      current.current = mine;
      const mineNow = () => current.current === mine;
      setStatus({ state: "uploading", sent: 0, total: file.size, offline: false });
      const check = async (id: string) => {
        setStatus({ state: "checking", total: file.size });
        const answer = await fetch("/api/resume-check", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ upload: id, locale }) })
          .then((res) => (res.ok || res.status === 404 ? (res.json() as Promise<{ ok: boolean; fields?: CvFields; problem?: string }>) : null))
          .catch(() => null);
        if (!mineNow()) return settle(null);
        mine.finishedAt = Date.now();
        if (answer?.ok === false && answer.problem) {
          setStatus({ state: "refused", problem: answer.problem });
          callbacks.current.onRefused(answer.problem);
          // The server would refuse it again when the form is sent: the file goes with the form,
          // and the same sentence comes back beside the field.
          return settle(null);
        }
        if (answer?.ok === false) {
          setStatus({ state: "failed" });
          return settle(null);
        }
        setStatus({ state: "done", id, total: file.size });
        if (answer?.fields) callbacks.current.onFields(answer.fields);
        settle(id);
      };
      void import("tus-js-client").then(({ Upload }) => {
        if (!mineNow()) return settle(null);
        const upload = new Upload(file, {
          endpoint: "/api/uploads",
          chunkSize: CHUNK_BYTES,
          retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
          metadata: { filename: file.name, filetype: file.type },
          // A reload starts afresh: nothing of the file is remembered in the browser.
          // tus-js-client retries a failed part unless the answer was a 4xx or the browser is
          // offline; offline, the upload waits for the connection instead (onError below).
          storeFingerprintForResuming: false,
          onProgress: (sent, total) => mineNow() && setStatus({ state: "uploading", sent, total, offline: !navigator.onLine }),
          onSuccess: () => {
            const id = upload.url?.split("/").pop() ?? "";
            if (/^[0-9a-f]{32}$/.test(id)) void check(id);
            else settle(null);
          },
          onError: () => {
            if (!mineNow()) return settle(null);
            if (!navigator.onLine) {
              // Offline: carry on from what the server holds once the connection is back.
              setStatus((s) => (s.state === "uploading" ? { ...s, offline: true } : s));
              window.addEventListener("online", () => mineNow() && upload.start(), { once: true });
              return;
            }
            setStatus({ state: "failed" });
            settle(null);
          },
        });
        mine.upload = upload;
        upload.start();
      }, () => {
        if (mineNow()) setStatus({ state: "failed" });
        settle(null);
      });
    },
    [locale],
  );

  const cancel = useCallback(() => {
    void current.current?.upload?.abort(true).catch(() => undefined);
    current.current = null;
    setStatus({ state: "idle" });
  }, []);

  /** The finished upload's id for this file, waiting for it if it is under way; null: send the file itself. */
  const idFor = useCallback(
    async (file: File | undefined): Promise<string | null> => {
      if (!file) return null;
      if (current.current?.file !== file) start(file);
      const mine = current.current;
      if (!mine) return null;
      if (mine.finishedAt && Date.now() - mine.finishedAt > STALE_AFTER_MS) start(file, true);
      return current.current ? current.current.done : null;
    },
    [start],
  );

  return useMemo(() => ({ status, start, cancel, idFor }), [status, start, cancel, idFor]);
}
