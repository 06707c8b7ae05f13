import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, formatFull, formatRelative, zoneName } from "./time-format";

const at = "2026-12-07T06:34:12.000Z";
const now = Date.parse(at);

describe("time format", () => {
  it("shows local time with the zone named", () => {
    expect(formatDateTime(at, { timeZone: "UTC" })).toBe("7 Dec 2026, 06:34 UTC");
    expect(formatDateTime(at, { timeZone: "Europe/Paris" })).toBe("7 Dec 2026, 07:34 CET");
    expect(formatDateTime(at, { timeZone: "America/New_York", seconds: true })).toBe("7 Dec 2026, 01:34:12 GMT-5");
    expect(formatDateTime(new Date(at), { timeZone: "Asia/Kolkata" })).toBe("7 Dec 2026, 12:04 GMT+5:30");
  });

  it("accepts dates, ISO strings and epoch milliseconds alike", () => {
    expect(formatDate(now, { timeZone: "UTC" })).toBe("7 Dec 2026");
    expect(formatDate(new Date(at), { timeZone: "Pacific/Auckland" })).toBe("7 Dec 2026");
    expect(formatDate(at, { timeZone: "America/Los_Angeles" })).toBe("6 Dec 2026");
  });

  it("names the zone, and keeps the ISO instant in the hover text", () => {
    expect(zoneName(at, { timeZone: "Europe/Paris" })).toBe("CET");
    expect(zoneName(at, { timeZone: "UTC" })).toBe("UTC");
    expect(formatFull(at, { timeZone: "Europe/Paris" })).toBe("Monday, 7 December 2026 at 07:34:12 CET · 2026-12-07T06:34:12.000Z");
  });

  it("writes log times as the clock today and with the day before", () => {
    expect(formatClock(at, { timeZone: "UTC", now })).toBe("06:34:12 UTC");
    expect(formatClock(now - 86_400_000, { timeZone: "UTC", now })).toBe("6 Dec, 06:34:12 UTC");
  });

  it("says how long ago where recency matters", () => {
    const ago = (ms: number) => formatRelative(now - ms, { timeZone: "UTC", now });
    expect(ago(5_000)).toBe("just now");
    expect(ago(60_000)).toBe("1 min ago");
    expect(ago(44 * 60_000)).toBe("44 min ago");
    expect(ago(3 * 3_600_000)).toBe("3 h ago");
    expect(ago(10 * 3_600_000)).toBe("10 h ago");
    expect(ago(20 * 3_600_000)).toBe("yesterday, 10:34 UTC");
    expect(ago(3 * 86_400_000)).toBe("3 days ago");
    expect(ago(30 * 86_400_000)).toBe("7 Nov 2026, 06:34 UTC");
    expect(formatRelative(now + 5 * 60_000, { timeZone: "UTC", now })).toBe("in 5 min");
  });
});
