import { describe, expect, it } from "vitest";
import type { ModelFileRow, TrainingJobRow } from "@/db/schema";
import { lineageOf } from "./lineage";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const file = (filekind: ModelFileRow["filekind"], filename: string, minute: number) => ({ filekind, filename, sha256: `${filename}-sha`, size: 10, createdAt: at(minute) }) as ModelFileRow;
const job = (id: string, minute: number, resultVersion: number | null, metrics: unknown = null) =>
  ({ id, status: resultVersion ? "succeeded" : "failed", trigger: "api", createdAt: at(minute), startedAt: at(minute + 1), finishedAt: at(minute + 2), resultVersion, promoted: resultVersion === 3, metrics, reason: null }) as unknown as TrainingJobRow;

describe("model lineage", () => {
  it("links each retrained version to its run and the newest data and code at its start", () => {
    const files = [file("data", "train-v1.csv", 0), file("code", "train.py", 0), file("data", "train-v2.csv", 20), file("env", "requirements.txt", 30)];
    const lineage = lineageOf([job("j3", 40, 3, { accuracy: 0.91, note: "x" }), job("j2", 10, 2), job("jf", 5, null)], files);
    expect(lineage.jobs.map((j) => j.id)).toEqual(["j3", "j2", "jf"]);
    expect(lineage.byVersion[3]!.inputs.map((i) => i.filename)).toEqual(["train-v2.csv", "train.py", "requirements.txt"]);
    expect(lineage.byVersion[3]!.metrics).toEqual({ accuracy: 0.91 });
    expect(lineage.byVersion[2]!.inputs.map((i) => i.filename)).toEqual(["train-v1.csv", "train.py"]);
    expect(lineage.byVersion[1]).toBeUndefined();
  });
});
