import { describe, expect, it } from "vitest";
import type { Answer } from "./request-types";
import { toRequestObject, type StoredRequest } from "./request-object";
import { parseRequestBody, type RequestParams } from "./request-types";
import { DOC_CREATE_EXAMPLES, DOC_REQUEST_ID } from "./testdata/doc-examples";

const created = new Date("2026-11-23T10:00:00.000Z");
const completed = new Date("2026-11-23T10:00:42.500Z");

function stored(params: RequestParams, over: Partial<StoredRequest> = {}): StoredRequest {
  return { id: DOC_REQUEST_ID, type: "multiple-choice", params, status: "pending", response: null, rawResponses: [], createdAt: created, completedAt: null, mode: "test", ...over };
}
function paramsOf(body: object, type = DOC_CREATE_EXAMPLES[0]!.type!) {
  const parsed = parseRequestBody(type, body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}

describe("toRequestObject", () => {
  it.each(DOC_CREATE_EXAMPLES.filter((e) => e.exampleResponse).map((e) => [e.name, e] as const))(
    "matches the document's example response for %s",
    (_name, example) => {
      const doc = example.exampleResponse!;
      const rawResponses = Object.entries((doc.raw_responses ?? {}) as Record<string, Answer>).map(([cruncherId, answer]) => ({
        cruncherId,
        answer,
        answeredAt: completed,
      }));
      const object = toRequestObject(
        stored(paramsOf(example.body!, example.type!), {
          type: example.type!,
          status: "complete",
          response: doc.response as Answer,
          rawResponses,
          completedAt: completed,
        }),
      );
      // Everything the document shows, with our defaults and timestamps added.
      expect(object).toMatchObject(doc);
      expect(Object.keys(object).slice(0, 2)).toEqual(["id", "status"]);
      expect(object).toMatchObject({ created_at: "2026-11-23T10:00:00.000+00:00", completed_at: "2026-11-23T10:00:42.500+00:00" });
    },
  );

  it("shows a pending request without a response", () => {
    const object = toRequestObject(stored(paramsOf(DOC_CREATE_EXAMPLES[0]!.body!)));
    expect(object).not.toHaveProperty("response");
    expect(object).not.toHaveProperty("raw_responses");
    expect(object).toMatchObject({ id: DOC_REQUEST_ID, status: "pending", type: "multiple-choice", min_answers: 1, max_answers: 0, completed_at: null });
    expect(object).not.toHaveProperty("mode");
  });

  it("shows a null response when the crunchers did not agree, with every raw response", () => {
    const params = paramsOf({ ...DOC_CREATE_EXAMPLES[0]!.body!, confidence: { min_agreements: 2, max_crunchers: 2 } });
    const object = toRequestObject(
      stored(params, {
        status: "complete",
        response: null,
        completedAt: completed,
        rawResponses: [
          { cruncherId: "aa", answer: ["no violence"], answeredAt: created },
          { cruncherId: "bb", answer: ["mild violence"], answeredAt: completed },
        ],
      }),
    );
    expect(object).toMatchObject({
      status: "complete",
      response: null,
      raw_responses: { aa: ["no violence"], bb: ["mild violence"] },
      confidence: { strategy: "majority", min_agreements: 2, max_crunchers: 2 },
    });
  });

  it("shows empty raw_responses for a confidence request nobody answered yet, and aborted without a response", () => {
    const params = paramsOf({ ...DOC_CREATE_EXAMPLES[0]!.body!, confidence: {} });
    expect(toRequestObject(stored(params))).toMatchObject({ raw_responses: {} });
    const aborted = toRequestObject(stored(params, { status: "aborted", completedAt: completed }));
    expect(aborted).toMatchObject({ status: "aborted", completed_at: "2026-11-23T10:00:42.500+00:00" });
    expect(aborted).not.toHaveProperty("response");
  });

  it("is plain JSON", () => {
    const object = toRequestObject(stored(paramsOf(DOC_CREATE_EXAMPLES[0]!.body!)));
    expect(JSON.parse(JSON.stringify(object))).toEqual(object);
  });
});
