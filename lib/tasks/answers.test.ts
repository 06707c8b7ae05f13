import { describe, expect, it } from "vitest";
import { validateAnswer } from "./answers";
import { parseRequestBody, type ParamsByType, type RequestType } from "./request-types";
import { DOC_CREATE_EXAMPLES } from "./testdata/doc-examples";
import { snapToRatingGrid } from "./types/rating";

function paramsOf<T extends RequestType>(type: T, body: object): ParamsByType[T] {
  const parsed = parseRequestBody(type, body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}
const paths = (result: { ok: boolean; errors?: { path: (string | number)[] }[] }) => (result.errors ?? []).map((e) => e.path.join("."));

const choices = paramsOf("multiple-choice", { instruction: "Colours", choices: ["red", "green", "blue"], min_answers: 1, max_answers: 2 });
const image = paramsOf("annotations", { instruction: "Mark", attachments_type: "image", attachments: ["http://e.com/a.jpg"], max_annotations: 3 });

describe("validateAnswer: the document's example responses", () => {
  it.each(DOC_CREATE_EXAMPLES.filter((e) => e.exampleResponse).map((e) => [e.name, e] as const))("accepts %s", (_name, example) => {
    const params = paramsOf(example.type!, example.body!);
    const response = example.exampleResponse!.response;
    expect(validateAnswer(example.type!, params, response)).toEqual({ ok: true, answer: response });
  });
});

describe("multiple choice", () => {
  it("normalises to the list's order and accepts a lone string", () => {
    expect(validateAnswer("multiple-choice", choices, ["blue", "red"])).toEqual({ ok: true, answer: ["red", "blue"] });
    expect(validateAnswer("multiple-choice", choices, "green")).toEqual({ ok: true, answer: ["green"] });
  });
  it.each([
    [["purple"], ["0"]],
    [["red", "red"], ["1"]],
    [[], [""]],
    [["red", "green", "blue"], [""]],
    [42, [""]],
    [undefined, [""]],
  ])("refuses %j", (answer, expected) => {
    expect(paths(validateAnswer("multiple-choice", choices, answer))).toEqual(expected);
  });
  it("has no upper limit when max_answers is 0", () => {
    const open = paramsOf("multiple-choice", { instruction: "x", choices: ["a", "b", "c"] });
    expect(validateAnswer("multiple-choice", open, ["a", "b", "c"]).ok).toBe(true);
  });
});

describe("free text", () => {
  const plain = paramsOf("free-text", { instruction: "x" });
  const number = paramsOf("free-text", { instruction: "x", validation: "number" });
  const url = paramsOf("free-text", { instruction: "x", validation: "url" });
  it("trims", () => expect(validateAnswer("free-text", plain, "  hello world \n")).toEqual({ ok: true, answer: "hello world" }));
  it("refuses blank and non-string answers", () => {
    expect(validateAnswer("free-text", plain, "  ").ok).toBe(false);
    expect(validateAnswer("free-text", plain, 42).ok).toBe(false);
    expect(validateAnswer("free-text", plain, "x".repeat(10_001)).ok).toBe(false);
  });
  it.each(["42", "-3.5", "+7", ".5", "1e3", " 1200.00 "])("accepts the number %j", (text) => expect(validateAnswer("free-text", number, text).ok).toBe(true));
  it.each(["forty", "1,200", "12 34", "0x10", "$5"])("refuses the number %j", (text) => expect(validateAnswer("free-text", number, text).ok).toBe(false));
  it("checks URLs", () => {
    expect(validateAnswer("free-text", url, "https://example.com/a?b=1").ok).toBe(true);
    expect(validateAnswer("free-text", url, "example.com").ok).toBe(false);
    expect(validateAnswer("free-text", url, "javascript:alert(1)").ok).toBe(false);
  });
});

describe("rating", () => {
  const age = paramsOf("rating", { instruction: "Age", rating_min: 0, rating_max: 100, rating_step: 5 });
  const fine = paramsOf("rating", { instruction: "x", rating_min: -1, rating_max: 1, rating_step: 0.1 });
  it("accepts grid values and numeric strings", () => {
    expect(validateAnswer("rating", age, 35)).toEqual({ ok: true, answer: 35 });
    expect(validateAnswer("rating", age, "100")).toEqual({ ok: true, answer: 100 });
  });
  it("snaps float noise to the clean grid value", () => {
    expect(validateAnswer("rating", fine, 0.1 + 0.2)).toEqual({ ok: true, answer: 0.3 });
    expect(validateAnswer("rating", fine, -0.7000000000000001)).toEqual({ ok: true, answer: -0.7 });
    expect(snapToRatingGrid(fine, 1)).toBe(1);
  });
  it.each([36, -5, 105, "abc", "", null, Number.NaN])("refuses %j", (value) => expect(validateAnswer("rating", age, value).ok).toBe(false));
  it("refuses off-grid values on a fine scale", () => expect(validateAnswer("rating", fine, 0.15).ok).toBe(false));
});

describe("media", () => {
  const params = paramsOf("image", { instruction: "A cake" });
  it.each(["/v1/files/abc.png", "https://cdn.example.com/cake.jpg"])("accepts %j", (url) =>
    expect(validateAnswer("image", params, url)).toEqual({ ok: true, answer: url }),
  );
  it.each(["//evil.example.com/x.png", "cake.jpg", "ftp://x/y.png", "/a b.png", 3])("refuses %j", (url) => expect(validateAnswer("image", params, url).ok).toBe(false));
});

describe("annotations", () => {
  it("accepts points in pixels and refuses what is malformed", () => {
    expect(validateAnswer("annotations", image, [{ x: 1, y: 2 }])).toEqual({ ok: true, answer: [{ x: 1, y: 2 }] });
    expect(paths(validateAnswer("annotations", image, []))).toEqual([""]);
    expect(paths(validateAnswer("annotations", image, [{ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 1, y: 1 }, { x: 1, y: 1 }]))).toEqual([""]);
    expect(paths(validateAnswer("annotations", image, [{ x: -1, y: "2" }]))).toEqual(["0.x", "0.y"]);
    expect(paths(validateAnswer("annotations", image, [{ x: 1, y: 2, x2: 3, y2: 4 }]))).toEqual(["0.x2", "0.y2"]);
    expect(paths(validateAnswer("annotations", image, [{ x: 1, y: 2, t: 3 }]))).toEqual(["0.t"]);
    expect(paths(validateAnswer("annotations", image, [{ x: 1, y: 2, label: "cat" }]))).toEqual(["0.label"]);
    expect(paths(validateAnswer("annotations", image, [{ x: 1, y: 2, attachment_index: 1 }]))).toEqual(["0.attachment_index"]);
    expect(paths(validateAnswer("annotations", image, "x"))).toEqual([""]);
  });
  it("drops attachment_index 0 when there is a single attachment", () => {
    expect(validateAnswer("annotations", image, [{ x: 1, y: 2, attachment_index: 0 }])).toEqual({ ok: true, answer: [{ x: 1, y: 2 }] });
  });
  it("checks rectangles corner by corner", () => {
    const boxes = paramsOf("annotations", { instruction: "Box", attachments_type: "image", attachments: ["http://e.com/a.jpg"], annotations_type: "rectangle" });
    expect(validateAnswer("annotations", boxes, [{ x: 1, y: 2, x2: 30, y2: 40 }]).ok).toBe(true);
    expect(paths(validateAnswer("annotations", boxes, [{ x: 10, y: 20, x2: 10, y2: 5 }]))).toEqual(["0.x2", "0.y2"]);
    expect(paths(validateAnswer("annotations", boxes, [{ x: 10, y: 20 }]))).toEqual(["0.x2", "0.y2"]);
  });
  it("places audio marks by time and video marks optionally in time", () => {
    const audio = paramsOf("annotations", { instruction: "Mark", attachments_type: "audio", attachments: ["http://e.com/a.mp3"] });
    expect(validateAnswer("annotations", audio, [{ t: 1.5 }]).ok).toBe(true);
    expect(paths(validateAnswer("annotations", audio, [{ x: 1, y: 1 }]))).toEqual(["0.x", "0.y", "0.t"]);
    expect(paths(validateAnswer("annotations", audio, [{ t: -1 }]))).toEqual(["0.t"]);
    const video = paramsOf("annotations", { instruction: "Mark", attachments_type: "video", attachments: ["http://e.com/a.mp4"] });
    expect(validateAnswer("annotations", video, [{ x: 1, y: 1, t: 3 }, { x: 5, y: 5 }]).ok).toBe(true);
  });
  it("needs attachment_index with several attachments", () => {
    const two = paramsOf("annotations", { instruction: "Mark", attachments_type: "image", attachments: ["http://e.com/a.jpg", "http://e.com/b.jpg"] });
    expect(validateAnswer("annotations", two, [{ x: 1, y: 1, attachment_index: 1 }])).toEqual({ ok: true, answer: [{ x: 1, y: 1, attachment_index: 1 }] });
    expect(paths(validateAnswer("annotations", two, [{ x: 1, y: 1 }]))).toEqual(["0.attachment_index"]);
    expect(paths(validateAnswer("annotations", two, [{ x: 1, y: 1, attachment_index: 2 }]))).toEqual(["0.attachment_index"]);
  });
  it("validates each sub-answer like its plain type", () => {
    const example = DOC_CREATE_EXAMPLES.find((e) => e.type === "annotations-with-rating")!;
    const params = paramsOf("annotations-with-rating", example.body!);
    expect(validateAnswer("annotations-with-rating", params, [{ x: 1, y: 1, response: "7" }])).toEqual({ ok: true, answer: [{ x: 1, y: 1, response: 7 }] });
    expect(paths(validateAnswer("annotations-with-rating", params, [{ x: 1, y: 1, response: 11 }, { x: 2, y: 2 }]))).toEqual(["0.response", "1.response"]);
    const mc = paramsOf("annotations-with-multiple-choice", DOC_CREATE_EXAMPLES.find((e) => e.type === "annotations-with-multiple-choice")!.body!);
    expect(paths(validateAnswer("annotations-with-multiple-choice", mc, [{ x: 1, y: 1, response: ["pink"] }]))).toEqual(["0.response.0"]);
    const text = paramsOf("annotations-with-free-text", DOC_CREATE_EXAMPLES.find((e) => e.type === "annotations-with-free-text")!.body!);
    expect(validateAnswer("annotations-with-free-text", text, [{ x: 1, y: 1, response: " grumpy " }])).toEqual({ ok: true, answer: [{ x: 1, y: 1, response: "grumpy" }] });
    expect(paths(validateAnswer("annotations", image, [{ x: 1, y: 1, response: "x" }]))).toEqual(["0.response"]);
  });
});
