import { describe, expect, it } from "vitest";
import { apiTimestamp } from "./timestamps";

describe("apiTimestamp", () => {
  it("writes UTC as +00:00 with milliseconds, the form every datetime.fromisoformat reads", () => {
    const at = new Date("2026-12-07T04:50:01.5Z");
    expect(apiTimestamp(at)).toBe("2026-12-07T04:50:01.500+00:00");
    expect(new Date(apiTimestamp(at)).getTime()).toBe(at.getTime());
  });
});
