/**
 * The server-owned trust list. Every GLOBAL / STACK_GLOBAL / INST name is resolved here when it is
 * read, before anything is built; unknown names are refused. Never take this list from an upload.
 *
 * Kinds (docs/sklearn-pickles.md §7): "class" creates an inert record that BUILD fills; "func" is a small handler that
 * validates its arguments and returns plain data (globals.ts); "token" may only appear as a value.
 */
import { ufuncGlobalNames } from "../sklearn/function-transformer";
import { registeredClassNames } from "../sklearn/registry";
import { refusedGlobal } from "./errors";

export type GlobalKind = "class" | "func" | "token";

const FUNCS = [
  "numpy.core.multiarray._reconstruct",
  "numpy.core.multiarray.scalar",
  "numpy.core.numeric._frombuffer",
  "numpy.dtype",
  "numpy.random._pickle.__bit_generator_ctor",
  "numpy.random._pickle.__randomstate_ctor",
  "_codecs.encode",
  "copyreg._reconstructor",
  "builtins.slice",
  "builtins.set",
  "builtins.frozenset",
  "builtins.complex",
  "builtins.bytes",
  "sklearn._loss._loss.__pyx_unpickle_CyHalfBinomialLoss",
  "sklearn._loss._loss.__pyx_unpickle_CyHalfMultinomialLoss",
  "sklearn._loss._loss.__pyx_unpickle_CyHalfSquaredError",
  "sklearn.metrics._dist_metrics.newObj",
  "sklearn.neighbors._kd_tree.newObj",
];

const TOKENS = [
  "numpy.ndarray",
  "numpy.float64",
  "builtins.object",
  // Univariate selectors keep their score function; it is never called, only stored.
  "sklearn.feature_selection._univariate_selection.chi2",
  "sklearn.feature_selection._univariate_selection.f_classif",
  "sklearn.feature_selection._univariate_selection.f_regression",
  "sklearn.feature_selection._univariate_selection.r_regression",
  "sklearn.feature_selection._mutual_info.mutual_info_classif",
  "sklearn.feature_selection._mutual_info.mutual_info_regression",
  // Search CV's scorer and its metric, and cv_results_' masked parameter columns: stored, never called.
  "sklearn.metrics._scorer._passthrough_scorer",
  "sklearn.metrics._classification.accuracy_score",
  "sklearn.metrics._classification.balanced_accuracy_score",
  "sklearn.metrics._classification.f1_score",
  "sklearn.metrics._classification.fbeta_score",
  "sklearn.metrics._classification.log_loss",
  "sklearn.metrics._classification.precision_score",
  "sklearn.metrics._classification.recall_score",
  "sklearn.metrics._ranking.average_precision_score",
  "sklearn.metrics._ranking.roc_auc_score",
  "sklearn.metrics._regression.mean_absolute_error",
  "sklearn.metrics._regression.mean_absolute_percentage_error",
  "sklearn.metrics._regression.mean_squared_error",
  "sklearn.metrics._regression.r2_score",
  "numpy.ma.core.MaskedArray",
  "numpy.ma.MaskedArray",
  // FunctionTransformer's servable funcs: numpy ufuncs, mapped to JS in ../sklearn/function-transformer.ts.
  ...ufuncGlobalNames(),
];

/**
 * Helper objects that estimators' pickles hold (sklearn 1.2.1 fixtures, sklearn-whitelist.txt): tree
 * structures, losses and links, boosting's init estimators and binning, neighbour indexes, an MLP's
 * optimizer state and label binarizer, joblib's array wrapper. Never loaded as models themselves.
 */
