import { describe, expect, it } from "vitest";
import { importSchema } from "./schema-import";

describe("importing a loop's fields", () => {
  it("reads names in order and types from a CSV header and sample rows", () => {
    const csv = "age,plan,monthly_spend,is_trial,zip\r\n31,pro,12.5,true,02139\r\n45,basic,7,FALSE,\r\n";
    expect(importSchema(csv)).toEqual({
      ok: true,
      rows: 2,
      fields: [
        { name: "age", type: "integer" },
        { name: "plan", type: "string" },
        { name: "monthly_spend", type: "float" },
        { name: "is_trial", type: "boolean" },
        { name: "zip", type: "string" },
      ],
    });
  });
  it("reads a JSON example or an array of them, keys in first-seen order", () => {
    expect(importSchema('[{"b": 1, "a": "x"}, {"b": 1.5, "c": [1], "d": {"k": 1}, "e": null}]')).toEqual({
      ok: true,
      rows: 2,
      fields: [
        { name: "b", type: "float" },
        { name: "a", type: "string" },
        { name: "c", type: "array" },
        { name: "d", type: "object" },
        { name: "e", type: "string" },
      ],
    });
  });
  it("says what is wrong with an example it cannot use", () => {
    expect(importSchema("")).toEqual({ ok: false, problem: "The CSV has no header line." });
    expect(importSchema("a,,c\n1,2,3")).toEqual({ ok: false, problem: "Column 2 of the header has no name." });
    expect(importSchema("{oops")).toMatchObject({ ok: false, problem: expect.stringContaining("not valid JSON") });
    expect(importSchema("[1, 2]")).toMatchObject({ ok: false });
    expect(importSchema(Array.from({ length: 201 }, (_, i) => `f${i}`).join(","))).toMatchObject({ ok: false, problem: expect.stringContaining("at most 200") });
  });
});
