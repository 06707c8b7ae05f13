/**
 * Timestamps in API answers: ISO 8601 in UTC with the offset written `+00:00` rather than `Z`, and
 * milliseconds, which Python's datetime.fromisoformat reads from 3.7 on (it takes `Z` only from 3.11),
 * as JavaScript's Date and every other ISO parser do.
 */
export function apiTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}
