import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isRequestType, parseRequestBody, REQUEST_KINDS, REQUEST_TYPES, type RequestType } from "./request-types";
import { DOC_CREATE_EXAMPLES, DOC_SNIPPETS } from "./testdata/doc-examples";

const mc = { instruction: "Pick", choices: ["a", "b", "c"] };
const catImage = { instruction: "Mark", attachments_type: "image", attachments: ["http://example.com/cat.jpg"] };

function problemsOf(type: RequestType, body: unknown) {
  const result = parseRequestBody(type, body);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.params)}`);
  return result.errors;
}

describe("request types", () => {
  it("lists the document's ten paths", () => {
    expect(REQUEST_TYPES).toHaveLength(10);
    expect(isRequestType("annotations-with-rating")).toBe(true);
    expect(isRequestType("multiple_choice")).toBe(false);
  });

  it.each(REQUEST_TYPES)("describes every parameter of %s for the API description", (type) => {
    type Described = { description?: string; properties?: Record<string, Described> };
    const undescribed = (schema: Described, at: string): string[] =>
      Object.entries(schema.properties ?? {}).flatMap(([name, field]) => [
        ...(field.description ? [] : [`${at}${name}`]),
        ...undescribed(field, `${at}${name}.`),
      ]);
    const jsonSchema = z.toJSONSchema(REQUEST_KINDS[type].schema, { io: "input" }) as Described;
    expect(Object.keys(jsonSchema.properties ?? {})).toContain("instruction");
    expect(undescribed(jsonSchema, "")).toEqual([]);
  });
});

describe("parseRequestBody: the document's examples", () => {
  it.each(DOC_CREATE_EXAMPLES.map((e) => [e.name, e] as const))("accepts %s", (_name, example) => {
    const result = parseRequestBody(example.type!, example.body);
    expect(result).toMatchObject({ ok: true, params: example.body });
  });

  it("applies the document's defaults", () => {
    expect(parseRequestBody("multiple-choice", mc)).toEqual({
      ok: true,
      params: { instruction: "Pick", attachments_type: "text", attachments: [], choices_type: "text", choices: ["a", "b", "c"], min_answers: 1, max_answers: 0 },
    });
    expect(parseRequestBody("rating", { instruction: "Rate" })).toMatchObject({ ok: true, params: { rating_min: 0, rating_max: 100, rating_step: 1 } });
    expect(parseRequestBody("annotations", catImage)).toMatchObject({
      ok: true,
      params: { annotations_type: "point", min_annotations: 1, max_annotations: 0 },
    });
    const withRating = DOC_CREATE_EXAMPLES.find((e) => e.type === "annotations-with-rating")!;
    expect(parseRequestBody("annotations-with-rating", withRating.body)).toMatchObject({ ok: true, params: { per_annotation: { rating_step: 1 } } });
  });

  it("accepts the webhook, exclusion and dial snippets, trims the instruction and de-duplicates exclusions", () => {
    const result = parseRequestBody("free-text", {
      instruction: "  Call and report  ",
      ...DOC_SNIPPETS.dialAttachment,
      ...DOC_SNIPPETS.hookUrl,
      exclude_crunchers: [...DOC_SNIPPETS.excludeCrunchers.exclude_crunchers, "cruncher-id-1"],
    });
    expect(result).toMatchObject({
      ok: true,
      params: { instruction: "Call and report", hook_url: "http://my.webhook/endpoint/", exclude_crunchers: ["cruncher-id-1", "cruncher-id-2"] },
    });
  });

  it.each([
    [{}, { strategy: "majority", min_agreements: 2, max_crunchers: 3 }],
    [{ max_crunchers: 5 }, { strategy: "majority", min_agreements: 3, max_crunchers: 5 }],
    [{ min_agreements: 3 }, { strategy: "majority", min_agreements: 3, max_crunchers: 5 }],
    [{ min_agreements: 20 }, { strategy: "majority", min_agreements: 20, max_crunchers: 25 }],
    [{ min_agreements: 1 }, { strategy: "majority", min_agreements: 1, max_crunchers: 1 }],
  ])("fills confidence %j as %j", (confidence, expected) => {
    expect(parseRequestBody("multiple-choice", { ...mc, confidence })).toMatchObject({ ok: true, params: { confidence: expected } });
  });
});

describe("parseRequestBody: bad parameters", () => {
  const cases: [string, RequestType, unknown, (string | number)[], string?][] = [
    ["a body that is not an object", "free-text", ["x"], [], "invalid_type"],
    ["a missing instruction", "free-text", {}, ["instruction"], "missing"],
    ["a blank instruction", "free-text", { instruction: "   " }, ["instruction"]],
    ["an unknown parameter", "multiple-choice", { ...mc, choice: "a" }, ["choice"], "unknown_parameter"],
    ["an unknown attachments_type", "free-text", { instruction: "x", attachments_type: "pdf" }, ["attachments_type"]],
    ["attachments that are not strings", "free-text", { instruction: "x", attachments: [1] }, ["attachments", 0]],
    ["an image attachment that is not a URL", "free-text", { instruction: "x", attachments_type: "image", attachments: ["cat.jpg"] }, ["attachments", 0]],
    ["a website attachment over ftp", "free-text", { instruction: "x", attachments_type: "website", attachments: ["ftp://a.b/c"] }, ["attachments", 0]],
    ["a malformed dial: attachment", "free-text", { instruction: "x", attachments: ["dial:call me"] }, ["attachments", 0]],
    ["missing choices", "multiple-choice", { instruction: "x" }, ["choices"], "missing"],
    ["empty choices", "multiple-choice", { ...mc, choices: [] }, ["choices"], "too_small"],
    ["a blank choice", "multiple-choice", { ...mc, choices: ["a", " "] }, ["choices", 1]],
    ["duplicate choices", "multiple-choice", { ...mc, choices: ["a", "b", "a"] }, ["choices", 2]],
    ["image choices that are not URLs", "multiple-choice", { ...mc, choices_type: "image" }, ["choices", 0]],
    ["min_answers above the number of choices", "multiple-choice", { ...mc, min_answers: 4 }, ["min_answers"]],
    ["max_answers below min_answers", "multiple-choice", { ...mc, min_answers: 2, max_answers: 1 }, ["max_answers"]],
    ["a fractional min_answers", "multiple-choice", { ...mc, min_answers: 1.5 }, ["min_answers"]],
    ["a negative max_answers", "multiple-choice", { ...mc, max_answers: -1 }, ["max_answers"]],
    ["an unknown validation", "free-text", { instruction: "x", validation: "email" }, ["validation"]],
    ["rating_min not below rating_max", "rating", { instruction: "x", rating_min: 5, rating_max: 5 }, ["rating_max"]],
    ["a zero rating_step", "rating", { instruction: "x", rating_step: 0 }, ["rating_step"]],
    ["a step that does not divide the scale", "rating", { instruction: "x", rating_max: 10, rating_step: 3 }, ["rating_step"]],
    ["a step far too fine", "rating", { instruction: "x", rating_step: 0.00001 }, ["rating_step"]],
    ["a rating given as a string", "rating", { instruction: "x", rating_max: "10" }, ["rating_max"]],
    ["annotations without attachments", "annotations", { instruction: "x" }, ["attachments"], "missing"],
    ["an unknown annotations_type", "annotations", { ...catImage, annotations_type: "circle" }, ["annotations_type"]],
    ["rectangles on audio", "annotations", { ...catImage, attachments_type: "audio", annotations_type: "rectangle" }, ["annotations_type"]],
    ["max_annotations below min_annotations", "annotations", { ...catImage, min_annotations: 3, max_annotations: 2 }, ["max_annotations"]],
    ["max_annotations above the cap", "annotations", { ...catImage, max_annotations: 501 }, ["max_annotations"]],
    ["a missing per_annotation", "annotations-with-free-text", catImage, ["per_annotation"], "missing"],
    ["per_annotation with attachments", "annotations-with-free-text", { ...catImage, per_annotation: { instruction: "y", attachments: [] } }, ["per_annotation", "attachments"], "unknown_parameter"],
    ["per_annotation without choices", "annotations-with-multiple-choice", { ...catImage, per_annotation: { instruction: "y" } }, ["per_annotation", "choices"], "missing"],
    ["duplicate per_annotation choices", "annotations-with-multiple-choice", { ...catImage, per_annotation: { instruction: "y", choices: ["a", "a"] } }, ["per_annotation", "choices", 1]],
    ["a per_annotation step that does not divide", "annotations-with-rating", { ...catImage, per_annotation: { instruction: "y", rating_max: 10, rating_step: 4 } }, ["per_annotation", "rating_step"]],
    ["a per_annotation validation typo", "annotations-with-free-text", { ...catImage, per_annotation: { instruction: "y", validation: "numbers" } }, ["per_annotation", "validation"]],
    ["a hook_url that is not http(s)", "free-text", { instruction: "x", hook_url: "ftp://example.com/hook" }, ["hook_url"]],
    ["a hook_url that is not a string", "free-text", { instruction: "x", hook_url: 42 }, ["hook_url"]],
    ["exclude_crunchers not an array", "free-text", { instruction: "x", exclude_crunchers: "abc" }, ["exclude_crunchers"]],
    ["a blank cruncher id", "free-text", { instruction: "x", exclude_crunchers: [""] }, ["exclude_crunchers", 0]],
    ["an unknown confidence strategy", "multiple-choice", { ...mc, confidence: { strategy: "unanimous" } }, ["confidence", "strategy"]],
    ["min_agreements above max_crunchers", "multiple-choice", { ...mc, confidence: { min_agreements: 3, max_crunchers: 2 } }, ["confidence", "min_agreements"]],
    ["too many crunchers", "multiple-choice", { ...mc, confidence: { max_crunchers: 26 } }, ["confidence", "max_crunchers"]],
    ["zero agreements", "multiple-choice", { ...mc, confidence: { min_agreements: 0 } }, ["confidence", "min_agreements"]],
    ["an unknown confidence field", "multiple-choice", { ...mc, confidence: { quorum: 2 } }, ["confidence", "quorum"], "unknown_parameter"],
  ];

  it.each(cases)("lists %s", (_name, type, body, path, kind) => {
    const errors = problemsOf(type, body);
    const match = errors.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match!.message).toEqual(expect.any(String));
    if (kind) expect(match!.type).toBe(kind);
  });

  it("lists every problem at once, cross-field ones included", () => {
    const errors = problemsOf("annotations-with-multiple-choice", {
      attachments_type: "image",
      attachments: ["not a url"],
      max_annotations: 1,
      min_annotations: 2,
      hook_url: "mailto:x@y.z",
      per_annotation: { choices: ["a", "a"], min_answers: 3 },
    });
    expect(errors.map((e) => e.path.join("."))).toEqual([
      "instruction",
      "per_annotation.instruction",
      "attachments.0",
      "hook_url",
      "max_annotations",
      "per_annotation.choices.1",
      "per_annotation.min_answers",
    ]);
  });
});
