import type { LoopModel } from "./engine";
import { LEARNER_FORMAT, type LearnerState } from "./learner";
import { packText, unpackText } from "./model-codec";
import { completeMonitor, MONITOR_VERSION, type LoopMonitorState } from "./monitor";
import { upgradeMonitorV1 } from "./monitor-v1";

/**
 * A loop's model as Postgres keeps it: two texts (model-codec.ts), the learner and its monitor, each
 * carrying the version of its layout (the learner's `format`, the monitor's `version`). States are
 * written in the current layouts; a state written by an earlier version is brought up to date when it
 * is read, one step per version, so a loop keeps learning across upgrades of the app without a
 * database migration: it continues exactly as it would have under the code that wrote it (the golden
 * check runs states stored by earlier versions). The upgraded state is written back with the loop's
 * next training batch. A metric added to the registry needs no upgrade: a stored monitor without it
 * gets it built from the examples it keeps (metrics/rolling.ts).
 *
 * A state from a later version than this code knows is refused rather than misread.
 */

/** One step: from `version` to `version + 1`, on the parsed JSON. */
export type UpgradeStep = (state: Record<string, unknown>) => Record<string, unknown>;

export interface StoredPart {
  /** The key holding the layout version. */
  key: "format" | "version";
  current: number;
  /** steps[v] upgrades version v to v + 1. */
  steps: Record<number, UpgradeStep>;
}

export const LEARNER_PART: StoredPart = { key: "format", current: LEARNER_FORMAT, steps: {} };
export const MONITOR_PART: StoredPart = { key: "version", current: MONITOR_VERSION, steps: { 1: upgradeMonitorV1 } };

export class StoredStateError extends Error {}

/** Brings a parsed state up to the part's current version. */
export function upgradeState(part: StoredPart, state: unknown, what: string): Record<string, unknown> {
  if (typeof state !== "object" || state === null || Array.isArray(state)) throw new StoredStateError(`The stored ${what} is not an object.`);
  let value = state as Record<string, unknown>;
  const stored = value[part.key];
  if (typeof stored !== "number" || !Number.isSafeInteger(stored) || stored < 1) throw new StoredStateError(`The stored ${what} has no valid ${part.key}.`);
  let version = stored;
  if (version > part.current) {
    throw new StoredStateError(`The stored ${what} has ${part.key} ${version}, written by a later version of Crucible (this one reads up to ${part.current}).`);
  }
  while (version < part.current) {
    const step = part.steps[version];
    if (step === undefined) throw new StoredStateError(`No upgrade of the stored ${what} from ${part.key} ${version}.`);
    value = step(value);
    const next: unknown = value[part.key];
    if (next !== version + 1) throw new StoredStateError(`The upgrade of the stored ${what} from ${part.key} ${version} gave ${String(next)}.`);
    version = version + 1;
  }
  return value;
}

/** The model from its stored texts, in the current layouts, with every metric the registry now lists. */
export function loadModel(stored: { learnerState: string; monitorState: string }): LoopModel {
  const monitor = upgradeState(MONITOR_PART, unpackText(stored.monitorState), "monitor state") as unknown as LoopMonitorState;
  completeMonitor(monitor);
  return { learner: upgradeState(LEARNER_PART, unpackText(stored.learnerState), "learner state") as unknown as LearnerState, monitor };
}

/** The model's texts as stored. */
export function storeModel(model: LoopModel): { learnerState: string; monitorState: string } {
  return { learnerState: packText(model.learner), monitorState: packText(model.monitor) };
}
