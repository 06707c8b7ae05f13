/**
 * Every size a loops client controls, bounded. Each limit is chosen so that the largest request within
 * all of them stays cheap: a few tens of milliseconds of CPU per step that runs in one piece, with the
 * engine giving the event loop back between rows (pacer.ts). Figures in the comments were measured on
 * a shared 2-core machine (docs/benchmarks.md, "Limits: the largest requests").
 *
 * Over a limit: a definition gets 422 with every problem listed; a row gets a row error
 * (`data[i]: field: …`, the row skipped, the others learned or predicted); a request-level limit
 * fails the whole request with 422 (413 for a body too large). Messages name the field, the limit and
 * the size that was sent. Past a model's limits nothing fails: the loop keeps learning what it has.
 */

// ---- Definitions

/** Characters in a loop's name. */
export const MAX_LOOP_NAME_LENGTH = 200;

/** Fields in an input schema: each row is read, viewed and explained field by field. */
export const MAX_INPUT_FIELDS = 200;

/** Characters in a field name, and in a key inside an object value (leaf paths join them). */
export const MAX_FIELD_NAME_LENGTH = 100;

/** Bytes of a /definitions/ body: the largest definition within these limits is about 30 kB. */
export const MAX_DEFINITION_BYTES = 256 * 1024;

// ---- Requests

/**
 * Rows in one /train/ or /predict/ call. 1,000 rows on the largest model within these limits take
 * 150–300 ms of CPU, given back to the event loop every 20 ms.
 */
export const MAX_ROWS_PER_REQUEST = 1000;

/**
 * Bytes of a /train/ or /predict/ body: 1,000 rows of 2 kB. The JSON is parsed in one piece before
 * the handler runs: at most about 40 ms for 2 MiB of the widest rows (the default API limit of 10 MiB
 * takes about 60 ms even for narrow rows).
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Rows and bytes of /train/ requests that may wait per loop in one process while a group commits
 * (train-loop.ts): about twenty full groups, a few hundred milliseconds of learning. Past either, a
 * request is answered 503 at once rather than held in memory.
 */
export const MAX_QUEUED_TRAIN_ROWS = 20 * MAX_ROWS_PER_REQUEST;
export const MAX_QUEUED_TRAIN_BYTES = 32 * 1024 * 1024;

/**
 * Values listed in one /predict/ answer: every class probability plus every listed contributor, over
 * all rows (rows × (contributors + classes)). The answer is serialised in one piece by the HTTP layer:
 * 40,000 such entries are about 5 MB of JSON, serialised in about 23 ms.
 */
export const MAX_ANSWER_ENTRIES = 40_000;

/** Problems listed per row; past it, one line says how many more there were. */
export const MAX_PROBLEMS_PER_ROW = 10;

// ---- Values in a row

/**
 * Characters in a string value (a string field, an element of a string array, an object leaf). What
 * the model keeps of them is bounded by MAX_MODEL_TEXT.
 */
export const MAX_STRING_LENGTH = 1000;

/** Elements in an array value. */
export const MAX_ARRAY_LENGTH = 1000;

/** Nesting of objects and arrays inside an object field's value ({"a": {"b": 1}} is depth 2). */
export const MAX_OBJECT_DEPTH = 8;

/** Leaves of a row's object values, all object fields together: each leaf is a feature of its own. */
export const MAX_OBJECT_LEAVES = 500;

/**
 * Values in one row, counting each field's value, each array element and each object leaf. Bounds the
 * work of one row, which runs without a pause: 5–7 ms at the limit on the largest model.
 */
export const MAX_ROW_VALUES = 10_000;

/** Characters in a class label (a string output): every prediction lists every class. */
export const MAX_LABEL_LENGTH = 100;

// ---- A loop's model

/** Distinct classes of a classification loop. A row bringing one more is a row error. */
export const MAX_CLASSES = 100;

/**
 * Model columns (weights per class): one per number, two per list of numbers, one per category value
 * or hash bucket. Once a loop has this many, new category values get no column (they count as unseen,
 * as a value never learned) and new numbers keep their statistics with a weight of 0. Each /train/
 * copies the model and packs it for storage: at this size about 10–20 ms each, in slices of their own.
 */
export const MAX_COLUMNS = 10_000;

/**
 * Weights of a model, classes × columns: one weight row per class of a multiclass output. A new class is
 * refused (a row error) when its row would pass this, and a new column when every row would. At this
 * size (weights and AdaGrad accumulators) the whole model packs in 13–22 ms and loads in about 11 ms.
 */
export const MAX_WEIGHTS = 100_000;

/**
 * Characters of text a model keeps: one-hot category values, the recent values of hash buckets (five
 * each), object leaf paths. Once full, a new value gets no column (it counts as unseen), a bucket
 * stops updating its list, and a new leaf is not learned. About 1 MB in the stored model.
 */
export const MAX_MODEL_TEXT = 1_000_000;

/** Object leaves a loop learns, over all its object fields; leaves first seen past this are not learned. */
export const MAX_LEARNED_LEAVES = 1000;

/** Largest category_cap setting: more one-hot values than a model can have columns means nothing. */
export const MAX_CATEGORY_CAP = MAX_COLUMNS;

/** Largest hash_bits setting: 2^20 buckets per field is already far past what a loop should hold. */
export const MAX_HASH_BITS = 20;

// ---- Messages

/** A client-supplied name or label, shortened for a message (it may be a megabyte long). */
export function quoted(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}… (${count(text.length)} characters)` : text;
  return JSON.stringify(shown);
}

/** A field name for the start of a problem line: as sent when short, shortened otherwise. */
export function fieldLabel(name: string): string {
  return name.length > MAX_FIELD_NAME_LENGTH ? `${name.slice(0, 60)}… (${count(name.length)} characters)` : name;
}

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
