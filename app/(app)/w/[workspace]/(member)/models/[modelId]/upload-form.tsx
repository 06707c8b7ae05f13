"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { problemsOf, workspaceHeaders } from "@/components/session-fetch";
import { Button, Card, Field, Input, Select } from "@/components/ui";

const KINDS = [
  { value: "model", label: "Model (.pkl / joblib) — a new version" },
  { value: "data", label: "Training data" },
  { value: "code", label: "Code" },
  { value: "env", label: "Environment (requirements)" },
] as const;

type Status = { state: "idle" } | { state: "uploading"; loaded: number; total: number } | { state: "done"; message: string } | { state: "failed"; problems: string[] };

/** The route's problems from the upload's answer text. */
function uploadProblems(status: number, text: string): string[] {
  try {
    return problemsOf(JSON.parse(text), status);
  } catch {
    return [`The upload failed (HTTP ${status}).`];
  }
}

/** Uploads one file with a real progress bar (XMLHttpRequest), then refreshes the page. */
export function UploadForm({ modelId }: { modelId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [kind, setKind] = useState<string>("model");
  const [status, setStatus] = useState<Status>({ state: "idle" });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setStatus({ state: "failed", problems: ["Choose a file first."] });
      return;
    }
    const body = new FormData();
    body.append("file_kind", kind);
    body.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/models/${modelId}/upload`);
    for (const [name, value] of Object.entries(workspaceHeaders())) xhr.setRequestHeader(name, value);
    const size = file.size;
    xhr.upload.onprogress = (e) => setStatus({ state: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : size });
    xhr.onload = () => {
      if (xhr.status === 201) {
        const row = JSON.parse(xhr.responseText) as { filename: string; version: number | null };
        setStatus({ state: "done", message: `Uploaded ${row.filename}${row.version !== null ? ` as version ${row.version}` : ""}.` });
        setFile(null);
        setInputKey((k) => k + 1);
        router.refresh();
      } else setStatus({ state: "failed", problems: uploadProblems(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => setStatus({ state: "failed", problems: ["The upload failed: the connection was lost."] });
    setStatus({ state: "uploading", loaded: 0, total: file.size });
    xhr.send(body);
  }

  const uploading = status.state === "uploading";
  const percent = uploading && status.total > 0 ? Math.round((status.loaded / status.total) * 100) : 0;
  return (
    <Card className="p-5">
      <form className="space-y-4" onSubmit={submit}>
        <h2 className="text-sm font-semibold text-slate-900">Upload a file</h2>
        <Field label="File kind">
          <Select value={kind} onChange={(e) => setKind(e.target.value)} disabled={uploading}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>{k.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="File" hint="Model files are read as data by a safe reader; files that would run code are refused.">
          <Input key={inputKey} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} name="file" disabled={uploading} className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1" />
        </Field>
        {uploading ? (
          <div>
            <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-500">{percent}% of {(status.total / 1024).toFixed(1)} KiB</p>
          </div>
        ) : null}
        {status.state === "failed" ? (
          <ul role="alert" className="list-disc space-y-1 rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-700">
            {status.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        {status.state === "done" ? <p role="status" className="text-sm text-emerald-700">{status.message}</p> : null}
        <Button type="submit" disabled={uploading}>{uploading ? "Uploading…" : "Upload"}</Button>
      </form>
    </Card>
  );
}
