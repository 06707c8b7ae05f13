import { describe, expect, it } from "vitest";
import type { TaskRequestRecord } from "../store";
import { csvCell, csvHeader, csvLine, exportRowOf, jsonLine } from "./export-rows";

const record = (over: Partial<TaskRequestRecord> = {}): TaskRequestRecord => ({
  id: "0b7e2f4a-0000-4000-8000-000000000001",
  workspaceId: "w",
  mode: "live",
  type: "multiple-choice",
  params: { instruction: "=HYPERLINK(\"http://evil\")", attachments: ["a"], choices: ["yes", "no"], min_answers: 1, max_answers: 1 } as TaskRequestRecord["params"],
  status: "complete",
  response: ["yes"],
  maxCrunchers: 3,
  minAgreements: 2,
  excludeCrunchers: [],
  batch: null,
  archivedAt: null,
  slotsTaken: 3,
  hookUrl: null,
  gold: false,
  consensus: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  completedAt: new Date("2026-01-01T00:01:00Z"),
  answers: [
    { cruncherId: "c1", answer: ["yes"], answeredAt: new Date() },
    { cruncherId: "c2", answer: ["yes"], answeredAt: new Date() },
    { cruncherId: "c3", answer: ["no"], answeredAt: new Date() },
  ],
  ...over,
});

describe("exportRowOf", () => {
  it("carries the response, every raw answer and the share that agrees", () => {
    expect(exportRowOf(record())).toMatchObject({
      status: "complete",
      response: ["yes"],
      raw_responses: { c1: ["yes"], c2: ["yes"], c3: ["no"] },
      answers: 3,
      agreement: 0.667,
      confidence: null,
      created_at: "2026-01-01T00:00:00.000Z",
      completed_at: "2026-01-01T00:01:00.000Z",
    });
  });

  it("has no agreement without a response, and Dawid–Skene's posterior as confidence", () => {
    expect(exportRowOf(record({ status: "pending", response: null, completedAt: null }))).toMatchObject({ agreement: null, completed_at: null });
    expect(exportRowOf(record({ consensus: { probability: 0.93, answers: 3 } })).confidence).toBe(0.93);
  });
});

describe("CSV and JSONL", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const danger of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(danger).startsWith(`"'`)).toBe(true);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell(["yes"])).toBe('"[""yes""]"');
    expect(csvCell(null)).toBe("");
  });

  it("writes one line per request under the header; JSONL keeps the values as JSON", () => {
    const row = exportRowOf(record());
    expect(csvHeader()).toBe("id,type,mode,gold,status,instruction,response,raw_responses,answers,agreement,confidence,created_at,completed_at\n");
    const line = csvLine(row);
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(jsonLine(row))).toMatchObject({ instruction: '=HYPERLINK("http://evil")', response: ["yes"] });
  });
});
