import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainMessage, plainProblem } from "./plain-problem";

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!.message;

describe("plain problems", () => {
  it("put zod's size and type messages in plain words", () => {
    expect(plainMessage(messageOf(z.array(z.string()).min(1), []))).toBe("Add at least one.");
    expect(plainMessage(messageOf(z.array(z.string()).min(2), ["a"]))).toBe("Add at least 2.");
    expect(plainMessage(messageOf(z.array(z.string()).max(3), ["a", "b", "c", "d"]))).toBe("Keep it to at most 3.");
    expect(plainMessage(messageOf(z.string().min(1), ""))).toBe("Must not be empty.");
    expect(plainMessage(messageOf(z.string().max(5), "toolong"))).toBe("Use at most 5 characters.");
    expect(plainMessage(messageOf(z.number().min(0), -1))).toBe("Must be at least 0.");
    expect(plainMessage(messageOf(z.object({ a: z.string() }), {}))).toBe("Required.");
    expect(plainMessage(messageOf(z.number(), "x"))).toBe("Expected a number, got a string.");
  });

  it("leave other messages alone", () => {
    expect(plainMessage("Choose at least 2.")).toBe("Choose at least 2.");
  });

  it("drop the dangling dot of an empty field name", () => {
    expect(plainProblem("output_schema.: clashes with the input field of the same name")).toBe("output_schema: clashes with the input field of the same name");
    expect(plainProblem("choices: Too small: expected array to have >=1 items")).toBe("choices: Add at least one.");
  });
});
