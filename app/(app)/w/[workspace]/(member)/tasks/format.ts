import type { RequestType } from "@/lib/tasks/request-types";

/** Dates on the review pages are UTC, like the API's created_at, so server and browser agree. */
export function formatUtc(date: Date): string {
  return `${date.toLocaleString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" })} UTC`;
}

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
