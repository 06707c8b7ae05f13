import { describe, expect, it } from "vitest";
import { z } from "zod";
import { definitionSchema, predictBodySchema, trainBodySchema } from "./schemas";

/** The request schemas describe themselves, for the API reference. */
describe("loops request schemas", () => {
  it("describe every field of a definition, the settings included", () => {
    const schema = z.toJSONSchema(definitionSchema) as { description: string; required: string[]; properties: Record<string, { description?: string; properties?: Record<string, { description?: string }> }> };
    expect(schema.description).toMatch(/POST \/definitions\//);
    expect(schema.required).toEqual(["name", "task_type", "input_schema", "output_schema"]);
    for (const [name, field] of Object.entries(schema.properties)) expect(field.description, name).toEqual(expect.any(String));
    expect(schema.properties.input_schema).toMatchObject({ type: "object", additionalProperties: { enum: ["string", "integer", "float", "boolean", "array", "object"] } });
    const settings = schema.properties.settings!.properties!;
    expect(Object.keys(settings)).toEqual(["optimizer", "learning_rate", "intercept_learning_rate", "l2", "target_standardization", "squared_loss_gradient", "category_cap", "hash_bits", "clip", "reset_on_drift"]);
    for (const [name, setting] of Object.entries(settings)) expect(setting.description, name).toEqual(expect.any(String));
  });

  it("describe the /train/ and /predict/ envelopes", () => {
    const train = z.toJSONSchema(trainBodySchema, { io: "input" }) as { properties: Record<string, { description?: string }> };
    const predict = z.toJSONSchema(predictBodySchema, { io: "input" }) as { properties: Record<string, { description?: string }> };
    expect(train.properties.data!.description).toMatch(/up to 1,000/);
    expect(predict.properties.top_k!.description).toMatch(/1 to 1,000/);
  });
});
