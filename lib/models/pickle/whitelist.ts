/**
 * The server-owned trust rule. Every GLOBAL / STACK_GLOBAL / INST name is classified here when it is
 * read, before anything is built (docs/sklearn-pickles.md §7). Never take any of this from an upload.
 *
 * Kinds: "class" creates an inert record that BUILD fills; "func" is a small handler that validates
 * its arguments and returns plain data (globals.ts); "token" may only appear as a value; "inert" is a
 * name the reader does not know inside a known scientific module: calling, instantiating or BUILDing
 * it only records a placeholder (nothing is ever called), so the file is stored but not served.
 * Everything else is hostile and refused.
 */
import { ufuncGlobalNames } from "../sklearn/function-transformer";
import { registeredClassNames } from "../sklearn/registry";
import { refusedGlobal } from "./errors";
import { canonicalModule, sklearnAlias } from "./aliases";
import { hostileReason } from "./hostile";
import { printable } from "./values";

export { printable };

export type GlobalKind = "class" | "func" | "token" | "inert";

const FUNCS = [
  "numpy.core.multiarray._reconstruct",
  "numpy.core.multiarray.scalar",
  "numpy.core.numeric._frombuffer",
  "numpy.core._ufunc_reconstruct",
  "numpy.dtype",
  "numpy.random._pickle.__bit_generator_ctor",
  "numpy.random._pickle.__randomstate_ctor",
  "numpy.random._pickle.__generator_ctor",
  "pandas.core.indexes.base._new_Index",
  "_codecs.encode",
  "copyreg._reconstructor",
  "collections.OrderedDict",
  "collections.defaultdict",
  "builtins.bytearray",
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

// Plain Python types appear as parameter values (dtype=float); calling one is refused.
const TOKENS = [
  "numpy.ndarray",
  "numpy.float64",
  "builtins.object",
  "builtins.int",
  "builtins.float",
  "builtins.str",
  "builtins.bool",
  "builtins.dict",
  "builtins.list",
  "builtins.tuple",
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
// which model files are servable and how they load: they are known exactly when they have a loader.
for (const n of registeredClassNames()) KINDS.set(n, "class");

const KNOWN_CLASSES = [...KINDS].filter(([, kind]) => kind === "class").map(([name]) => name);

/** Python 2 spellings, numpy 2 and joblib module moves, and pre-0.22 scikit-learn paths, mapped to one canonical name. */
export function canonicalName(module: string, name: string): string {
  const m = canonicalModule(module);
  return sklearnAlias(m, name, KNOWN_CLASSES) ?? `${m}.${name}`;
}

/** Roots whose unknown names are inert data (scientific Python); joblib only through its array wrappers. */
const INERT_ROOTS = new Set(["sklearn", "numpy", "scipy", "pandas", "xgboost", "lightgbm"]);
const INERT_JOBLIB = new Set(["joblib.numpy_pickle.NDArrayWrapper", "joblib.numpy_pickle.ZNDArrayWrapper"]);
/** Standard-library value types that models' attributes hold; constructing them runs nothing. */
const INERT_STDLIB = new Set([
  "datetime.datetime",
  "datetime.date",
  "datetime.time",
  "datetime.timedelta",
  "datetime.timezone",
  "decimal.Decimal",
  "fractions.Fraction",
  "uuid.UUID",
  "collections.Counter",
  "collections.deque",
]);

/** The kind of a canonical name; undefined when it is hostile or outside the known modules. */
export function globalKind(canonical: string): GlobalKind | undefined {
  const known = KINDS.get(canonical);
  if (known) return known;
  if (hostileReason(canonical)) return undefined;
  if (INERT_JOBLIB.has(canonical) || INERT_STDLIB.has(canonical)) return "inert";
  return INERT_ROOTS.has(canonical.slice(0, canonical.indexOf("."))) ? "inert" : undefined;
}

export interface ResolvedGlobal {
  name: string;
  kind: GlobalKind;
}

/** Resolve a global or throw refused_global naming it as written (and why, when it is known to be dangerous). */
export function resolveGlobal(module: string, name: string): ResolvedGlobal {
  const written = `${module}.${name}`;
  if (written.length > 300) throw refusedGlobal(printable(written.slice(0, 300)) + "…", "name too long");
  const canon = canonicalName(module, name);
  // Protocol 4 lets a name be an attribute path (`DataFrame.query`, `os.system`): pickle walks it
  // with getattr, reaching anything a class or module holds. Only known names may be dotted.
  if (name.includes(".") && !KINDS.has(canon)) throw refusedGlobal(printable(written), "an attribute path, not a module-level name");
  const kind = globalKind(canon);
  if (!kind) {
    const why = hostileReason(canon) ?? hostileReason(written) ?? "outside the known scientific-Python modules";
    throw refusedGlobal(printable(written), why);
  }
  return { name: canon, kind };
}

/** Every class the reader knows (others are placeholders): helper objects and the registry's estimators and steps. */
export function trustedClassNames(): string[] {
  return [...KNOWN_CLASSES];
}
