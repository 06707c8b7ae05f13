import { describe, expect, it } from "vitest";
import { parseDefinition } from "./definition";

const good = {
  name: "Customer Recommendation Loop",
  task_type: "classification",
  input_schema: { user_id: "string", item_id: "string", rating: "integer", time_of_day: "integer" },
  output_schema: { recommendation: "string" },
};

describe("parseDefinition", () => {
  it("accepts the document's example", () => {
    expect(parseDefinition(good)).toMatchObject({ ok: true, definition: { name: good.name, output_schema: { recommendation: "string" } } });
  });

  it("lists every problem of a bad schema with 422", () => {
    const result = parseDefinition({
      ...good,
      input_schema: { rating: "decimal", recommendation: "string" },
      output_schema: { recommendation: "string", other: "string" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(422);
    expect(result.problems).toEqual([
      'input_schema.rating: unknown type "decimal"; use one of string, integer, float, boolean, array, object',
      "output_schema: must have exactly one field, got 2",
      "output_schema.recommendation: clashes with the input field of the same name",
    ]);
  });

  it("refuses empty schemas and outputs of the wrong kind", () => {
    const result = parseDefinition({ ...good, task_type: "regression", input_schema: {}, output_schema: { label: "string" } });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.problems).toContain("input_schema: needs at least one field");
    expect(result.problems).toContain("output_schema.label: a regression output is integer or float, not string");
  });

  it("answers missing required fields with 400", () => {
    expect(parseDefinition({ name: "x" })).toEqual({
      ok: false,
      status: 400,
      problems: ["task_type: field required", "input_schema: field required", "output_schema: field required"],
    });
  });

  it("checks learner settings", () => {
    const result = parseDefinition({ ...good, settings: { optimizer: "sgd", learning_rate: -1, momentum: 0.9 } });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.problems).toEqual([expect.stringMatching(/^settings.momentum: unknown setting/)]);
    const negative = parseDefinition({ ...good, settings: { optimizer: "sgd", learning_rate: -1 } });
    expect(negative).toMatchObject({ ok: false, status: 422, problems: expect.arrayContaining([expect.stringMatching(/^settings\.learning_rate must be/)]) });
    expect(parseDefinition({ ...good, settings: { optimizer: "sgd", learning_rate: 0.01 } })).toMatchObject({ ok: true });
  });
});
