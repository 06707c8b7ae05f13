import { describe, expect, it } from "vitest";
import { answersAgree, decideConsensus } from "./agreement";
import type { AnswerByType } from "./request-types";
import { parseRequestBody, type ParamsByType, type RequestType } from "./request-types";
import { DOC_CREATE_EXAMPLES } from "./testdata/doc-examples";
import { sameMark } from "./types/annotation-matching";
import { canonicalText } from "./types/free-text";

function paramsOf<T extends RequestType>(type: T, body: object): ParamsByType[T] {
  const parsed = parseRequestBody(type, body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}
const image = { attachments_type: "image", attachments: ["http://e.com/a.jpg"] };

describe("agreement per type", () => {
  it("multiple choice: the same set", () => {
    const p = paramsOf("multiple-choice", { instruction: "x", choices: ["a", "b", "c"] });
    expect(answersAgree("multiple-choice", p, ["a", "b"], ["b", "a"])).toBe(true);
    expect(answersAgree("multiple-choice", p, ["a"], ["a", "b"])).toBe(false);
  });

  it("free text: NFC, whitespace and case folded; numbers numerically; URLs parsed", () => {
    const p = paramsOf("free-text", { instruction: "x" });
    expect(answersAgree("free-text", p, "Hello   World", " hello world")).toBe(true);
    expect(answersAgree("free-text", p, "Caf\u00e9", "CAFE\u0301")).toBe(true);
    expect(answersAgree("free-text", p, "Straße", "STRASSE")).toBe(true);
    expect(answersAgree("free-text", p, "hello", "hello!")).toBe(false);
    expect(canonicalText("  A\tB\nc ")).toBe("a b c");
    const n = paramsOf("free-text", { instruction: "x", validation: "number" });
    expect(answersAgree("free-text", n, "42", "42.00")).toBe(true);
    expect(answersAgree("free-text", n, "4.2e1", "+42")).toBe(true);
    expect(answersAgree("free-text", n, "42", "42.1")).toBe(false);
    const u = paramsOf("free-text", { instruction: "x", validation: "url" });
    expect(answersAgree("free-text", u, "HTTPS://Example.com", "https://example.com/")).toBe(true);
    expect(answersAgree("free-text", u, "https://example.com/A", "https://example.com/a")).toBe(false);
  });

  it("rating: the same value", () => {
    const p = paramsOf("rating", { instruction: "x", rating_step: 0.5 });
    expect(answersAgree("rating", p, 3.5, 3.5)).toBe(true);
    expect(answersAgree("rating", p, 3.5, 4)).toBe(false);
  });

  it("media: only identical URLs", () => {
    const p = paramsOf("video", { instruction: "x" });
    expect(answersAgree("video", p, "/v1/files/a.mp4", "/v1/files/a.mp4")).toBe(true);
    expect(answersAgree("video", p, "/v1/files/a.mp4", "/v1/files/b.mp4")).toBe(false);
  });

  it("points: same count, paired one to one within 30 px", () => {
    const p = paramsOf("annotations", { instruction: "x", ...image });
    const a = [{ x: 100, y: 100 }, { x: 300, y: 300 }];
    expect(answersAgree("annotations", p, a, [{ x: 310, y: 290 }, { x: 120, y: 85 }])).toBe(true);
    expect(answersAgree("annotations", p, a, [{ x: 100, y: 100 }, { x: 340, y: 300 }])).toBe(false);
    expect(answersAgree("annotations", p, a, [{ x: 100, y: 100 }])).toBe(false);
    // Both of b's marks are near a[0] only: no one-to-one pairing.
    expect(answersAgree("annotations", p, [{ x: 0, y: 0 }, { x: 500, y: 500 }], [{ x: 5, y: 5 }, { x: 10, y: 10 }])).toBe(false);
  });

  it("finds the pairing a greedy match would miss", () => {
    const p = paramsOf("annotations", { instruction: "x", ...image });
    // b[0] is near both a's; greedy pairing b[0]-a[0] would strand b[1].
    expect(answersAgree("annotations", p, [{ x: 0, y: 0 }, { x: 40, y: 0 }], [{ x: 20, y: 0 }, { x: 0, y: 25 }])).toBe(true);
  });

  it("rectangles: IoU at least 0.5", () => {
    const p = paramsOf("annotations", { instruction: "x", ...image, annotations_type: "rectangle" });
    const box = { x: 0, y: 0, x2: 100, y2: 100 };
    expect(answersAgree("annotations", p, [box], [{ x: 10, y: 10, x2: 105, y2: 100 }])).toBe(true);
    expect(answersAgree("annotations", p, [box], [{ x: 50, y: 0, x2: 150, y2: 100 }])).toBe(false); // IoU 1/3
  });

  it("time and attachment must match too", () => {
    expect(sameMark({ t: 10 }, { t: 10.8 })).toBe(true);
    expect(sameMark({ t: 10 }, { t: 11.5 })).toBe(false);
    expect(sameMark({ x: 1, y: 1, t: 2 }, { x: 1, y: 1 })).toBe(false);
    expect(sameMark({ x: 1, y: 1, attachment_index: 1 }, { x: 1, y: 1, attachment_index: 0 })).toBe(false);
    expect(sameMark({ x: 1, y: 1 }, { x: 1, y: 1, attachment_index: 0 })).toBe(true);
  });

  it("sub-answers agree by their plain type's rule", () => {
    const example = DOC_CREATE_EXAMPLES.find((e) => e.type === "annotations-with-free-text")!;
    const p = paramsOf("annotations-with-free-text", example.body!);
    const a = [{ x: 1, y: 1, response: "Grumpy" }, { x: 200, y: 1, response: "curious" }];
    expect(answersAgree("annotations-with-free-text", p, a, [{ x: 200, y: 5, response: "Curious " }, { x: 3, y: 3, response: "grumpy" }])).toBe(true);
    expect(answersAgree("annotations-with-free-text", p, a, [{ x: 1, y: 1, response: "curious" }, { x: 200, y: 1, response: "grumpy" }])).toBe(false);
  });
});

describe("decideConsensus", () => {
  const body = DOC_CREATE_EXAMPLES.find((e) => e.name === "Majority Voting")!.body!;
  const voting = paramsOf("multiple-choice", body);
  const vote = (cruncherId: string, answer: string[]) => ({ cruncherId, answer });

  it("without confidence, the first answer completes the request", () => {
    const single = paramsOf("multiple-choice", { ...body, confidence: undefined });
    expect(decideConsensus("multiple-choice", single, [])).toEqual({ state: "pending" });
    expect(decideConsensus("multiple-choice", single, [vote("c1", ["mild violence"])])).toMatchObject({ state: "complete", response: ["mild violence"] });
  });

  it("completes when 2 of 3 agree, with the document's raw responses", () => {
    const answers = [vote("fb08", ["no violence"]), vote("2630", ["mild violence"]), vote("8b87", ["no violence"])];
    expect(decideConsensus("multiple-choice", voting, answers.slice(0, 1))).toEqual({ state: "pending" });
    expect(decideConsensus("multiple-choice", voting, answers.slice(0, 2))).toEqual({ state: "pending" });
    expect(decideConsensus("multiple-choice", voting, answers)).toEqual({
      state: "complete",
      response: ["no violence"],
      agreeingCruncherIds: ["fb08", "8b87"],
    });
    expect(decideConsensus("multiple-choice", voting, [vote("a", ["no violence"]), vote("b", ["no violence"])])).toMatchObject({ state: "complete" });
  });

  it("ends with no agreement (null response) when 3 answers all differ", () => {
    const answers = [vote("a", ["no violence"]), vote("b", ["mild violence"]), vote("c", ["intense violence"])];
    expect(decideConsensus("multiple-choice", voting, answers)).toEqual({ state: "no_agreement", response: null });
  });

  it("stops early when the crunchers still to come cannot reach agreement", () => {
    const three = paramsOf("multiple-choice", { ...body, confidence: { min_agreements: 3, max_crunchers: 3 } });
    expect(decideConsensus("multiple-choice", three, [vote("a", ["no violence"]), vote("b", ["mild violence"])])).toEqual({
      state: "no_agreement",
      response: null,
    });
    const threeOfFour = paramsOf("multiple-choice", { ...body, confidence: { min_agreements: 3, max_crunchers: 4 } });
    expect(decideConsensus("multiple-choice", threeOfFour, [vote("a", ["no violence"]), vote("b", ["mild violence"])])).toEqual({ state: "pending" });
  });

  it("ignores a cruncher's second answer and answers past max_crunchers", () => {
    expect(decideConsensus("multiple-choice", voting, [vote("a", ["no violence"]), vote("a", ["no violence"])])).toEqual({ state: "pending" });
    const late = [vote("a", ["no violence"]), vote("b", ["mild violence"]), vote("c", ["intense violence"]), vote("d", ["no violence"])];
    expect(decideConsensus("multiple-choice", voting, late)).toEqual({ state: "no_agreement", response: null });
  });

  it("needs mutual agreement for annotations and answers with the earliest member", () => {
    const p = paramsOf("annotations", { instruction: "x", ...image, confidence: { min_agreements: 3, max_crunchers: 5 } });
    // a~b and b~c (25 px apart each) but a and c are 50 px apart: no group of three yet.
    const marks = (x: number): AnswerByType["annotations"] => [{ x, y: 0 }];
    const answers = [
      { cruncherId: "a", answer: marks(0) },
      { cruncherId: "b", answer: marks(25) },
      { cruncherId: "c", answer: marks(50) },
    ];
    expect(decideConsensus("annotations", p, answers)).toEqual({ state: "pending" });
    const decided = decideConsensus("annotations", p, [...answers, { cruncherId: "d", answer: marks(20) }]);
    expect(decided).toEqual({ state: "complete", response: marks(0), agreeingCruncherIds: ["a", "b", "d"] });
  });

  it("a media request with min_agreements 2 completes only on identical files", () => {
    const p = paramsOf("image", { instruction: "A cake", confidence: { min_agreements: 2, max_crunchers: 2 } });
    expect(decideConsensus("image", p, [{ cruncherId: "a", answer: "/f/1.png" }, { cruncherId: "b", answer: "/f/2.png" }])).toMatchObject({ state: "no_agreement" });
  });
});
