/**
 * Other spellings of the names scikit-learn pickles use, mapped to today's (docs/sklearn-pickles.md §2, §4.3, §13):
 * Python 2 builtins, numpy 2's numpy._core, sklearn.externals.joblib, Cython's bare `_loss` module,
 * numpy < 1.17's RandomState constructor, and the public modules scikit-learn 0.22 made private.
 */

/**
 * scikit-learn 0.22 renamed these modules (sklearn/_build_utils/deprecated_modules.py in 0.22–0.23,
 * removed in 0.24): a pickle written by 0.18–0.21 names the old module. Old → new, by package.
 */
const RENAMED_0_22: Record<string, Record<string, string>> = {
  cluster: {
    affinity_propagation_: "_affinity_propagation", bicluster: "_bicluster", birch: "_birch", dbscan_: "_dbscan",
    hierarchical: "_agglomerative", k_means_: "_kmeans", mean_shift_: "_mean_shift", optics_: "_optics", spectral: "_spectral",
  },
  covariance: {
    empirical_covariance_: "_empirical_covariance", shrunk_covariance_: "_shrunk_covariance", robust_covariance: "_robust_covariance",
    graph_lasso_: "_graph_lasso", elliptic_envelope: "_elliptic_envelope",
  },
  cross_decomposition: { cca_: "_cca", pls_: "_pls" },
  decomposition: {
    base: "_base", dict_learning: "_dict_learning", factor_analysis: "_factor_analysis", fastica_: "_fastica",
    incremental_pca: "_incremental_pca", kernel_pca: "_kernel_pca", nmf: "_nmf", online_lda: "_lda", pca: "_pca",
    sparse_pca: "_sparse_pca", truncated_svd: "_truncated_svd",
  },
  ensemble: {
    bagging: "_bagging", base: "_base", forest: "_forest", gradient_boosting: "_gb", iforest: "_iforest", voting: "_voting",
    weight_boosting: "_weight_boosting",
  },
  feature_extraction: { dict_vectorizer: "_dict_vectorizer", hashing: "_hash", stop_words: "_stop_words" },
  feature_selection: {
    base: "_base", from_model: "_from_model", mutual_info: "_mutual_info", rfe: "_rfe",
    univariate_selection: "_univariate_selection", variance_threshold: "_variance_threshold",
  },
  gaussian_process: { gpr: "_gpr", gpc: "_gpc" },
  linear_model: {
    base: "_base", bayes: "_bayes", coordinate_descent: "_coordinate_descent", huber: "_huber", least_angle: "_least_angle",
    logistic: "_logistic", omp: "_omp", passive_aggressive: "_passive_aggressive", perceptron: "_perceptron", ransac: "_ransac",
    ridge: "_ridge", sag: "_sag", sgd_fast: "_sgd_fast", stochastic_gradient: "_stochastic_gradient", theil_sen: "_theil_sen",
  },
  manifold: { isomap: "_isomap", locally_linear: "_locally_linear", mds: "_mds", spectral_embedding_: "_spectral_embedding", t_sne: "_t_sne" },
  mixture: { base: "_base", gaussian_mixture: "_gaussian_mixture", bayesian_mixture: "_bayesian_mixture" },
  neighbors: {
    ball_tree: "_ball_tree", base: "_base", classification: "_classification", dist_metrics: "_dist_metrics", graph: "_graph",
    kd_tree: "_kd_tree", kde: "_kde", lof: "_lof", nca: "_nca", nearest_centroid: "_nearest_centroid", quad_tree: "_quad_tree",
    regression: "_regression", typedefs: "_typedefs", unsupervised: "_unsupervised",
  },
  neural_network: { rbm: "_rbm", multilayer_perceptron: "_multilayer_perceptron" },
  preprocessing: { data: "_data", label: "_label" },
  semi_supervised: { label_propagation: "_label_propagation" },
  svm: { base: "_base", classes: "_classes", libsvm: "_libsvm", libsvm_sparse: "_libsvm_sparse", liblinear: "_liblinear" },
  tree: { tree: "_classes", export: "_export" },
  utils: { weight_vector: "_weight_vector", seq_dataset: "_seq_dataset", fast_dict: "_fast_dict" },
};

/** Module spellings that are renamed whatever the name (Python 2, numpy 2, vendored joblib, Cython's `_loss`). */
export function canonicalModule(module: string): string {
  if (module === "__builtin__") return "builtins";
  if (module === "copy_reg") return "copyreg";
  if (module === "_loss") return "sklearn._loss._loss";
  const moved = (from: string, to: string) => (module === from || module.startsWith(from + ".") ? to + module.slice(from.length) : null);
  return moved("numpy._core", "numpy.core") ?? moved("sklearn.externals.joblib", "joblib") ?? module;
}

const shortName = (dotted: string) => dotted.slice(dotted.lastIndexOf(".") + 1);
const packageOf = (dotted: string) => dotted.split(".").slice(0, 2).join(".");

/**
 * A scikit-learn name in a module renamed by 0.22, as today's dotted name: the renamed module, or —
 * when the class moved again later (the boosting losses to `_gb_losses` in 0.21) — the one known
 * class of that package with the same name. null when the name is not in a renamed module.
 */
export function sklearnAlias(module: string, name: string, known: readonly string[]): string | null {
  if (module === "numpy.random" && name === "__RandomState_ctor") return "numpy.random._pickle.__randomstate_ctor";
  const parts = module.split(".");
  if (parts[0] !== "sklearn" || parts.length !== 3) return null;
  const renamed = RENAMED_0_22[parts[1]!]?.[parts[2]!];
  if (!renamed) return null;
  const direct = `sklearn.${parts[1]}.${renamed}.${name}`;
  if (known.includes(direct)) return direct;
  const pkg = `sklearn.${parts[1]}`;
  const same = known.filter((k) => packageOf(k) === pkg && shortName(k) === name);
  return same.length === 1 ? same[0]! : direct;
}
