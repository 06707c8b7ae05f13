"use client";

import { useSyncExternalStore } from "react";
import { formatClock, formatDate, formatDateTime, formatFull, formatRelative, toDate, zoneName, type TimeInput } from "@/lib/time-format";

/** One clock for every relative time on the page, ticking every 30 s while any is shown. */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
const clientNow = () => now;
/** On the server (and in the first, hydrating render) there is no viewer's zone or clock: UTC, labelled. */
const serverNow = () => null;

export type TimeStyle = "datetime" | "seconds" | "date" | "clock" | "relative";

/**
 * A moment shown the dashboard's one way: in the viewer's zone with the zone named, or "5 min
 * ago" (style="relative"); the full timestamp on hover. Rendered on the server it reads in UTC,
 * labelled so, until the browser takes over.
 */
export function Time({ value, style = "datetime", className }: { value: TimeInput; style?: TimeStyle; className?: string }) {
  const clock = useSyncExternalStore(subscribe, clientNow, serverNow);
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  const zone = clock === null ? { timeZone: "UTC" } : {};
  const at = clock ?? date.getTime();
  const text =
    style === "relative"
      ? clock === null
        ? formatDateTime(date, zone)
        : formatRelative(date, { now: Math.max(clock, Date.now()) })
      : style === "date"
        ? formatDate(date, zone)
        : style === "clock"
          ? formatClock(date, { ...zone, now: at })
          : formatDateTime(date, { ...zone, seconds: style === "seconds" });
  return (
    <time dateTime={date.toISOString()} title={formatFull(date, zone)} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** The viewer's zone name ("CET"), "UTC" while rendered on the server: for a chart's time axis. */
export function useViewerZone(): { name: string; timeZone: string | undefined } {
  const clock = useSyncExternalStore(subscribe, clientNow, serverNow);
  return clock === null ? { name: "UTC", timeZone: "UTC" } : { name: zoneName(), timeZone: undefined };
}
