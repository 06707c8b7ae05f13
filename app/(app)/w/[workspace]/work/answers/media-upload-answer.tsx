"use client";

import { useEffect, useRef, useState, type DragEvent } from "react";
import { cx } from "@/components/ui";
import { REQUEST_KINDS, type MediaRequestType } from "@/lib/tasks/request-types";
import { AttachmentView } from "../_shared/attachment-view";
import { uploadAnswerFile, type UploadedFile } from "../work-api";
import type { AnswerProps } from "./types";

type Upload = { state: "idle" } | { state: "uploading"; name: string; loaded: number; total: number } | { state: "done"; file: UploadedFile } | { state: "failed"; message: string };

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);

/**
 * Image, video and audio requests are answered with a file: it is uploaded at once (with a progress
 * bar), stored by the app, and the answer is its public URL.
 */
export function MediaUploadAnswer({ task, onChange }: AnswerProps<MediaRequestType>) {
  const type = task.type;
  // The kind of file the request type declares (lib/tasks/types/<type>.ts).
  const wanted = REQUEST_KINDS[type].answerFile!;
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const [dragging, setDragging] = useState(false);
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);

  function send(file: File | undefined) {
    if (!file) return;
    abort.current?.();
    onChange(undefined);
    setUpload({ state: "uploading", name: file.name, loaded: 0, total: file.size });
    const started = uploadAnswerFile(task.assignmentId, file, (loaded, total) => setUpload({ state: "uploading", name: file.name, loaded, total }));
    abort.current = started.abort;
    started.done.then(
      (uploaded) => {
        setUpload({ state: "done", file: uploaded });
        onChange(uploaded.url);
      },
      (error: Error) => setUpload({ state: "failed", message: error.message }),
    );
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  }

  const percent = upload.state === "uploading" && upload.total > 0 ? Math.round((upload.loaded / upload.total) * 100) : 0;
  return (
    <div className="space-y-4">
      <label
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={cx(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition",
          dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-slate-50 hover:border-slate-400",
        )}
      >
        <span className="text-sm font-medium text-slate-800">{upload.state === "done" ? "Replace the file" : `Upload ${wanted.noun} (${wanted.examples})`}</span>
        <span className="text-xs text-slate-500">Drop it here or click to choose</span>
        <input type="file" accept={`${wanted.contentTypePrefix}*`} aria-label="Answer file" className="sr-only" onChange={(e) => send(e.target.files?.[0])} disabled={upload.state === "uploading"} />
      </label>

      {upload.state === "uploading" ? (
        <div>
          <div className="mb-1 flex justify-between text-xs text-slate-600">
            <span className="truncate">{upload.name}</span>
            <span className="tabular-nums">{percent}% of {kib(upload.total)}</span>
          </div>
          <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : null}
      {upload.state === "failed" ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{upload.message}</p> : null}
      {upload.state === "done" ? (
        <div className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50/60 p-3" data-testid="uploaded-file">
          <p className="text-sm text-emerald-800">
            Uploaded <span className="font-medium">{upload.file.filename}</span> ({kib(upload.file.size)}). Press Enter to submit it.
          </p>
          <AttachmentView kind={type} value={upload.file.url} compact />
        </div>
      ) : null}
    </div>
  );
}
