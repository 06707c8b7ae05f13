import { MAX_MODEL_TEXT } from "../../limits";
import { getOwn } from "../own-record";
import type { CategoryTable, LearnerState } from "../state";

/**
 * The text a learner state keeps from its inputs: one-hot category values, the recent values of hash
 * buckets, and object leaf paths. It is copied on every /train/ and stored with the model, so it is
 * bounded by MAX_MODEL_TEXT characters. The count is not part of the state: it is taken once per
 * state object (a walk over its tables) and kept up to date by the learning code that adds text,
 * the only code that does.
 */
export interface TextCount {
  chars: number;
}

const counts = new WeakMap<LearnerState, TextCount>();

function tableText(table: CategoryTable): number {
  let chars = 0;
  for (const slot of table.slots) {
    if (slot.value !== null) chars += slot.value.length;
    if (slot.recent !== null) for (const value of slot.recent) chars += value.length;
  }
  return chars;
}

function countText(state: LearnerState): number {
  let chars = 0;
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field === undefined) continue;
    if (field.kind === "string" || field.kind === "strings") chars += tableText(field.table);
    if (field.kind !== "object") continue;
    for (const path of field.leaf_order) {
      chars += path.length;
      const leaf = getOwn(field.leaves, path);
      if (leaf?.kind === "string" || leaf?.kind === "strings") chars += tableText(leaf.table);
    }
  }
  return chars;
}

/**
 * The state's text count. Take it before adding text to the state (a first call counts what the state
 * holds then), and add to `chars` what was added.
 */
export function modelText(state: LearnerState): TextCount {
  let count = counts.get(state);
  if (count === undefined) {
    count = { chars: countText(state) };
    counts.set(state, count);
  }
  return count;
}

/** Is there room for `chars` more characters? */
export function hasRoom(text: TextCount, chars: number): boolean {
  return chars <= 0 || text.chars + chars <= MAX_MODEL_TEXT;
}
