import type { RequestType } from "@/lib/tasks/request-types";

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A one-line summary of a response for the list. */
export function responseSummary(type: RequestType, response: unknown): string {
  if (response === null || response === undefined) return "no agreement";
  if (Array.isArray(response)) {
    if (type === "multiple-choice") return response.join(", ");
    return `${response.length} mark${response.length === 1 ? "" : "s"}`;
  }
  if (type === "image" || type === "video" || type === "audio") return `${type} file`;
  const text = String(response);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export const STATUS_TONE = { pending: "amber", complete: "green", aborted: "slate" } as const;
