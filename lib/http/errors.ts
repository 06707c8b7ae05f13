import type { ZodError } from "zod";

export interface ApiErrorDetail {
  /** Where the problem is: field names and array indexes. */
  path: (string | number)[];
  message: string;
  /** A machine-readable kind, e.g. "missing", "invalid_type". */
  type: string;
}

/** A client-facing failure; each API family renders it in its own error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function bodyTooLargeMessage(limit: number): string {
  return `The request body is larger than the limit of ${limit} bytes.`;
}

/** What a streamed body fails with once more than its route's body limit has arrived. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(bodyTooLargeMessage(limit));
    this.name = "BodyTooLargeError";
  }
}

/** Every zod issue as a detail (where, what, which kind): the one conversion every family and form uses. */
export function zodDetails(error: ZodError): ApiErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: issue.message,
    type: issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "missing" : issue.code,
  }));
}

/** "data.rating: Expected number" — a detail as one readable line. */
export function describeDetail(detail: ApiErrorDetail): string {
  return detail.path.length ? `${detail.path.join(".")}: ${detail.message}` : detail.message;
}
