"""Models for `npm run bench:deployments`: trains Ridge (diabetes, raw values), a 100-tree
RandomForestClassifier and a GradientBoostingClassifier (breast_cancer), an RBF-kernel SVC, an
MLPClassifier and a MultinomialNB (breast_cancer), and a preprocessing pipeline (diabetes:
ColumnTransformer of median imputation + scaling for the numeric columns and most-frequent
imputation + one-hot encoding for sex and the age decade, then Ridge; fitted on data with 10 %
of the values missing) with Debian's scikit-learn, pickles each into OUT_DIR, and prints one JSON
document describing them on stdout.

  /usr/bin/python3 bench/deployments_models.py --out OUT_DIR [--data ../shared/data] [--rows N]

The data are scikit-learn's own CSVs: ../shared/data holds copies of them, and without --data the
files Debian's python3-sklearn installs (sklearn/datasets/data) are read.

Trained on numpy arrays (no feature names), as the original implementation's examples do; the
feature names go into the registry's featurelist instead. `rows` are held-out inputs (every
fourth row of the data set) the bench predicts with and compares; `predictions` are scikit-learn's
answers for them, so the bench can check both servers against the source of truth.
"""
import argparse, csv, gzip, json, os, pickle, sys

import numpy as np
import sklearn
import sklearn.datasets
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Ridge
from sklearn.naive_bayes import MultinomialNB
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC

DIABETES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
CANCER_PARTS = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension"]
CANCER = [f"{block} {part}" for block in ("mean", "error", "worst") for part in CANCER_PARTS]


def load_diabetes(folder):
    with gzip.open(os.path.join(folder, "diabetes_data_raw.csv.gz"), "rt") as f:
        x = np.array([[float(c) for c in line.split()] for line in f if line.strip()])
    with gzip.open(os.path.join(folder, "diabetes_target.csv.gz"), "rt") as f:
        y = np.array([float(line) for line in f if line.strip()])
    return x, y


def load_cancer(folder):
    """scikit-learn's CSV layout: a first line of n_samples,n_features,class names; then features and the label."""
    with open(os.path.join(folder, "breast_cancer.csv")) as f:
        rows = list(csv.reader(f))
    k = int(rows[0][1])
    data = np.array([[float(c) for c in r] for r in rows[1:] if r])
    return data[:, :k], data[:, k].astype(int)


def split(x, y):
    """Every fourth row held out (deterministic, no shuffling needed)."""
    test = np.arange(len(y)) % 4 == 0
    return x[~test], y[~test], x[test]


def encoded_diabetes(x):
    """Diabetes with the age decade as a categorical column (sex already is one: 1 or 2)."""
    return np.column_stack([x, np.floor(x[:, 0] / 10)])


def preprocessing_pipeline():
    numeric = [0, 2, 3, 4, 5, 6, 7, 8, 9]
    categorical = [1, 10]
    return Pipeline([
        ("columns", ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
            ("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("onehot", OneHotEncoder(handle_unknown="ignore"))]), categorical),
        ])),
        ("ridge", Ridge(alpha=1.0)),
    ])


def with_missing(x, seed=0):
    """Training data with 10 % of the values missing, so the imputers learn something."""
    x = x.copy()
    x[np.random.RandomState(seed).uniform(size=x.shape) < 0.1] = np.nan
    return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(sklearn.datasets.__file__), "data"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--rows", type=int, default=64, help="held-out rows to report per model")
    args = ap.parse_args()

    dx, dy = load_diabetes(args.data)
    cx, cy = load_cancer(args.data)
    specs = [
        ("ridge", "regression", Ridge(alpha=1.0, random_state=0), dx, dy, DIABETES),
        ("random_forest", "classification", RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1), cx, cy, CANCER),
        ("gradient_boosting", "classification", GradientBoostingClassifier(random_state=0), cx, cy, CANCER),
        ("svc_rbf", "classification", SVC(kernel="rbf", C=10.0, gamma="scale"), cx, cy, CANCER),
        ("pipeline", "regression", preprocessing_pipeline(), encoded_diabetes(dx), dy, DIABETES + ["age decade"]),
        ("mlp", "classification", MLPClassifier(hidden_layer_sizes=(32, 16), max_iter=300, random_state=0), cx, cy, CANCER),
        ("naive_bayes", "classification", MultinomialNB(), cx, cy, CANCER),
    ]
    import warnings

    warnings.simplefilter("ignore")  # the MLP's ConvergenceWarning on raw features
    models = []
    for name, kind, est, x, y, features in specs:
        x_train, y_train, x_test = split(x, y)
        est.fit(with_missing(x_train) if name == "pipeline" else x_train, y_train)
        rows = x_test[: args.rows]
        path = os.path.join(args.out, f"{name}.pkl")
        with open(path, "wb") as f:
            pickle.dump(est, f, protocol=pickle.HIGHEST_PROTOCOL)
        models.append({
            "name": name,
            "className": type(est).__name__,
            "kind": kind,
            "file": path,
            "bytes": os.path.getsize(path),
            "features": features,
            "rows": rows.tolist(),
            "predictions": est.predict(rows).tolist(),
        })
    json.dump({"data": os.path.abspath(args.data), "sklearn": sklearn.__version__, "numpy": np.__version__, "python": sys.version.split()[0], "models": models}, sys.stdout)


if __name__ == "__main__":
    main()
