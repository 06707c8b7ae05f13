import type { LearnerSettings } from "../../types";
import { getOwn, setOwn } from "../own-record";
import { allocateColumn, BUCKET_RECENT_VALUES, type CategorySlot, type CategoryTable, type LearnerState } from "../state";
import { hashBucket } from "./hash-bucket";
import { hasRoom, modelText } from "./model-text";

/**
 * A category value's slot (docs/loops-learner.md §1): its one-hot column up to the field's cap, then its hash bucket's. At
 * predict time the slot is only looked up; when learning it is created if new.
 */

/** The slot a value uses at predict time, or null if it has no learned column (it is unseen). */
export function findSlot(table: CategoryTable, value: string, settings: LearnerSettings): CategorySlot | null {
  const index = getOwn(table.slot_of_value, value);
  if (index !== undefined) return table.slots[index]!;
  if (table.n_values < settings.category_cap) return null; // would become a new one-hot value
  const bucketIndex = getOwn(table.slot_of_bucket, String(hashBucket(value, settings.hash_bits)));
  return bucketIndex === undefined ? null : table.slots[bucketIndex]!;
}

/** A new slot with its column; −1 (and no slot) when the model is full. */
function newSlot(state: LearnerState, table: CategoryTable, value: string | null, bucket: number | null): number {
  const col = allocateColumn(state);
  if (col < 0) return -1;
  table.slots.push({ col, count: 0, value, bucket, recent: bucket === null ? null : [] });
  return table.slots.length - 1;
}

/**
 * The slot of a learned value: existing, a new one-hot column below the cap, else its hash bucket; null
 * when it would need a new column in a full model (the value stays unseen, as one never learned). A
 * new one-hot value needs room for its text too (model-text.ts); a bucket whose new recent value finds
 * no room still learns, and keeps its list as it was.
 */
export function learnSlot(state: LearnerState, table: CategoryTable, value: string, settings: LearnerSettings): CategorySlot | null {
  let index = getOwn(table.slot_of_value, value);
  if (index === undefined && table.n_values < settings.category_cap) {
    const text = modelText(state);
    if (!hasRoom(text, value.length)) return null;
    const created = newSlot(state, table, value, null);
    if (created < 0) return null; // n_values counts the one-hot values that have a column
    index = created;
    setOwn(table.slot_of_value, value, index);
    table.n_values += 1;
    text.chars += value.length;
  }
  if (index !== undefined) return table.slots[index]!;
  const bucket = hashBucket(value, settings.hash_bits);
  index = getOwn(table.slot_of_bucket, String(bucket));
  if (index === undefined) {
    const created = newSlot(state, table, null, bucket);
    if (created < 0) return null;
    index = created;
    setOwn(table.slot_of_bucket, String(bucket), index);
  }
  const slot = table.slots[index]!;
  const recent = slot.recent!;
  const seen = recent.indexOf(value);
  if (seen >= 0) {
    recent.splice(seen, 1);
    recent.push(value);
    return slot;
  }
  const text = modelText(state);
  const added = value.length - (recent.length >= BUCKET_RECENT_VALUES ? recent[0]!.length : 0);
  if (!hasRoom(text, added)) return slot;
  recent.push(value);
  if (recent.length > BUCKET_RECENT_VALUES) recent.shift();
  text.chars += added;
  return slot;
}
