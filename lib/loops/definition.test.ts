import { describe, expect, it } from "vitest";
import { parseDefinition } from "./definition";
import { MAX_CATEGORY_CAP, MAX_FIELD_NAME_LENGTH, MAX_INPUT_FIELDS, MAX_LOOP_NAME_LENGTH } from "./limits";

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
    expect(parseDefinition({ name: "x" })).toMatchObject({
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

  it("refuses a definition past the limits with 422, naming each limit and the size sent", () => {
    const fields = Object.fromEntries(Array.from({ length: MAX_INPUT_FIELDS + 1 }, (_, i) => [`f${i}`, "float"]));
    const longField = "x".repeat(MAX_FIELD_NAME_LENGTH + 1);
    const result = parseDefinition({
      ...good,
      name: "n".repeat(10_000),
      input_schema: { ...fields, [longField]: "string" },
      output_schema: { ["y".repeat(5000)]: "string" },
      settings: { category_cap: MAX_CATEGORY_CAP + 1 },
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.problems).toEqual([
      `name: 10,000 characters; the limit is ${MAX_LOOP_NAME_LENGTH}`,
      `input_schema: 202 fields; the limit is ${MAX_INPUT_FIELDS}`,
      expect.stringMatching(new RegExp(`^input_schema: the field name "x{60}… \\(101 characters\\)" has 101 characters; the limit is ${MAX_FIELD_NAME_LENGTH}$`)),
      expect.stringMatching(/^output_schema: the field name "y{60}… \(5,000 characters\)" has 5,000 characters; the limit is 100$/),
      "settings.category_cap must be an integer from 0 to 10,000",
    ]);
    expect(parseDefinition({ ...good, name: "n".repeat(MAX_LOOP_NAME_LENGTH) })).toMatchObject({ ok: true });
    expect(parseDefinition({ ...good, input_schema: Object.fromEntries(Object.keys(fields).slice(1).map((f) => [f, "float"])) })).toMatchObject({ ok: true });
  });

  it("sums up thousands of bad fields instead of echoing each one", () => {
    const bad = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, "decimal"]));
    const result = parseDefinition({ ...good, input_schema: bad });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(result.problems).toHaveLength(51);
    expect(result.problems[0]).toBe("input_schema: 5,000 fields; the limit is 200");
    expect(result.problems[50]).toBe("… and 4,951 more problems");
    // Missing fields still answer 400, with the limits' problems beside them.
    expect(parseDefinition({ name: "n".repeat(300) })).toMatchObject({ ok: false, status: 400, problems: expect.arrayContaining(["name: 300 characters; the limit is 200"]) });
  });
});
