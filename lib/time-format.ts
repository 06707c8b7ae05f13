/**
 * The one way the dashboard shows time: in the viewer's zone with the zone named ("7 Dec 2026,
 * 07:34 CET"), "5 min ago" where recency matters, and the full timestamp for hover. `timeZone` is
 * the viewer's (undefined: this runtime's own); pages rendered on the server pass "UTC", so a time
 * is never shown without its zone.
 */

export type TimeInput = Date | string | number;
export interface ZoneOptions {
  timeZone?: string;
}

const LOCALE = "en-GB";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const toDate = (value: TimeInput): Date => (value instanceof Date ? value : new Date(value));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${timeZone ?? ""}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** The calendar day of a date in a zone, as yyyy-mm-dd, for "is it today?". */
function dayOf(date: Date, timeZone: string | undefined): string {
  return formatter({ year: "numeric", month: "2-digit", day: "2-digit" }, timeZone).format(date);
}

/** "7 Dec 2026, 07:34 CET" (with seconds: "07:34:12 CET"). */
export function formatDateTime(value: TimeInput, { timeZone, seconds = false }: ZoneOptions & { seconds?: boolean } = {}): string {
  return formatter({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), timeZoneName: "short" }, timeZone).format(toDate(value));
}

/** "7 Dec 2026": a day, for dates where the hour does not matter (joined, registered). */
export function formatDate(value: TimeInput, { timeZone }: ZoneOptions = {}): string {
  return formatter({ day: "numeric", month: "short", year: "numeric" }, timeZone).format(toDate(value));
}

/** "07:34:12 CET" today, "6 Dec, 07:34:12 CET" before: for logs, where most lines are recent. */
export function formatClock(value: TimeInput, { timeZone, now = Date.now() }: ZoneOptions & { now?: number } = {}): string {
  const date = toDate(value);
  const today = dayOf(date, timeZone) === dayOf(new Date(now), timeZone);
  return formatter({ ...(today ? {} : { day: "numeric", month: "short" }), hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" }, timeZone).format(date);
}

/** "07:34" for a chart's time axis (the zone goes in the axis caption: `zoneName`). */
export function formatAxisTime(value: TimeInput, { timeZone, withDay = false }: ZoneOptions & { withDay?: boolean } = {}): string {
  return formatter({ ...(withDay ? { day: "numeric", month: "short" } : {}), hour: "2-digit", minute: "2-digit" }, timeZone).format(toDate(value));
}

/** The zone's short name at a moment: "CET", "UTC", "GMT-5". */
export function zoneName(value: TimeInput = Date.now(), { timeZone }: ZoneOptions = {}): string {
  const part = formatter({ timeZoneName: "short" }, timeZone)
    .formatToParts(toDate(value))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone ?? "local time";
}

/** "Monday, 7 December 2026 at 07:34:12 CET · 2026-12-07T06:34:12.000Z": the hover text. */
export function formatFull(value: TimeInput, { timeZone }: ZoneOptions = {}): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "invalid date";
  return `${formatter({ dateStyle: "full", timeStyle: "long" }, timeZone).format(date)} · ${date.toISOString()}`;
}

/**
 * "just now", "5 min ago", "3 h ago", "yesterday, 18:02 CET", "4 days ago"; past a week, the date
 * and time. Times ahead (clock skew, a scheduled run) read "in 5 min".
 */
export function formatRelative(value: TimeInput, { timeZone, now = Date.now() }: ZoneOptions & { now?: number } = {}): string {
  const date = toDate(value);
  const ago = now - date.getTime();
  const span = Math.abs(ago);
  const say = (text: string) => (ago >= 0 ? `${text} ago` : `in ${text}`);
  if (span < 45_000) return ago >= 0 ? "just now" : "in a moment";
  if (span < HOUR) return say(`${Math.max(1, Math.round(span / MINUTE))} min`);
  if (span < 12 * HOUR || (ago >= 0 && dayOf(date, timeZone) === dayOf(new Date(now), timeZone))) return say(`${Math.round(span / HOUR)} h`);
  if (ago >= 0 && dayOf(date, timeZone) === dayOf(new Date(now - DAY), timeZone)) {
    return `yesterday, ${formatter({ hour: "2-digit", minute: "2-digit", timeZoneName: "short" }, timeZone).format(date)}`;
  }
  if (span < 7 * DAY) return say(`${Math.max(2, Math.round(span / DAY))} days`);
  return formatDateTime(date, { timeZone });
}
