import { describe, expect, it } from "vitest";
import { multipleChoiceClasses, ratingClasses } from "./classes";

describe("classes of a request", () => {
  it("multiple-choice with one choice per answer: the choice's position", () => {
    const mapping = multipleChoiceClasses({ choices: ["no", "mild", "intense"], min_answers: 1, max_answers: 1 })!;
    expect(mapping.classes).toBe(3);
    expect(mapping.labelOf(["mild"])).toBe(1);
    expect(mapping.labelOf(["mild", "no"])).toBeNull();
    expect(mapping.answerOf(2)).toEqual(["intense"]);
    expect(multipleChoiceClasses({ choices: ["a", "b"], min_answers: 1, max_answers: 0 })).toBeNull();
  });

  it("rating: the step on the grid, for scales of at most 101 values", () => {
    const tenths = ratingClasses({ rating_min: 0, rating_max: 1, rating_step: 0.1 })!;
    expect(tenths.classes).toBe(11);
    expect(tenths.labelOf(0.3)).toBe(3);
    expect(tenths.answerOf(3)).toBe(0.3);
    expect(tenths.labelOf(0.35)).toBeNull();
    expect(ratingClasses({ rating_min: 0, rating_max: 100, rating_step: 1 })!.classes).toBe(101);
    expect(ratingClasses({ rating_min: 0, rating_max: 1000, rating_step: 1 })).toBeNull();
  });
});
