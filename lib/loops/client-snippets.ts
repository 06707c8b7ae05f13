import { ONE_LINE_FIELDS, renderSnippet, type SnippetLanguage, type SnippetOperation } from "@/lib/http/api-snippets";
import type { FieldType } from "./types";

export { literal, pythonLiteral, type SnippetLanguage } from "@/lib/http/api-snippets";

/** The one name the dashboard gives the loops key in client code. */
export const LOOPS_KEY_VARIABLE = "LOOPS_KEY";

export type SnippetCall = "train" | "predict";

export interface SnippetInput {
  baseUrl: string;
  loopId: string;
  username: string;
  /** A sample input, its fields in the schema's order. */
  example: Record<string, unknown>;
  output: { name: string; type: FieldType };
}

const OUTPUT_SAMPLE: Record<FieldType, unknown> = { string: "a", integer: 1, float: 0.5, boolean: true, array: ["a"], object: { key: "value" } };

/** The body each call sends: /train/ a list of labelled rows, /predict/ one row. */
export function bodyOf(call: SnippetCall, input: SnippetInput): { data: unknown } {
  if (call === "predict") return { data: input.example };
  return { data: [{ ...input.example, [input.output.name]: OUTPUT_SAMPLE[input.output.type] }] };
}

/**
 * Ready-to-paste client code for one call in one language: the operation as the OpenAPI description
 * has it (POST /train, its key headers, x-loop-id), with this app's URL, the loop id and the user
 * filled in, the body's fields in the loop's schema order.
 */
export function clientSnippet(language: SnippetLanguage, call: SnippetCall, input: SnippetInput, operation: SnippetOperation): string {
  const out = JSON.stringify(input.output.name);
  const predict = call === "predict";
  return renderSnippet(language, operation, {
    baseUrl: input.baseUrl,
    trailingSlash: true,
    credentials: { loopsKey: { env: LOOPS_KEY_VARIABLE }, loopsUser: { value: input.username } },
    headers: { "x-loop-id": input.loopId },
    body: bodyOf(call, input),
    multiline: Object.keys(input.example).length + (predict ? 0 : 1) > ONE_LINE_FIELDS,
    result: {
      python: predict
        ? `prediction = res.json()["predictions"][0]\nprint(prediction[${out}], prediction["explanation"]["top_contributors"])`
        : `print(res.json())  # {"status": "success", "trained_samples": 1, ...}`,
      typescript: predict
        ? `const { predictions } = await res.json();\nconsole.log(predictions[0][${out}], predictions[0].explanation.top_contributors);`
        : `console.log(await res.json()); // { status: "success", trained_samples: 1, ... }`,
    },
  });
}

/** Both calls in every language, for the loop page. */
export function loopSnippets(input: SnippetInput, operations: Record<SnippetCall, SnippetOperation>): Record<SnippetCall, Record<SnippetLanguage, string>> {
  const all = (call: SnippetCall) => ({
    curl: clientSnippet("curl", call, input, operations[call]),
    python: clientSnippet("python", call, input, operations[call]),
    typescript: clientSnippet("typescript", call, input, operations[call]),
  });
  return { train: all("train"), predict: all("predict") };
}
