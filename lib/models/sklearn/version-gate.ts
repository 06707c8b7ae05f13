/**
 * Which scikit-learn versions' pickles are served. Separate from the estimator registry on purpose:
 * the registry says which classes can be read, this says whose pickle layout has been verified.
 */

/** Pickle layouts verified against the fixtures (scikit-learn 1.2.x, see docs/sklearn-pickles.md §8). */
export const VERIFIED_SKLEARN = /^1\.2\.\d+$/;

/** Why a model pickled by this scikit-learn version is not served, or null (a file without a recorded version is tried). */
export function unverifiedVersionReason(sklearnVersion: string | null): string | null {
  if (sklearnVersion === null || VERIFIED_SKLEARN.test(sklearnVersion)) return null;
  return `scikit-learn ${sklearnVersion} pickles are not verified; models pickled with scikit-learn 1.2.x can be served`;
}
