"""Peer for `npm run bench:loops`: scikit-learn's SGDClassifier(loss="log_loss") / SGDRegressor,
one partial_fit per example, behind the same online scaling and target standardisation as the
Crucible learner. Prequential: predict, score, then learn. Prints one JSON document on stdout.

  /usr/bin/python3 bench/loops_peer.py --perms bench/permutations.json --data lib/loops/testdata
      [--limit N] [--permutations K] [--mixed FILE]

Before the first partial_fit the model cannot predict; the peer then predicts the majority class
seen so far (None, counted wrong, on the very first example) or, for regression, the standardised
rule with a margin of 0 (the running target mean, 0 before any target), as the Crucible learner does.
"""
import argparse, csv, gzip, json, math, sys, time, warnings

import numpy as np
from sklearn.linear_model import SGDClassifier, SGDRegressor

warnings.filterwarnings("ignore")  # ConvergenceWarning etc. are meaningless for single-example partial_fit


class Welford:
    """Running mean and population std per column (vectorised)."""

    def __init__(self, k):
        self.n, self.mean, self.m2 = 0, np.zeros(k), np.zeros(k)

    def add(self, x):
        self.n += 1
        d = x - self.mean
        self.mean = self.mean + d / self.n
        self.m2 = self.m2 + d * (x - self.mean)

    def z(self, x):
        std = np.sqrt(self.m2 / self.n) if self.n else np.zeros_like(self.mean)
        out = np.zeros_like(x, dtype=float)
        ok = std > 0
        out[ok] = (x[ok] - self.mean[ok]) / std[ok]
        return out


