import { MAX_LEARNED_LEAVES } from "../../limits";
import type { LearnerSettings } from "../../types";
import { getOwn, setOwn } from "../own-record";
import { allocateColumn, type CategorySlot, type CategoryTable, type LeafState, type LearnerState, type NumericColumn, type ObjectFieldState } from "../state";
import { addObservation } from "../welford";
import { findSlot, learnSlot } from "./category-slots";
import { EncodedRow } from "./encoded-row";
import { FeatureViews } from "./feature-views";
import type { FieldPlan } from "./field-plan";
import { asNumber, flattenObject, listMean, newLeafState, presenceOf } from "./field-state";
import { hasRoom, modelText } from "./model-text";
import { MISMATCH, MISSING, NUMBERS, NUMERIC, PRESENT, type FeatureSink } from "./sink";
import { isUsableNumber, valueKind, type ValueKind } from "./value-kind";

/**
 * The feature transform (docs/loops-learner.md §1), written once for predicting and for learning: how each feature (a field
 * or an object leaf) becomes its model columns, written to a sink.
 *
 * - viewFeatures (predicting, and explaining): every feature with the stats as they are, into the
 *   shared FeatureViews. Reads the state, never writes it.
 * - learnFeatures (steps 3–4 of §3): each value first updates what it updates (its column's running
 *   stats, its category's slot, created if new, and count, a new object leaf, a pending array's element
 *   kind), then is transformed with the updated stats, into the shared EncodedRow. Feature by feature,
 *   so columns are allocated in the order the values are met.
 *
 * The two walk an object's leaves in different orders, kept as they were because summation order is
 * observable: learning in the input's sorted path order (new leaves are created in that order),
 * viewing in the order the leaves were first learned, then the input's new leaves.
 */

const views = new FeatureViews();
const encoded = new EncodedRow();

/** Every feature of the input (its values in field order, from inputValues): the shared view, valid until the next call. */
export function viewFeatures(plan: FieldPlan, raws: readonly unknown[], settings: LearnerSettings): FeatureViews {
  views.reset();
  transformFields(plan, raws, settings, null);
  return views;
}

/** Learns the input's features and returns its active columns: the shared row, valid until the next call. */
export function learnFeatures(state: LearnerState, plan: FieldPlan, raws: readonly unknown[], settings: LearnerSettings): EncodedRow {
  encoded.reset();
  transformFields(plan, raws, settings, state);
  return encoded;
}

/** `learning`: the state the values update first, into the shared row (learnFeatures), or null: into the shared view (viewFeatures). */
function transformFields(plan: FieldPlan, raws: readonly unknown[], settings: LearnerSettings, learning: LearnerState | null): void {
  const sink: FeatureSink = learning === null ? views : encoded;
  const { order, states } = plan;
  for (let i = 0; i < order.length; i++) {
    const field = states[i];
    if (field === undefined) continue;
    const name = order[i]!;
    const raw = raws[i];
    if (field.kind === "number" && isUsableNumber(raw)) {
      // The common case, without classifying the value by name; σ is remembered from the last learned example.
      // Each sink is called directly here: through the FeatureSink interface, a row of numbers learns 8% slower.
      const column = field.column;
      if (learning !== null) {
        observeNumber(learning, column, raw);
        encoded.setNumber(0, column, raw, plan.sigma.of(i, column.stats), settings.clip);
      } else views.setNumber(views.add(name, raw, PRESENT), column, raw, plan.sigma.of(i, column.stats), settings.clip);
    } else if (field.kind === "object") {
      if (learning === null) viewObject(sink, name, field, raw, settings);
      else learnObject(sink, name, field, raw, settings, learning);
    } else {
      const kept = transformLeaf(sink, name, field, raw, settings, learning);
      if (kept !== field && learning !== null) {
        // A pending array field whose element kind is now fixed: the plan is updated with the state.
        setOwn(learning.fields, name, kept!);
        states[i] = kept!;
      }
    }
  }
}

/**
 * Step 3 for one number: into the column's stats, the column allocated the first time. In a full model
 * (allocateColumn) the number keeps its stats without a column: it is standardised and explained, with
 * a weight of 0.
 */
function observeNumber(state: LearnerState, column: NumericColumn, x: number): void {
  addObservation(column.stats, x);
  if (column.col < 0) column.col = allocateColumn(state);
}

/**
 * One feature into the sink; returns the leaf state to keep. When learning, a pending array gets its
 * element kind from its first non-empty value (and that typed leaf is returned).
 */
