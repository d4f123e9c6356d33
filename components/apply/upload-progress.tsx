"use client";

// The resume's upload while the form is filled in (./use-resume-upload.ts): a progress bar with
// the percentage and megabytes, announced politely at every quarter, and a button to cancel it
// (choosing another file replaces it).
import { useTranslations } from "next-intl";
import type { ResumeUpload } from "./use-resume-upload";

const MB = (bytes: number) => (bytes / 1_000_000).toFixed(1);

type Props = { upload: ResumeUpload; onCancel: () => void; filled: number; waiting: boolean };

export function UploadProgress({ upload, onCancel, filled, waiting }: Props) {
  const t = useTranslations("apply.upload");
  if (upload.state === "idle" || upload.state === "refused") return null;
  if (upload.state === "failed") {
    return (
      <p className="mt-2 text-sm text-slate-700" data-testid="resume-upload" role="status">
        {t("failed")}
      </p>
    );
  }
  const total = upload.total;
  const sent = upload.state === "uploading" ? upload.sent : total;
  const percent = total ? Math.floor((100 * sent) / total) : 0;
  // Screen readers hear a quarter at a time, not every percent.
  const quarter = Math.floor(percent / 25) * 25;
  return (
    <div className="mt-2" data-testid="resume-upload">
      <div className="flex items-center gap-3">
        <div
          role="progressbar"
          aria-label={t("label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t("progress", { percent, sent: MB(sent), total: MB(total) })}
          className="h-2 flex-1 overflow-hidden rounded bg-slate-200"
        >
          <div className="h-2 bg-brand transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        {upload.state === "uploading" ? (
          <button type="button" onClick={onCancel} className="min-h-11 text-sm font-medium text-brand underline">
            {t("cancel")}
          </button>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-700" data-testid="resume-upload-text">
        {upload.state === "done"
          ? t("done", { total: MB(total) })
          : upload.state === "checking"
            ? t("checking")
            : upload.offline
              ? t("offline", { percent })
              : t("progress", { percent, sent: MB(sent), total: MB(total) })}
      </p>
      {waiting && upload.state !== "done" ? (
        <p className="mt-1 text-sm font-medium text-slate-900" role="status">
          {t("waiting")}
        </p>
      ) : null}
      {upload.state === "done" && filled > 0 ? (
        <p className="mt-1 text-sm font-medium text-amber-900" role="status" data-testid="autofilled">
          {t("autofilled", { count: filled })}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {upload.state === "uploading" && upload.offline ? t("offline", { percent }) : upload.state === "uploading" && quarter > 0 ? t("announce", { percent: quarter }) : upload.state === "done" ? t("done", { total: MB(total) }) : ""}
      </p>
    </div>
  );
}
