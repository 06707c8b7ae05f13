import { describe, expect, it } from "vitest";
import { decideConsensus } from "./agreement";
import { validateAnswer } from "./answers";
import type { AnswerByType } from "./request-types";
import { parseRequestBody, type ParamsByType, type RequestType } from "./request-types";
import { DISSENTING_SLOT, simulatedAnswer } from "./simulated-answer";
import { DOC_CREATE_EXAMPLES } from "./testdata/doc-examples";
import { SIMULATED_MEDIA_PATHS } from "./types/media";

function paramsOf<T extends RequestType>(type: T, body: object): ParamsByType[T] {
  const parsed = parseRequestBody(type, body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.params;
}

const extraBodies: [RequestType, object][] = [
  ["multiple-choice", { instruction: "x", choices: ["a", "b", "c", "d"], min_answers: 0, max_answers: 2 }],
  ["rating", { instruction: "x", rating_min: -1, rating_max: 1, rating_step: 0.1 }],
  ["free-text", { instruction: "x", validation: "url" }],
  ["annotations", { instruction: "x", attachments_type: "audio", attachments: ["http://e.com/a.mp3"], min_annotations: 2, max_annotations: 5 }],
  ["annotations", { instruction: "x", attachments_type: "video", attachments: ["http://e.com/a.mp4", "http://e.com/b.mp4"], annotations_type: "rectangle" }],
  ["annotations-with-rating", { instruction: "x", attachments: ["some text"], per_annotation: { instruction: "y", rating_min: 1, rating_max: 5 } }],
];
const bodies: [RequestType, object][] = [...DOC_CREATE_EXAMPLES.map((e) => [e.type!, e.body!] as [RequestType, object]), ...extraBodies];

describe("simulatedAnswer", () => {
  it.each(bodies.map(([type, body], i) => [`${i}: ${type}`, type, body] as const))("gives valid, normalised, deterministic answers (%s)", (_n, type, body) => {
    const params = paramsOf(type, body);
    for (const requestId of ["r-1", "r-2", "44647b6f-b033-4788-9ee2-9d7aa5cb0158"]) {
      for (const slot of [1, 2, 3]) {
        const answer = simulatedAnswer(type, params, requestId, slot);
        expect(validateAnswer(type, params, answer)).toEqual({ ok: true, answer });
        expect(simulatedAnswer(type, params, requestId, slot)).toEqual(answer);
      }
    }
  });

  it.each(bodies.map(([type, body], i) => [`${i}: ${type}`, type, body] as const))("reaches consensus under any confidence (%s)", (_n, type, body) => {
    for (const confidence of [{}, { min_agreements: 2, max_crunchers: 2 }, { min_agreements: 3, max_crunchers: 5 }, { min_agreements: 25 }]) {
      const params = paramsOf(type, { ...body, confidence });
      const answers: { cruncherId: string; answer: AnswerByType[RequestType] }[] = [];
      let decision: { state: string } = { state: "pending" };
      for (let slot = 1; slot <= params.confidence!.max_crunchers && decision.state === "pending"; slot++) {
        answers.push({ cruncherId: `sim-${slot}`, answer: simulatedAnswer(type, params, "req-42", slot) });
        decision = decideConsensus(type, params, answers);
      }
      expect(decision.state).toBe("complete");
    }
  });

  it("lets the second slot dissent when there is room, like real voting", () => {
    const majority = DOC_CREATE_EXAMPLES.find((e) => e.name === "Majority Voting")!;
    const params = paramsOf("multiple-choice", majority.body!);
    const picks = [1, 2, 3].map((slot) => simulatedAnswer("multiple-choice", params, "req-with-dissent", slot));
    expect(picks[0]).toEqual(picks[2]);
    expect(DISSENTING_SLOT).toBe(2);
  });

  it("answers media with files the app serves", () => {
    expect(simulatedAnswer("audio", paramsOf("audio", { instruction: "x" }), "r", 1)).toBe(SIMULATED_MEDIA_PATHS.audio);
  });
});
