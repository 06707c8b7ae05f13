import type { CruncherStats } from "@/lib/tasks/cruncher-stats";
import type { ApiErrorDetail } from "@/lib/http/errors";
import type { WorkTask } from "@/lib/tasks/work-task";

/** The work page's calls to its session routes (app/api/work). */

export type WorkStats = CruncherStats & { waiting: number };

async function post(path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method: "POST",
    cache: "no-store",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function messageOf(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? `The server answered ${res.status}.`;
}

export async function leaseNextTask(): Promise<WorkTask | null> {
  const res = await post("/api/work/next");
  if (!res.ok) throw new Error(await messageOf(res));
  return ((await res.json()) as { task: WorkTask | null }).task;
}

/** False when the task is no longer reserved for this cruncher. */
export async function renewLease(assignmentId: string): Promise<boolean> {
  const res = await post(`/api/work/${assignmentId}/renew`);
  if (res.status === 410) return false;
  if (!res.ok) throw new Error(await messageOf(res));
  return true;
}

export async function skipTask(assignmentId: string): Promise<void> {
  const res = await post(`/api/work/${assignmentId}/skip`);
  if (!res.ok && res.status !== 410) throw new Error(await messageOf(res));
}

export type SubmitResult = { ok: true } | { ok: false; gone: boolean; message: string; errors: ApiErrorDetail[] };

export async function submitAnswer(assignmentId: string, answer: unknown): Promise<SubmitResult> {
  const res = await post(`/api/work/${assignmentId}/answer`, { answer });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { message?: string; errors?: ApiErrorDetail[] } | null;
  return { ok: false, gone: res.status === 410, message: body?.message ?? `The server answered ${res.status}.`, errors: body?.errors ?? [] };
}

export async function fetchStats(): Promise<WorkStats> {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const res = await fetch(`/api/work/stats?since=${encodeURIComponent(midnight.toISOString())}`, { cache: "no-store" });
  if (!res.ok) throw new Error(await messageOf(res));
  return res.json();
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
