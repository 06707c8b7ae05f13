import type { FieldType } from "./types";

/** The one name the dashboard gives the loops key in client code. */
export const LOOPS_KEY_VARIABLE = "LOOPS_KEY";

export type SnippetLanguage = "curl" | "python" | "typescript";
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

/** Bodies past a few fields go one field a line, so thirty fields read down, not across. */
const ONE_LINE_FIELDS = 4;

/** A JSON value as code: JSON, or a Python literal (True, False, None); objects one field a line when `multiline`. */
export function literal(value: unknown, multiline: boolean, { python = false, indent = "" }: { python?: boolean; indent?: string } = {}): string {
  if (value === null || value === undefined) return python ? "None" : "null";
  if (typeof value === "boolean") return python ? (value ? "True" : "False") : String(value);
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const inner = `${indent}${python ? "    " : "  "}`;
  const comma = python ? "," : "";
  const nested = (v: unknown) => literal(v, multiline, { python, indent: inner });
  const flat = (v: unknown) => literal(v, false, { python });
  const leaf = (v: unknown) => typeof v !== "object" || v === null;
  if (Array.isArray(value)) {
    if (!multiline || value.every(leaf)) return `[${value.map(flat).join(", ")}]`;
    return `[\n${value.map((v, i) => `${inner}${nested(v)}${i < value.length - 1 ? "," : comma}`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const key = (k: string) => `${JSON.stringify(k)}: `;
  if (!multiline || (entries.length <= ONE_LINE_FIELDS && entries.every(([, v]) => leaf(v)))) {
    return python ? `{${entries.map(([k, v]) => key(k) + flat(v)).join(", ")}}` : JSON.stringify(value);
  }
  return `{\n${entries.map(([k, v], i) => `${inner}${key(k)}${nested(v)}${i < entries.length - 1 ? "," : comma}`).join("\n")}\n${indent}}`;
}

export const pythonLiteral = (value: unknown, multiline: boolean) => literal(value, multiline, { python: true });

/** The body each call sends: /train/ a list of labelled rows, /predict/ one row. */
export function bodyOf(call: SnippetCall, input: SnippetInput): { data: unknown } {
  if (call === "predict") return { data: input.example };
  return { data: [{ ...input.example, [input.output.name]: OUTPUT_SAMPLE[input.output.type] }] };
}

/** Ready-to-paste client code for one call in one language, with this app's URL, the loop id and the user filled in. */
export function clientSnippet(language: SnippetLanguage, call: SnippetCall, input: SnippetInput): string {
  const { baseUrl, loopId, username, output } = input;
  const url = `${baseUrl}/${call}/`;
  const body = bodyOf(call, input);
  const multiline = Object.keys(input.example).length + (call === "train" ? 1 : 0) > ONE_LINE_FIELDS;
  const out = JSON.stringify(output.name);
  if (language === "curl") {
    return `curl -X POST ${url} \\
  -H "X-api-key: $${LOOPS_KEY_VARIABLE}" \\
  -H "X-username: ${username}" \\
  -H "x-loop-id: ${loopId}" \\
  -H "Content-Type: application/json" \\
  -d '${literal(body, multiline, { indent: "  " }).replace(/'/g, "'\\''")}'`;
  }
  if (language === "python") {
    const result =
      call === "predict"
        ? `prediction = res.json()["predictions"][0]
print(prediction[${out}], prediction["explanation"]["top_contributors"])`
        : `print(res.json())  # {"status": "success", "trained_samples": 1, ...}`;
    return `import os, requests

headers = {
    "X-api-key": os.environ["${LOOPS_KEY_VARIABLE}"],
    "X-username": ${JSON.stringify(username)},
    "x-loop-id": ${JSON.stringify(loopId)},
}
body = ${pythonLiteral(body, multiline)}
res = requests.post(${JSON.stringify(url)}, headers=headers, json=body)
res.raise_for_status()
${result}`;
  }
  const result =
    call === "predict"
      ? `const { predictions } = await res.json();
console.log(predictions[0][${out}], predictions[0].explanation.top_contributors);`
      : `console.log(await res.json()); // { status: "success", trained_samples: 1, ... }`;
  return `const body = ${literal(body, multiline)};
const res = await fetch(${JSON.stringify(url)}, {
  method: "POST",
  headers: {
    "X-api-key": process.env.${LOOPS_KEY_VARIABLE}!,
    "X-username": ${JSON.stringify(username)},
    "x-loop-id": ${JSON.stringify(loopId)},
    "Content-Type": "application/json",
  },
  body: JSON.stringify(body),
});
${result}`;
}
