"""crowd-kit's DawidSkene (Toloka/crowd-kit, crowdkit/aggregation/classification/dawid_skene.py at
35f0661, Apache 2.0), re-implemented line for line in numpy for bench/crowd.ts: crowd-kit itself
needs PyPI, which this machine does not reach. Same start (MajorityVote's vote shares), same M-step
(expected counts per worker and observed label, clipped at 1e-10, normalised over the labels the
worker gave), same E-step (log2, row max shift), same loss (the evidence lower bound per answer,
with crowd-kit's per-answer prior term) and the same stop (loss gain < tol, at most n_iter rounds).

stdin: {"answers": [[task, worker, label], ...] (ints), "n_iter": int, "tol": float}
stdout: {"probas": [[...], ...] (tasks in first-appearance order, labels sorted), "labels": [...], "iterations": int}
"""

import json
import sys

import numpy as np

EPS = np.float_power(10, -10)


def fit(answers, n_iter, tol):
    data = np.asarray(answers, dtype=np.int64)
    tasks, task_idx = np.unique(data[:, 0], return_inverse=True)
    workers, worker_idx = np.unique(data[:, 1], return_inverse=True)
    labels, label_idx = np.unique(data[:, 2], return_inverse=True)
    T, W, K = len(tasks), len(workers), len(labels)

    # MajorityVote().fit_predict_proba: vote shares per task.
    probas = np.zeros((T, K))
    np.add.at(probas, (task_idx, label_idx), 1.0)
    probas /= probas.sum(axis=1, keepdims=True)

    # Only (worker, label) pairs that occur are rows of crowd-kit's errors frame.
    observed = np.zeros((W, K), dtype=bool)
    observed[worker_idx, label_idx] = True

    def m_step(probas):
        errors = np.zeros((W, K, K))  # [worker, observed label, true label]
        np.add.at(errors, (worker_idx, label_idx), probas[task_idx])
        errors = np.clip(errors, EPS, None) * observed[:, :, None]
        return errors / errors.sum(axis=1, keepdims=True)

    def e_step(priors, errors):
        log_lik = np.zeros((T, K))
        np.add.at(log_lik, task_idx, np.log2(errors[worker_idx, label_idx]))
        log_lik += np.log2(np.clip(priors, EPS, None))
        scaled = np.exp2(log_lik - log_lik.max(axis=1, keepdims=True))
        return scaled / scaled.sum(axis=1, keepdims=True)

    def elbo(probas, priors, errors):
        per_answer = np.log(errors[worker_idx, label_idx]) + np.log(np.clip(priors, EPS, None))
        joint = (probas[task_idx] * per_answer).sum()
        clipped = np.clip(probas, EPS, None)
        entropy = -(np.log(clipped) * clipped).sum()
        return float(joint + entropy)

    priors = probas.mean(axis=0)
    errors = m_step(probas)
    loss = -np.inf
    rounds = 0
    for _ in range(n_iter):
        probas = e_step(priors, errors)
        priors = probas.mean(axis=0)
        errors = m_step(probas)
        new_loss = elbo(probas, priors, errors) / len(data)
        rounds += 1
        if new_loss - loss < tol:
            break
        loss = new_loss

    # Back to first-appearance task order and the full label range 0..max (absent labels get 0).
    first = {}
    for t in data[:, 0]:
        first.setdefault(int(t), len(first))
    order = np.argsort([first[int(t)] for t in tasks], kind="stable")
    full = np.zeros((T, int(labels.max()) + 1))
    full[:, labels] = probas
    full = full[order]
    return {"probas": full.tolist(), "labels": full.argmax(axis=1).tolist(), "iterations": rounds}


def self_check():
    """crowd-kit's test_dawid_skene_step_by_step (n_iter=1) and test_dawid_skene_overlap (3), atol 0.005."""
    rows = "t1 w1 no,t1 w2 yes,t1 w4 yes,t1 w5 no,t2 w1 yes,t2 w2 yes,t2 w3 yes,t2 w4 no,t2 w5 no,t3 w1 yes,t3 w2 no,t3 w3 no,t3 w4 yes,t3 w5 no,t4 w1 yes,t4 w2 yes,t4 w3 yes,t4 w4 yes,t4 w5 yes,t5 w1 yes,t5 w2 no,t5 w3 no,t5 w4 no,t5 w5 no"
    answers = [[int(t[1:]), int(w[1:]), 1 if l == "yes" else 0] for t, w, l in (r.split() for r in rows.split(","))]
    got = np.array(fit(answers, 1, 1e-5)["probas"])
    want = np.array([[0.35, 0.65], [0.26, 0.74], [0.87, 0.13], [0.0, 1.0], [0.95, 0.05]])
    assert np.allclose(got, want, atol=0.005), got
    overlap = [[t, w, 1 if (w - t) % 3 else 0] for w in range(3) for t in range(3)]
    assert np.allclose(np.array(fit(overlap, 20, 1e-5)["probas"])[:, 0], 1 / 3, atol=0.005)
    return "crowd-kit step-by-step and overlap fixtures reproduced"


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        print(self_check())
        sys.exit(0)
    request = json.load(sys.stdin)
    json.dump(fit(request["answers"], request["n_iter"], request["tol"]), sys.stdout)
