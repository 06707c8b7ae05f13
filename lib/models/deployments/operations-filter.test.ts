import { describe, expect, it } from "vitest";
import { isFiltered, operationsFilterOf, operationsFilterParams, operationsFilterQuery } from "./operations-filter";

describe("the operations filter's query", () => {
  const parse = (query: Record<string, string>) => operationsFilterQuery.safeParse(query);

  it("reads source, text and a time range; blanks mean no filter", () => {
    const parsed = parse({ source: "external", q: "alpha", from: "2026-01-02T10:00:00Z", to: "2026-01-03T12:30:00+01:00" });
    expect(parsed.success && operationsFilterOf(parsed.data)).toEqual({
      source: "external",
      text: "alpha",
      from: new Date("2026-01-02T10:00:00Z"),
      to: new Date("2026-01-03T11:30:00Z"),
    });
    const blank = parse({ source: "", q: "  ", from: "", to: "" });
    expect(blank.success && isFiltered(operationsFilterOf(blank.data))).toBe(false);
  });

  it("takes a day as from at its start and as to at its end (UTC)", () => {
    const parsed = parse({ from: "2026-01-02", to: "2026-01-02" });
    expect(parsed.success && operationsFilterOf(parsed.data)).toMatchObject({ from: new Date("2026-01-02T00:00:00Z"), to: new Date("2026-01-03T00:00:00Z") });
  });

  it("refuses unknown sources, long text, times without a zone, impossible dates and from after to", () => {
    for (const query of [{ source: "batch" }, { q: "x".repeat(201) }, { from: "2026-01-02T10:00" }, { to: "2026-02-30" }, { from: "tomorrow" }, { from: "2026-01-03", to: "2026-01-02" }, { from: "2026-01-02T10:00:00Z", to: "2026-01-02T10:00:00Z" }] as Record<string, string>[]) {
      expect(parse(query).success, JSON.stringify(query)).toBe(false);
    }
  });

  it("writes the page's filter as the routes' query string, empty parts left out", () => {
    expect(operationsFilterParams({ source: "predict", text: "a&b", from: "", to: "2026-01-02" }).toString()).toBe("source=predict&q=a%26b&to=2026-01-02");
  });
});
