// The shared battery of hostile input that every route is tried with (lib/http/bad-input.test.ts):
// bodies, path parameters and query strings that a careless or hostile client sends.

/** Field names the routes' bodies use, so hostile values land where handlers look. */
const FIELDS = [
  "name", "task_type", "input_schema", "output_schema", "settings", "data", "top_k", "modelname", "modelkind", "hyperparameter",
  "modelperformance", "trainingresource", "runresource", "featurelist", "inference", "modeltags", "drift_detection", "modelid",
  "version", "alias", "ownerid", "placement", "deployment_id", "inference_data", "deploymentid", "result", "timestamp",
  "instruction", "choices", "hook_url", "confidence", "exclude_crunchers", "rating_min", "rating_max", "attachments", "answer",
  "mode", "type", "body", "block", "autoRetrainOnDrift", "deploymentId", "modelId", "explain", "data_link", "max_choices",
];

const everyField = (valueJson: string) => `{${FIELDS.map((f) => `${JSON.stringify(f)}:${valueJson}`).join(",")}}`;

const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

export interface BodyCase {
  label: string;
  body: string;
}

export const BODY_CASES: BodyCase[] = [
  { label: "empty", body: "" },
  { label: "malformed JSON", body: '{"name": "x",' },
  { label: "not an object (null)", body: "null" },
  { label: "not an object (array)", body: "[]" },
  { label: "not an object (string)", body: '"data"' },
  { label: "a bare non-finite number", body: "1e309" },
  { label: "arrays nested 10,000 deep", body: deep(10_000) },
  { label: "objects nested 10,000 deep in data", body: `{"data":${deepObject(10_000)},"instruction":${deepObject(10_000)}}` },
  { label: "NUL in every field", body: everyField('"a\\u0000b"') },
  { label: "NUL in a field name", body: '{"na\\u0000me": 1, "data": {"x\\u0000": 1}}' },
  { label: "a lone surrogate in every field", body: everyField('"\\ud800"') },
  { label: "non-finite numbers in every field", body: everyField("1e309") },
  { label: "negative non-finite numbers in data rows", body: '{"data": [[-1e309, 1e309, 2]], "top_k": 1e309}' },
  { label: "huge strings in every field", body: everyField(JSON.stringify("x".repeat(50_000))) },
  { label: "a huge array in every field", body: everyField(`[${Array(20_000).fill("1").join(",")}]`) },
  { label: "100,000 rows of data", body: `{"data":[${Array(100_000).fill('{"x":1}').join(",")}]}` },
  { label: "objects in every field", body: everyField('{"$gt": "", "__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') },
  { label: "wrong types (numbers)", body: everyField("-1") },
  { label: "wrong types (booleans)", body: everyField("true") },
  { label: "wrong types (arrays of objects)", body: everyField('[{}, null, []]') },
];

/** Path parameter values, already percent-encoded as a client would put them in the URL. */
export const PARAM_CASES: { label: string; value: string }[] = [
  { label: "NUL", value: "%00" },
  { label: "a NUL inside an id", value: "00000000-0000-0000-0000-00000000%0000" },
  { label: "a lone surrogate", value: "%ED%A0%80" },
  { label: "malformed percent-encoding", value: "%E0%A4%A" },
  { label: "a 5,000-character id", value: "x".repeat(5000) },
  { label: "path traversal", value: "..%2F..%2Fetc%2Fpasswd" },
  { label: "SQL", value: "'%20or%201%3D1--" },
  { label: "a negative number", value: "-1" },
  { label: "a non-finite number", value: "1e309" },
  { label: "an emoji", value: "%F0%9F%92%A9" },
  { label: "a uuid of nothing", value: "00000000-0000-4000-8000-000000000000" },
];

export const QUERY_CASES: { label: string; query: string }[] = [
  { label: "garbage paging", query: "skip=-1&limit=1e309&cursor=garbage" },
  { label: "NUL in the query", query: "tags=%00&since=%00&cursor=%00&status=%00&type=%00" },
  { label: "repeated and overlong values", query: `limit=1&limit=2&tags=${"t".repeat(5000)}&top_k=abc` },
  { label: "non-numbers for numbers", query: "skip=abc&limit=abc&block=abc&top_k=1e309&cursor=1e309" },
];