const HELPER_CLASSES = [
  "joblib.numpy_pickle.NumpyArrayWrapper",
  // A masked array is recorded as inert data (its reconstructor's arguments and state), never rebuilt.
  "numpy.ma.core._mareconstruct",
  "sklearn.calibration._CalibratedClassifier",
  "sklearn.calibration._SigmoidCalibration",
  "sklearn.isotonic.IsotonicRegression",
  "sklearn.metrics._scorer._PredictScorer",
  "sklearn.metrics._scorer._Scorer",
  // A search's cv splitter: configuration only.
  "sklearn.model_selection._split.GroupKFold",
  "sklearn.model_selection._split.KFold",
  "sklearn.model_selection._split.RepeatedKFold",
  "sklearn.model_selection._split.RepeatedStratifiedKFold",
  "sklearn.model_selection._split.ShuffleSplit",
  "sklearn.model_selection._split.StratifiedKFold",
  "sklearn.model_selection._split.StratifiedShuffleSplit",
  "sklearn.model_selection._split.TimeSeriesSplit",
  "sklearn.metrics._scorer._ProbaScorer",
  "sklearn.metrics._scorer._ThresholdScorer",
  "sklearn.preprocessing._label.LabelEncoder",
  "sklearn._loss._loss.CyHalfBinomialLoss",
  "sklearn._loss._loss.CyHalfMultinomialLoss",
  "sklearn._loss._loss.CyHalfSquaredError",
  "sklearn._loss.link.IdentityLink",
  "sklearn._loss.link.Interval",
  "sklearn._loss.link.LogitLink",
  "sklearn._loss.link.MultinomialLogit",
  "sklearn._loss.loss.HalfBinomialLoss",
  "sklearn._loss.loss.HalfMultinomialLoss",
  "sklearn._loss.loss.HalfSquaredError",
  "sklearn.dummy.DummyClassifier",
  "sklearn.dummy.DummyRegressor",
  "sklearn.ensemble._gb_losses.BinomialDeviance",
  "sklearn.ensemble._gb_losses.LeastSquaresError",
  "sklearn.ensemble._gb_losses.MultinomialDeviance",
  "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
  "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
  "sklearn.impute._base.MissingIndicator",
  "sklearn.linear_model._sgd_fast.Hinge",
  "sklearn.linear_model._sgd_fast.Log",
  "sklearn.metrics._dist_metrics.EuclideanDistance",
  "sklearn.neighbors._kd_tree.KDTree",
  "sklearn.neural_network._stochastic_optimizers.AdamOptimizer",
  "sklearn.neural_network._stochastic_optimizers.SGDOptimizer",
  "sklearn.preprocessing._label.LabelBinarizer",
  "sklearn.tree._tree.Tree",
];

const KINDS = new Map<string, GlobalKind>();
for (const n of FUNCS) KINDS.set(n, "func");
for (const n of TOKENS) KINDS.set(n, "token");
for (const n of HELPER_CLASSES) KINDS.set(n, "class");
// The estimators and pipeline steps come from the estimator registry, the same list that decides
// which model files are servable and how they load: a class is admitted exactly when it has a loader.
for (const n of registeredClassNames()) KINDS.set(n, "class");

/** Python 2 spellings (protocols 0–2) and numpy 2 module moves, mapped to one canonical name. */
export function canonicalName(module: string, name: string): string {
  let m = module;
  if (m === "__builtin__") m = "builtins";
  else if (m === "copy_reg") m = "copyreg";
  else if (m === "numpy._core" || m.startsWith("numpy._core.")) m = "numpy.core" + m.slice("numpy._core".length);
  return `${m}.${name}`;
}

export interface ResolvedGlobal {
  name: string;
  kind: GlobalKind;
}

/** Resolve a global or throw refused_global naming it as written. */
export function resolveGlobal(module: string, name: string): ResolvedGlobal {
  const written = `${module}.${name}`;
  if (written.length > 300) throw refusedGlobal(written.slice(0, 300) + "…", "name too long");
  const canon = canonicalName(module, name);
  const kind = KINDS.get(canon);
  if (!kind) throw refusedGlobal(written);
  return { name: canon, kind };
}

export function globalKind(canonical: string): GlobalKind | undefined {
  return KINDS.get(canonical);
}

/** Every class name a pickle may reference: helper objects and the registry's estimators and steps. */
export function trustedClassNames(): string[] {
  return [...KINDS].filter(([, kind]) => kind === "class").map(([name]) => name);
}
