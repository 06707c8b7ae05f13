import { SessionRouteError, sessionFetch, workspaceHeaders } from "@/components/session-fetch";
import type { ApiErrorDetail } from "@/lib/http/errors";
import type { CruncherStats } from "@/lib/tasks/cruncher-stats";
import type { WorkTask } from "@/lib/tasks/work-task";

/** The work page's calls to its session routes (/api/work, lib/tasks/session-api.ts). */

/** paused: the workspace's gold rule stopped sending this cruncher tasks. */
export type WorkStats = CruncherStats & { waiting: number; paused: boolean };

/** 410: the task is no longer reserved for this worker (answered, aborted or expired). */
const isGone = (error: unknown) => error instanceof SessionRouteError && error.status === 410;

export async function leaseNextTask(): Promise<{ task: WorkTask | null; paused: boolean }> {
  return sessionFetch<{ task: WorkTask | null; paused: boolean }>("/api/work/next", { method: "POST" });
}

/** False when the task is no longer reserved for this cruncher. */
export async function renewLease(assignmentId: string): Promise<boolean> {
  try {
    await sessionFetch(`/api/work/${assignmentId}/renew`, { method: "POST" });
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
  }
}

export async function skipTask(assignmentId: string): Promise<void> {
  await sessionFetch(`/api/work/${assignmentId}/skip`, { method: "POST" }).catch((error: unknown) => {
    if (!isGone(error)) throw error;
  });
}

export type SubmitResult = { ok: true } | { ok: false; gone: boolean; message: string; errors: ApiErrorDetail[] };

export async function submitAnswer(assignmentId: string, answer: unknown): Promise<SubmitResult> {
  const res = await fetch(`/api/work/${assignmentId}/answer`, { method: "POST", cache: "no-store", headers: { "content-type": "application/json", ...workspaceHeaders() }, body: JSON.stringify({ answer }) });
  if (res.ok) return { ok: true };
  // The answer's problems stay structured: the page marks the fields they name.
  const body = (await res.json().catch(() => null)) as { message?: string; errors?: ApiErrorDetail[] } | null;
  return { ok: false, gone: res.status === 410, message: body?.message ?? `The server answered ${res.status}.`, errors: body?.errors ?? [] };
}

/** The worker's own counts since their local midnight. */
export function fetchStats(): Promise<WorkStats> {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  return sessionFetch<WorkStats>(`/api/work/stats?since=${encodeURIComponent(midnight.toISOString())}`);
}

export interface UploadedFile {
  url: string;
  filename: string;
  size: number;
  contenttype: string;
}

/** Sends the file with XMLHttpRequest, whose upload events drive the progress bar (fetch has none). */
export function uploadAnswerFile(assignmentId: string, file: File, onProgress: (loaded: number, total: number) => void): { done: Promise<UploadedFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open("POST", `/api/work/${assignmentId}/upload`);
    for (const [name, value] of Object.entries(workspaceHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.setRequestHeader("x-filename", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: { message?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status === 201 && body.url) resolve(body as UploadedFile);
      else reject(new Error(body.message ?? `The upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The upload failed: the connection was lost."));
    xhr.onabort = () => reject(new Error("The upload was cancelled."));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