def load_sklearn(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    k = int(rows[0][1])
    data = [[float(c) for c in r] for r in rows[1:] if r]
    return np.array([r[:k] for r in data]), [int(r[k]) for r in data]


def load_chick(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    names = [n.strip() for n in rows[0]]
    data = np.array([[float(c) for c in r] for r in rows[1:] if r])
    cols = [names.index(n) for n in ("chick", "diet", "time")]  # the learner's (sorted) field order
    return data[:, cols], list(data[:, names.index("weight")])


def load_diabetes(folder):
    with gzip.open(f"{folder}/diabetes_data_raw.csv.gz", "rt") as f:
        x = np.array([[float(c) for c in line.split()] for line in f if line.strip()])
    with gzip.open(f"{folder}/diabetes_target.csv.gz", "rt") as f:
        y = [float(line) for line in f if line.strip()]
    return x, y


def make_model(task, config):
    if task == "classification":
        if config == "default":
            return SGDClassifier(loss="log_loss", random_state=0)
        return SGDClassifier(loss="log_loss", learning_rate="constant", eta0=0.005, random_state=0)
    if config == "default":
        return SGDRegressor(random_state=0)
    return SGDRegressor(learning_rate="constant", eta0=0.01, random_state=0)


def run_stream(task, x, y, config, classes=None, timing=False):
    """Prequential pass. Returns accuracy or MAE/R², and per-example ns of predict + partial_fit if asked."""
    model, scaler, fitted = make_model(task, config), Welford(x.shape[1]), False
    t_n, t_mean, t_m2 = 0, 0.0, 0.0  # target Welford (regression)
    counts = {}
    correct, abs_err, preds, times = 0, 0.0, [], []
    for xi, yi in zip(x, y):
        start = time.perf_counter_ns()
        zp = scaler.z(xi).reshape(1, -1)  # predict: pre-update stats
        if task == "classification":
            if fitted:
                p = model.predict(zp)[0]
            else:
                p = max(counts, key=counts.get) if counts else None
        else:
            m = float(model.predict(zp)[0]) if fitted else 0.0
            t_std = math.sqrt(t_m2 / t_n) if t_n else 0.0
            p = t_mean + t_std * m if (t_n > 1 and t_std > 0) else t_mean + m
        scaler.add(xi)  # learn: update the stats, then transform
        zl = scaler.z(xi).reshape(1, -1)
        if task == "classification":
            model.partial_fit(zl, [yi], classes=classes)
        else:
            t_n += 1
            d = yi - t_mean
            t_mean += d / t_n
            t_m2 += d * (yi - t_mean)
            t_std = math.sqrt(t_m2 / t_n)
            model.partial_fit(zl, [(yi - t_mean) / t_std if t_std > 0 else 0.0])
        fitted = True
        if timing:
            times.append(time.perf_counter_ns() - start)
        counts[yi] = counts.get(yi, 0) + 1
        if task == "classification":
            correct += int(p == yi)
        else:
            abs_err += abs(p - yi)
            preds.append(p)
    n = len(y)
    if task == "classification":
        result = {"accuracy": correct / n}
    else:
        ys = np.array(y)
        ss_tot = float(((ys - ys.mean()) ** 2).sum())
        ss_res = float(((ys - np.array(preds)) ** 2).sum())
        result = {"mae": abs_err / n, "r2": 1 - ss_res / ss_tot if ss_tot > 0 else 0.0}
    if timing:
        result["ns"] = times
    return result


def mixed_matrix(path):
    """The bench's synthetic mixed stream, one-hot encoded into fixed columns (10 numbers + 5 × 1,000 values)."""
    with open(path) as f:
        stream = json.load(f)
    numbers, strings = stream["numbers"], stream["strings"]
    x = np.zeros((len(stream["rows"]), len(numbers) + len(strings) * stream["cardinality"]))
    for i, row in enumerate(stream["rows"]):
        x[i, : len(numbers)] = [row[f] for f in numbers]
        for j, f in enumerate(strings):
            x[i, len(numbers) + j * stream["cardinality"] + int(row[f][1:])] = 1.0  # values are "v<index>"
    return x, [bool(row[stream["output"]]) for row in stream["rows"]]


def summarise_ns(ns):
    s = sorted(ns)
    return {"p50_us": s[len(s) // 2] / 1000, "p99_us": s[min(len(s) - 1, int(len(s) * 0.99))] / 1000, "mean_us": sum(s) / len(s) / 1000, "n": len(s)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--perms", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--permutations", type=int, default=3)
    ap.add_argument("--mixed")
    args = ap.parse_args()
    with open(args.perms) as f:
        perms = json.load(f)["permutations"]
    cut = (lambda a: a[: args.limit]) if args.limit else (lambda a: a)

    sets = {
        "chick-weights": ("regression", *load_chick(f"{args.data}/chick-weights.csv"), None),
        "diabetes": ("regression", *load_diabetes(args.data), None),
        "breast_cancer": ("classification", *load_sklearn(f"{args.data}/breast_cancer.csv"), None),
        "wine": ("classification", *load_sklearn(f"{args.data}/wine_data.csv"), None),
        "iris": ("classification", *load_sklearn(f"{args.data}/iris.csv"), None),
    }
    accuracy = {}
    for name, (task, x, y, _) in sets.items():
        orders = [list(range(len(y)))] if name == "chick-weights" else perms[name][: args.permutations]
        classes = sorted(set(y)) if task == "classification" else None  # partial_fit needs every class up front
        accuracy[name] = {}
        for config in ("default", "constant"):
            runs = [run_stream(task, cut(x[order]), cut([y[i] for i in order]), config, classes) for order in orders]
            accuracy[name][config] = {k: sum(r[k] for r in runs) / len(runs) for k in runs[0]} | {"runs": runs}

    speed = {}
    x, y = sets["breast_cancer"][1], sets["breast_cancer"][2]
    speed["breast_cancer"] = summarise_ns(run_stream("classification", cut(x), cut(y), "default", [0, 1], timing=True)["ns"])
    if args.mixed:
        x, y = mixed_matrix(args.mixed)
        speed["mixed"] = summarise_ns(run_stream("classification", x, y, "default", [False, True], timing=True)["ns"])
        speed["mixed"]["columns"] = x.shape[1]

    import sklearn
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "python": sys.version.split()[0], "accuracy": accuracy, "speed": speed}, sys.stdout)


if __name__ == "__main__":
    main()
