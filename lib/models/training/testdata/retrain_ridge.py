# Retrains the document's Ridge example on the model's data file (the contract of Crucible's
# training sandbox): reads CRUCIBLE_DATA, holds out 20% of the rows, writes the fitted model to
# CRUCIBLE_OUTPUT/model.pkl and its held-out scores to CRUCIBLE_OUTPUT/metrics.json.
import csv
import json
import os
import pickle

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score

with open(os.environ["CRUCIBLE_DATA"], newline="") as f:
    rows = list(csv.reader(f))
header, values = rows[0], np.array(rows[1:], dtype=float)
X, y = values[:, :-1], values[:, -1]
print(f"{len(y)} rows, features: {', '.join(header[:-1])}; target: {header[-1]}")

order = np.random.default_rng(0).permutation(len(y))
test, train = order[: len(y) // 5], order[len(y) // 5 :]
model = Ridge(alpha=1.0).fit(X[train], y[train])
predicted = model.predict(X[test])
metrics = {"r2": float(r2_score(y[test], predicted)), "mae": float(mean_absolute_error(y[test], predicted))}
print("held-out metrics:", metrics)

output = os.environ["CRUCIBLE_OUTPUT"]
with open(os.path.join(output, "model.pkl"), "wb") as f:
    pickle.dump(model, f)
with open(os.path.join(output, "metrics.json"), "w") as f:
    json.dump(metrics, f)