function transformLeaf(sink: FeatureSink, feature: string, state: LeafState | null, raw: unknown, settings: LearnerSettings, learning: LearnerState | null): LeafState | null {
  const kind = valueKind(raw);
  let leaf = state;
  if (learning !== null && leaf?.kind === "array" && (kind === "strings" || kind === "numbers")) leaf = newLeafState(kind)!;
  if (leaf === null || leaf.kind === "array") {
    unlearned(sink, feature, raw, kind);
    return leaf;
  }
  const presence = presenceOf(leaf, kind);
  const present = presence === "present";
  const f = sink.add(feature, raw, present ? PRESENT : presence === "missing" ? MISSING : MISMATCH);
  switch (leaf.kind) {
    case "number":
    case "boolean": {
      const x = present ? asNumber(raw) : null;
      if (learning !== null && x !== null) observeNumber(learning, leaf.column, x);
      sink.setValuePart(f, NUMERIC, leaf.column, x, settings.clip);
      return leaf;
    }
    case "numbers": {
      // The length part comes first, as the margin adds it.
      const list = present ? (raw as number[]) : null;
      const length = list === null ? null : list.length;
      if (learning !== null && length !== null) observeNumber(learning, leaf.len, length);
      sink.setLengthPart(f, leaf.len, length, settings.clip);
      const mean = list === null || list.length === 0 ? null : listMean(list);
      if (learning !== null && mean !== null) observeNumber(learning, leaf.mean, mean);
      sink.setValuePart(f, NUMBERS, leaf.mean, mean, settings.clip);
      return leaf;
    }
    case "string":
    case "strings": {
      sink.setCategory(f, leaf.table);
      if (!present) return leaf;
      if (leaf.kind === "string") {
        const slot = slotOf(leaf.table, raw as string, settings, learning);
        if (slot === null) sink.markUnseen(f);
        else {
          if (learning !== null) slot.count += 1;
          sink.activate(f, slot.col);
        }
        return leaf;
      }
      // Multi-hot: a column is 1 however often its values repeat (or share a bucket), counted once per example.
      const values = raw as string[];
      const taken = values.length > 16 ? new Set<number>() : null;
      for (const value of values) {
        const slot = slotOf(leaf.table, value, settings, learning);
        if (slot === null) {
          sink.markUnseen(f);
          continue;
        }
        if (taken !== null ? taken.has(slot.col) : sink.isActive(f, slot.col)) continue;
        taken?.add(slot.col);
        if (learning !== null) slot.count += 1;
        sink.activate(f, slot.col);
      }
      return leaf;
    }
  }
}

/** A category value's slot: looked up when predicting, created if new when learning; null: the value has no column. */
function slotOf(table: CategoryTable, value: string, settings: LearnerSettings, learning: LearnerState | null): CategorySlot | null {
  return learning === null ? findSlot(table, value, settings) : learnSlot(learning, table, value, settings);
}

/** A feature never learned (or only as empty arrays): no columns, so it contributes 0; say what it would be. */
function unlearned(sink: FeatureSink, feature: string, raw: unknown, kind: ValueKind): void {
  const f = sink.add(feature, raw, kind === "missing" ? MISSING : kind === "invalid" || kind === "object" ? MISMATCH : PRESENT);
  if (kind === "number" || kind === "boolean") sink.setValuePart(f, NUMERIC, null, 0, null);
  else if (kind === "numbers") {
    sink.setValuePart(f, NUMBERS, null, 0, null);
    sink.setLengthPart(f, null, 0, null);
  } else if (kind === "string" || kind === "strings") {
    sink.setCategory(f, null);
    sink.markUnseen(f);
  }
}

/** An object's leaves at predict time: the known ones in the order they were first learned, then the input's new ones. */
function viewObject(sink: FeatureSink, name: string, field: ObjectFieldState, raw: unknown, settings: LearnerSettings): void {
  const leaves = valueKind(raw) === "object" ? new Map(flattenObject(raw as object)) : new Map<string, unknown>();
  for (const path of field.leaf_order) {
    transformLeaf(sink, `${name}.${path}`, getOwn(field.leaves, path) ?? null, leaves.get(path), settings, null);
    leaves.delete(path);
  }
  for (const [path, value] of leaves) {
    if (value !== null) transformLeaf(sink, `${name}.${path}`, null, value, settings, null);
  }
}

/** An object's leaves when learning, in the input's sorted path order; a new leaf's kind is fixed by its first value. */
function learnObject(sink: FeatureSink, name: string, field: ObjectFieldState, raw: unknown, settings: LearnerSettings, state: LearnerState): void {
  if (valueKind(raw) !== "object") return;
  for (const [path, value] of flattenObject(raw as object)) {
    let leaf = getOwn(field.leaves, path);
    if (leaf === undefined) {
      const created = newLeafState(valueKind(value));
      // Past the caps a leaf is never learned, like a leaf never seen.
      if (created === null || learnedLeaves(state) >= MAX_LEARNED_LEAVES) continue;
      const text = modelText(state);
      if (!hasRoom(text, path.length)) continue;
      leaf = created;
      field.leaf_order.push(path);
      text.chars += path.length;
    }
    setOwn(field.leaves, path, transformLeaf(sink, `${name}.${path}`, leaf, value, settings, state)!);
  }
}

/** Leaves learned by all the loop's object fields; counted only when a new leaf appears. */
function learnedLeaves(state: LearnerState): number {
  let leaves = 0;
  for (const name of state.field_order) {
    const field = getOwn(state.fields, name);
    if (field?.kind === "object") leaves += field.leaf_order.length;
  }
  return leaves;
}
