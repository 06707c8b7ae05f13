import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_ROWS } from "./limits";
import { cellValue, formatOf, parseUpload } from "./parse-upload";

describe("parseUpload (CSV)", () => {
  it("makes one body per row: lists split on | or read as JSON, nested columns, gold, quoted cells", () => {
    const csv = [
      "instruction,attachments,choices,confidence.max_crunchers,gold",
      'Is this positive?,Great product!,yes|no,3,',
      '"Which, of these?","[""a"",""b""]","[""x"",""y""]",,x',
    ].join("\n");
    const parsed = parseUpload(csv, "csv", "multiple-choice");
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 2, body: { instruction: "Is this positive?", attachments: ["Great product!"], choices: ["yes", "no"], confidence: { max_crunchers: 3 } }, problems: [] },
        { line: 3, body: { instruction: "Which, of these?", attachments: ["a", "b"], choices: ["x", "y"], gold: "x" }, problems: [] },
      ],
    });
  });

  it("keeps a text answer as text, reads a number for other types, and strips a byte-order mark", () => {
    expect(cellValue("gold", "42", "free-text")).toBe("42");
    expect(cellValue("gold", "4", "rating")).toBe(4);
    expect(cellValue("instruction", "123", "rating")).toBe("123");
    const parsed = parseUpload("\uFEFFinstruction\nhello\n", "csv", "free-text");
    expect(parsed.ok && parsed.rows[0]!.body).toEqual({ instruction: "hello" });
  });

  it("refuses a file without an instruction column, with a column named twice, or with no rows", () => {
    expect(parseUpload("question,choices\na,b\n", "csv", "multiple-choice")).toMatchObject({ ok: false, message: expect.stringMatching(/instruction/) });
    expect(parseUpload("instruction,gold,gold\na,b,c\n", "csv", "free-text")).toMatchObject({ ok: false, message: expect.stringMatching(/twice/) });
    expect(parseUpload("instruction\n", "csv", "free-text")).toMatchObject({ ok: false, message: expect.stringMatching(/no requests/) });
  });

  it("marks a row with more cells than the header names, and ignores keys that would reach a prototype", () => {
    const parsed = parseUpload("instruction,__proto__.x\na,1\nb,2,3\n", "csv", "free-text");
    expect(parsed.ok && parsed.rows.map((r) => r.problems.length)).toEqual([0, 1]);
    expect(parsed.ok && parsed.rows[0]!.body).toEqual({ instruction: "a" });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("refuses more rows than one upload takes", () => {
    const csv = `instruction\n${Array.from({ length: MAX_UPLOAD_ROWS + 1 }, (_, i) => `q${i}`).join("\n")}\n`;
    expect(parseUpload(csv, "csv", "free-text")).toMatchObject({ ok: false, message: expect.stringMatching(/at most 10,000/) });
  });
});

describe("parseUpload (JSONL)", () => {
  it("reads one body per non-empty line and marks lines that are not JSON objects", () => {
    const jsonl = ['{"instruction":"a","gold":"b"}', "", "[1]", "{oops", '{"instruction":"c"}'].join("\n");
    const parsed = parseUpload(jsonl, "jsonl", "free-text");
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 1, body: { instruction: "a", gold: "b" }, problems: [] },
        { line: 3, body: null, problems: ["The line must be a JSON object."] },
        { line: 4, body: null, problems: ["The line is not valid JSON."] },
        { line: 5, body: { instruction: "c" }, problems: [] },
      ],
    });
  });

  it("refuses a file over 5 MB", () => {
    expect(parseUpload("x".repeat(5 * 1024 * 1024 + 1), "jsonl", "free-text")).toMatchObject({ ok: false, message: expect.stringMatching(/5 MB/) });
  });
});

it("formatOf tells the format by the file's name", () => {
  expect([formatOf("a.CSV"), formatOf("b.jsonl"), formatOf("c.ndjson"), formatOf("d.txt")]).toEqual(["csv", "jsonl", "jsonl", null]);
});
