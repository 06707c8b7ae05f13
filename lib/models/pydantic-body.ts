/**
 * What the MLConnector's own clients send, made into what the model schemas take. They build bodies
 * from pydantic models, so every optional field is present — `null` when unset — nested entries are
 * partial (`{"metric": "F1"}`, everything else null), feature types come in the words people use
 * (`float`, `str`, `category`…) and keys this API does not know are sent and, upstream, ignored. Here
 * they are ignored too, and named (the caller puts them in a response header, never in the body, so a
 * client comparing bodies sees what it expects).
 */

/** The nested fields each list entry may hold; anything else in an entry is ignored. */
const ENTRY_FIELDS: Record<string, readonly string[]> = {
  hyperparameter: ["parameter", "value"],
  modelperformance: ["metric", "order", "threshold"],
  trainingresource: ["resource_name", "value", "deploy"],
  runresource: ["resource_name", "value", "deploy"],
  featurelist: ["feature_name", "type", "kind", "units"],
  inference: ["type", "value"],
  drift_detection: ["is_true", "method"],
};
const TOP_LEVEL = new Set(["modelname", "modelkind", "modeltags", ...Object.keys(ENTRY_FIELDS)]);

/** Entry fields a null stands for "not given" in; a null value of a hyperparameter or inference is a value. */
const NULL_IS_A_VALUE = new Set(["hyperparameter.value", "inference.value", "featurelist.units"]);

/** Feature types by what clients call them; cont and cat are the document's. */
const FEATURE_TYPES: Record<string, "cont" | "cat"> = {
  cont: "cont", continuous: "cont", float: "cont", float32: "cont", float64: "cont", double: "cont", int: "cont", int32: "cont", int64: "cont",
  integer: "cont", number: "cont", numeric: "cont", real: "cont",
  cat: "cat", categorical: "cat", category: "cat", str: "cat", string: "cat", object: "cat", text: "cat", bool: "cat", boolean: "cat", label: "cat",
};

export interface NormalisedBody {
  body: unknown;
  /** Ignored keys, as paths (`extra`, `featurelist[2].colour`). */
  ignored: string[];
}

const MAX_IGNORED_LISTED = 20;

export function normaliseModelBody(raw: unknown): NormalisedBody {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { body: raw, ignored: [] };
  const ignored: string[] = [];
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!TOP_LEVEL.has(key)) {
      ignored.push(key);
      continue;
    }
    if (value === null) continue; // unset (a required field is then reported missing)
    const fields = ENTRY_FIELDS[key];
    body[key] = fields && Array.isArray(value) ? value.map((entry, i) => normaliseEntry(key, fields, entry, `${key}[${i}]`, ignored)) : value;
  }
  return { body, ignored: ignored.slice(0, MAX_IGNORED_LISTED) };
}

function normaliseEntry(list: string, fields: readonly string[], entry: unknown, at: string, ignored: string[]): unknown {
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) return entry;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
    if (!fields.includes(key)) {
      if (ignored.length < MAX_IGNORED_LISTED) ignored.push(`${at}.${key}`);
      continue;
    }
    if (value === null && !NULL_IS_A_VALUE.has(`${list}.${key}`)) continue;
    out[key] = list === "featurelist" && key === "type" && typeof value === "string" ? (FEATURE_TYPES[value.trim().toLowerCase()] ?? value) : value;
  }
  if (list === "featurelist") out.kind ??= 0; // an entry that does not say is an input, as upstream treats it
  if (list === "drift_detection") {
    out.is_true ??= 0;
    out.method ??= 0;
  }
  return out;
}

/** The header naming ignored keys, or none. */
export function ignoredFieldsHeader(ignored: string[]): Record<string, string> {
  return ignored.length ? { "x-ignored-fields": ignored.map((k) => k.replace(/[^\x21-\x7e]/g, "?").slice(0, 80)).join(", ") } : {};
}
