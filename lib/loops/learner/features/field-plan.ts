import { getOwn } from "../own-record";
import type { FieldState, LearnerState } from "../state";
import { SigmaMemo } from "./sigma-memo";

/**
 * A state's field states by position in field_order, cached per state object so the hot path reads
 * arrays instead of records keyed by name. It is rebuilt when the state's `fields` or `field_order`
 * object is replaced (a state from JSON or a copy is a new object, hence a new plan); the one in-place
 * change, a pending array field becoming typed, is made by learnFeatures, which updates both.
 */
export interface FieldPlan {
  fields: Record<string, FieldState>;
  order: string[];
  states: (FieldState | undefined)[];
  /** Field name → position in order. */
  position: Map<string, number>;
  /** The key list of the last input read, and the position of each of its keys (−1: not a field). */
  lastKeys: string[];
  lastPositions: number[];
  /** The last list of names values were given by (a spec's input fields, see valuesByName), and their positions. */
  lastNames: readonly string[];
  namePositions: number[];
  /** σ of the top-level number fields, by position: computed when learning, reused by the next view. */
  sigma: SigmaMemo;
}

const plans = new WeakMap<LearnerState, FieldPlan>();

export function fieldPlan(state: LearnerState): FieldPlan {
  const plan = plans.get(state);
  if (plan !== undefined && plan.fields === state.fields && plan.order === state.field_order && plan.states.length === state.field_order.length) return plan;
  const order = state.field_order;
  const fresh: FieldPlan = {
    fields: state.fields,
    order,
    states: order.map((name) => getOwn(state.fields, name)),
    position: new Map(order.map((name, i) => [name, i])),
    lastKeys: [],
    lastPositions: [],
    lastNames: [],
    namePositions: [],
    sigma: new SigmaMemo(order.length),
  };
  plans.set(state, fresh);
  return fresh;
}

/**
 * An input's own (enumerable: JSON's) values in field order, undefined when absent. Inputs of one loop
 * usually arrive with the same keys in the same order (JSON from one client), so the key list is
 * compared with the last one and the values are taken in one Object.values call instead of a lookup
 * per field.
 */
export function inputValues(plan: FieldPlan, input: Record<string, unknown>): unknown[] {
  const raws = new Array<unknown>(plan.order.length).fill(undefined);
  const keys = Object.keys(input);
  let positions = plan.lastPositions;
  if (!sameKeys(keys, plan.lastKeys)) {
    positions = keys.map((key) => plan.position.get(key) ?? -1);
    plan.lastKeys = keys;
    plan.lastPositions = positions;
  }
  const values = Object.values(input);
  for (let i = 0; i < values.length; i++) {
    const at = positions[i]!;
    if (at >= 0) raws[at] = values[i];
  }
  return raws;
}

/** Values given by name (an already-read row: `values[j]` is the value of `names[j]`) in field order. */
export function valuesByName(plan: FieldPlan, names: readonly string[], values: readonly unknown[]): unknown[] {
  if (names !== plan.lastNames) {
    plan.namePositions = names.map((name) => plan.position.get(name) ?? -1);
    plan.lastNames = names;
  }
  const positions = plan.namePositions;
  const raws = new Array<unknown>(plan.order.length).fill(undefined);
  for (let j = 0; j < names.length; j++) {
    const at = positions[j]!;
    if (at >= 0) raws[at] = values[j];
  }
  return raws;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
