/** The columns a deployment takes, in the model's order, with the registry's type when it says one. */
export interface FeatureSpec {
  nFeatures: number;
  /** Names in column order, or null when neither the model file nor the feature list names them. */
  names: string[] | null;
  /** "cont" or "cat" from the model's featurelist; null when it does not say. */
  types: ("cont" | "cat" | null)[];
}

interface ListedFeature {
  name: string;
  type: "cont" | "cat" | null;
}

/** The featurelist's input features (kind 0), read loosely: it was validated on the way in, but may predate a field. */
export function listedInputFeatures(featurelist: readonly unknown[]): ListedFeature[] {
  const out: ListedFeature[] = [];
  for (const item of featurelist) {
    if (!item || typeof item !== "object") continue;
    const { feature_name: name, kind, type } = item as Record<string, unknown>;
    if (typeof name !== "string" || !name || (kind !== 0 && kind !== undefined)) continue;
    out.push({ name, type: type === "cont" || type === "cat" ? type : null });
  }
  return out;
}

/**
 * The estimator's feature_names_in_ are authoritative (they fix the column order the model was fitted
 * with); else the featurelist's input features when there is one per column; else columns are
 * positional only (x0, x1, … for display).
 */
export function featureSpec(featurelist: readonly unknown[], model: { nFeatures: number | null; featureNames: readonly string[] | null }): FeatureSpec {
  const listed = listedInputFeatures(featurelist);
  const typeOf = new Map(listed.map((f) => [f.name, f.type]));
  const fromModel = model.featureNames && (model.nFeatures === null || model.featureNames.length === model.nFeatures) ? [...model.featureNames] : null;
  if (fromModel) return { nFeatures: fromModel.length, names: fromModel, types: fromModel.map((n) => typeOf.get(n) ?? null) };
  if (listed.length && (model.nFeatures === null || listed.length === model.nFeatures)) {
    return { nFeatures: listed.length, names: listed.map((f) => f.name), types: listed.map((f) => f.type) };
  }
  const n = model.nFeatures ?? 0;
  return { nFeatures: n, names: null, types: new Array<null>(n).fill(null) };
}

/** Names for display and explanations: the real ones, or scikit-learn's x0, x1, … */
export function displayNames(spec: FeatureSpec): string[] {
  return spec.names ?? Array.from({ length: spec.nFeatures }, (_, i) => `x${i}`);
}
